/**
 * End to end for 50,000 songs (issue 7): predict, then publish, as the weekly order runs them (runJob:
 * job_runs row, lock, heartbeat), timed together. Each run starts from no forecast of the latest week,
 * so predict writes every row and publish sends and records every song.
 *   LOG_LEVEL=warn node --conditions=react-server --import tsx bench/predict-publish.ts [--runs 1] [--reseed]
 * BENCH_PREDICT_DATABASE_URL names the database (default mysql://root@127.0.0.1:3306/songcast_bench_predict),
 * seeded once and kept: the generated sample at 50,000 songs (sample-data), a forecast model (train, two
 * epochs; promoted even if it does not beat the baselines: the bench times predict, it does not judge it),
 * then, because the sample's charts hold only 500 places a week, two weekly "long lists" of 25,000 places
 * (a chart's size is a SMALLINT) over the last 13 weeks that rank every song, as Deezer's rank of every
 * tracked song would. Publishes to Mosquitto at TEST_MQTT_URL under a prefix of its own, deleted after.
 */
import { parseArgs } from 'node:util';
import mysql, { type Pool, type RowDataPacket } from 'mysql2/promise';
import { createDb } from '@/lib/db/client';
import { migrateDatabase, splitDatabaseUrl } from '@/lib/db/migrate';
import { predictJob } from '@/lib/jobs/predict';
import { publishJob, type PublishStats } from '@/lib/jobs/publish';
import { runJob } from '@/lib/jobs/run-job';
import { sampleDataJob } from '@/lib/jobs/sample-data';
import { trainJob } from '@/lib/jobs/train';
import type { JobDefinition, JobStats } from '@/lib/jobs/types';
import { openPublisher } from '@/lib/mqtt/publisher';
import { promoteModel } from '@/lib/models/registry-actions';
import { TEST_BROKER_URL, uniquePrefix } from '@/tests/support/mqtt';
import { loadAverage, median } from './summary';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '1' }, reseed: { type: 'boolean', default: false } } });
const URL_ = process.env.BENCH_PREDICT_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/songcast_bench_predict';
const SONGS = 50_000;
const LISTS = 2;
const LIST_WEEKS = 13;
const WINDOW = 500;
const prefix = uniquePrefix('e2e');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function job(definition: JobDefinition, args: Record<string, unknown>): Promise<{ stats: JobStats; ms: number }> {
  const started = performance.now();
  const result = await runJob(definition, definition.input.parse(args), { url: URL_, tty: false });
  if (result.code !== 0) throw new Error(`${definition.name} failed: ${result.error ?? `exit ${result.code}`}`);
  return { stats: result.stats, ms: performance.now() - started };
}

async function scalar(pool: Pool, sql: string): Promise<number | null> {
  const [rows] = await pool.query<RowDataPacket[]>(sql);
  const value = rows[0] ? Object.values(rows[0])[0] : null;
  return value === null || value === undefined ? null : Number(value);
}

/** Every song on one of the long lists in each of the sample's last LIST_WEEKS weeks, ranked by a drifting score. */
async function addLongLists(pool: Pool) {
  const latest = await scalar(pool, 'SELECT TO_DAYS(MAX(chart_date)) FROM chart_entries');
  if (latest === null) throw new Error('sample-data left no chart entries');
  const size = Math.ceil(SONGS / LISTS);
  for (let list = 0; list < LISTS; list++) {
    await pool.query("INSERT INTO charts (slug, name, source, country, frequency, size) VALUES (?, ?, 'bench', 'global', 'weekly', ?)", [
      `bench-long-list-${list}`,
      `Bench long list ${list}`,
      size,
    ]);
    const chartId = await scalar(pool, `SELECT id FROM charts WHERE slug = 'bench-long-list-${list}'`);
    for (let week = 0; week < LIST_WEEKS; week++) {
      await pool.query(
        `INSERT INTO chart_entries (chart_id, chart_date, \`rank\`, track_id)
         SELECT ?, FROM_DAYS(?), ROW_NUMBER() OVER (ORDER BY SIN(t.id * 0.7) + 0.3 * SIN(t.id * 0.13 + ? * 0.4) DESC, t.id), t.id
         FROM tracks t WHERE t.id % ? = ?`,
        [chartId, latest - 7 * week, week, LISTS, list],
      );
    }
  }
}

