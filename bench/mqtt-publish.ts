/**
 * Publish rate of the `publish` job against a bare mqtt.js publisher, both to the same broker, in the
 * same run, with the same 50,000 retained QoS 1 payloads, the same MQTT 5 properties and the same window.
 * The job runs the way the CLI runs it (runJob: job_runs row, lock, heartbeat, progress), each time with
 * every forecast unacknowledged (the weekly case), so its ack records are written too.
 *   LOG_LEVEL=warn node --conditions=react-server --import tsx bench/mqtt-publish.ts [--messages 50000] [--runs 3]
 * Needs MariaDB/MySQL (a throwaway database, dropped afterwards) and Mosquitto at TEST_MQTT_URL.
 */
import { parseArgs } from 'node:util';
import mqtt from 'mqtt';
import { charts, models } from '@/lib/db/schema';
import { publishJob, type PublishStats } from '@/lib/jobs/publish';
import { runJob } from '@/lib/jobs/run-job';
import { listCurrentForecasts } from '@/lib/mqtt/current-forecasts';
import { openPublisher, publishOptions, type RetainedMessage } from '@/lib/mqtt/publisher';
import { topicsFor } from '@/lib/mqtt/topics';
import { TEST_BROKER_URL, uniquePrefix } from '@/tests/support/mqtt';
import { createTestDb, type TestDb } from '@/tests/support/test-db';
import { loadAverage, median } from './summary';

const { values } = parseArgs({ options: { messages: { type: 'string', default: '50000' }, runs: { type: 'string', default: '3' } } });
const N = Number(values.messages);
const RUNS = Number(values.runs);
const WINDOW = 500;
const SETTLE_MS = 3_000;
const prefix = uniquePrefix('bench');

const spotifyId = (i: number) => `b${String(i).padStart(21, '0')}`;

/** Deletes the bench's retained topics by name: a subscriber would miss some past Mosquitto's queue limit. */
async function deleteTopics(topics: string[]) {
  const publisher = await openPublisher({ url: TEST_BROKER_URL, maxInFlight: WINDOW });
  try {
    await publisher.publishRetained(topics.map((topic) => ({ topic, payload: '' })), { onAck: () => undefined });
  } finally {
    await publisher.end();
  }
}

async function seed(t: TestDb) {
  const [chart] = await t.db.insert(charts).values({ slug: 'bench-global', name: 'Bench', source: 'bench', country: 'global', frequency: 'weekly', size: 200 });
  const [model] = await t.db.insert(models).values({ kind: 'forecast', version: 1, trainedRows: 1, featureSpec: {}, metrics: {}, baselineMetrics: {}, artifact: Buffer.from('x') });
  const trackRows = Array.from({ length: N }, (_, i) => [spotifyId(i), `k${i}`, `Song ${i}`, `Artist ${i % 600}`]);
  await t.pool.query('INSERT INTO tracks (spotify_id, match_key, title, artist_names) VALUES ?', [trackRows]);
  const [ids] = (await t.pool.query('SELECT id FROM tracks ORDER BY id')) as unknown as [{ id: number }[]];
  const rows = ids.flatMap(({ id }, i) =>
    [26, 52].map((h) => [id, chart.insertId, '2026-11-19', h, h === 26 ? '2027-05-20' : '2027-11-18', model.insertId, (i % 100) / 100, 0, i % 60, 30 + (i % 70)]),
  );
  for (let i = 0; i < rows.length; i += 10_000) {
    await t.pool.query('INSERT INTO forecasts (track_id, chart_id, as_of, horizon_weeks, target_date, model_id, p_charting, p10, p50, p90) VALUES ?', [rows.slice(i, i + 10_000)]);
  }
}

/**
 * The baseline: mqtt.js alone, same payloads, retained QoS 1, same window, no database;
 * with `properties`, also the same MQTT 5 properties the job sends.
 */