async function seed(pool: Pool) {
  const tracks = (await scalar(pool, 'SELECT COUNT(*) FROM tracks')) ?? 0;
  const lists = await scalar(pool, "SELECT COUNT(*) FROM charts WHERE source = 'bench'");
  if (tracks >= SONGS && lists === LISTS) return;
  console.log(`seeding ${SONGS.toLocaleString()} songs (load ${loadAverage()})`);
  const sample = await job(sampleDataJob, { songs: String(SONGS), weeks: '104' });
  console.log(`  sample-data ${seconds(sample.ms)}`);
  const trained = await job(trainJob, { epochs: '2' });
  console.log(`  train ${seconds(trained.ms)} (${String(trained.stats.status)})`);
  const { db, close } = createDb({ url: URL_, connectionLimit: 1 });
  try {
    if (trained.stats.status === 'candidate') await promoteModel(db, Number(trained.stats.modelId));
  } finally {
    await close();
  }
  await addLongLists(pool);
}

async function deleteRetained(pool: Pool) {
  const [rows] = await pool.query<RowDataPacket[]>('SELECT topic FROM mqtt_retained WHERE topic LIKE ?', [`${prefix}/%`]);
  const publisher = await openPublisher({ url: TEST_BROKER_URL, maxInFlight: WINDOW });
  try {
    const topics = [...rows.map((r) => String(r.topic)), `${prefix}/forecasts/_summary`];
    await publisher.publishRetained(topics.map((topic) => ({ topic, payload: '' })), { onAck: () => undefined });
  } finally {
    await publisher.end();
  }
  await pool.query('DELETE FROM mqtt_retained WHERE topic LIKE ?', [`${prefix}/%`]);
}

async function main() {
  Object.assign(process.env, { MQTT_URL: TEST_BROKER_URL, MQTT_TOPIC_PREFIX: prefix, MQTT_MAX_IN_FLIGHT: String(WINDOW) });
  const { serverUrl, database } = splitDatabaseUrl(URL_);
  if (values.reseed) {
    const server = await mysql.createConnection({ uri: serverUrl });
    await server.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await server.end();
  }
  await migrateDatabase(URL_);
  const pool = mysql.createPool({ uri: URL_, connectionLimit: 2 });
  const runs: { predictMs: number; publishMs: number; totalMs: number; songs: number; forecasts: number; publish: PublishStats }[] = [];
  try {
    await seed(pool);
    for (let run = 0; run < Number(values.runs); run++) {
      // A fresh week: no forecast of the latest as-of yet, nothing of it on the broker.
      await pool.query('DELETE FROM forecasts');
      await pool.query('DELETE FROM forecast_publications');
      await pool.query('DELETE FROM mqtt_retained');
      const loadBefore = loadAverage();
      const predicted = await job(predictJob, {});
      const published = await job(publishJob, { all: false });
      const stats = published.stats as unknown as PublishStats;
      runs.push({
        predictMs: predicted.ms,
        publishMs: published.ms,
        totalMs: predicted.ms + published.ms,
        songs: Number(predicted.stats.songs),
        forecasts: Number(predicted.stats.forecasts),
        publish: stats,
      });
      console.log(
        `run ${run + 1}: predict ${seconds(predicted.ms)} (${Number(predicted.stats.forecasts).toLocaleString()} forecasts), ` +
          `publish ${seconds(published.ms)} (${stats.published.toLocaleString()} songs, ${stats.msgPerSec} msg/s, ack records after the last PUBACK ${stats.recordMs} ms), ` +
          `end to end ${seconds(predicted.ms + published.ms)}; load ${loadBefore} → ${loadAverage()}`,
      );
    }
    console.log(
      JSON.stringify({
        runs: runs.length,
        songsPublished: runs[0]?.publish.published,
        forecasts: runs[0]?.forecasts,
        predictMs: Math.round(median(runs.map((r) => r.predictMs))),
        publishMs: Math.round(median(runs.map((r) => r.publishMs))),
        publishMsgPerSec: median(runs.map((r) => r.publish.msgPerSec ?? 0)),
        endToEndMs: Math.round(median(runs.map((r) => r.totalMs))),
        loadAverage: loadAverage(),
      }),
    );
  } finally {
    await deleteRetained(pool).catch((err) => console.error('could not delete the retained topics:', err));
    await pool.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