async function bare(messages: RetainedMessage[], properties: boolean): Promise<number> {
  const client = await mqtt.connectAsync(TEST_BROKER_URL, { protocolVersion: 5, reconnectPeriod: 0 });
  const started = performance.now();
  let inFlight = 0;
  let wake: (() => void) | null = null;
  const freed = () => new Promise<void>((resolve) => (wake = resolve));
  for (const m of messages) {
    while (inFlight >= WINDOW) await freed();
    inFlight++;
    const options = properties ? publishOptions(m, 5) : { qos: 1 as const, retain: true };
    void client.publishAsync(m.topic, m.payload, options).finally(() => {
      inFlight--;
      const w = wake;
      wake = null;
      w?.();
    });
  }
  while (inFlight > 0) await freed();
  const seconds = (performance.now() - started) / 1000;
  await client.endAsync();
  return messages.length / seconds;
}

async function main() {
  // The job reads its broker, prefix and window from the environment, as in production.
  Object.assign(process.env, { MQTT_URL: TEST_BROKER_URL, MQTT_TOPIC_PREFIX: prefix, MQTT_MAX_IN_FLIGHT: String(WINDOW) });
  const t = await createTestDb('bench');
  try {
    await seed(t);
    const selectStarted = performance.now();
    const { messages } = await listCurrentForecasts(t.db, topicsFor(prefix));
    const selectMs = Math.round(performance.now() - selectStarted);
    const job: PublishStats[] = [];
    const baseline: number[] = [];
    const baselineProps: number[] = [];
    const loadBefore = loadAverage();
    // A warm-up creates the retained topics, so every measured run overwrites existing ones.
    await bare(messages, false);
    for (let run = 0; run < RUNS; run++) {
      const order = run % 2 === 0 ? ['job', 'bare', 'props'] : ['props', 'bare', 'job'];
      for (const which of order) {
        if (which === 'job') {
          // The weekly case: nothing of this set acknowledged yet.
          await t.pool.query('DELETE FROM forecast_publications');
          await t.pool.query('DELETE FROM mqtt_retained');
          // Let InnoDB purge what the reset changed (150,000 rows) before timing, as the bare runs get a quiet database.
          await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
          const result = await runJob(publishJob, { all: false }, { url: t.url, tty: false });
          if (result.code !== 0) throw new Error(`publish failed: ${result.error}`);
          job.push(result.stats as unknown as PublishStats);
        } else if (which === 'bare') baseline.push(await bare(messages, false));
        else baselineProps.push(await bare(messages, true));
      }
      const last = job.at(-1)!;
      console.log(
        `run ${run + 1}: job ${last.msgPerSec} msg/s (publish ${last.published}, total ${last.ms} ms, ack records after the last PUBACK ${last.recordMs} ms), ` +
          `bare with properties ${Math.round(baselineProps.at(-1)!)} msg/s, bare ${Math.round(baseline.at(-1)!)} msg/s; load ${loadAverage()}`,
      );
    }
    const jobRate = median(job.map((s) => s.msgPerSec ?? 0));
    console.log(
      JSON.stringify({
        messages: messages.length,
        window: WINDOW,
        runs: RUNS,
        jobMsgPerSec: jobRate,
        jobTotalMs: median(job.map((s) => s.ms)),
        jobRecordMsAfterLastAck: median(job.map((s) => s.recordMs)),
        selectAndBuildMs: selectMs,
        bareWithV5PropertiesMsgPerSec: Math.round(median(baselineProps)),
        bareMsgPerSec: Math.round(median(baseline)),
        jobVsBareWithProperties: Number((jobRate / median(baselineProps)).toFixed(2)),
        jobVsBare: Number((jobRate / median(baseline)).toFixed(2)),
        loadAverage: { before: loadBefore, after: loadAverage() },
      }),
    );
  } finally {
    await deleteTopics([...Array.from({ length: N }, (_, i) => `${prefix}/forecasts/${spotifyId(i)}`), `${prefix}/forecasts/_summary`]);
    await t.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
