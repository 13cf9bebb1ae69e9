/**
 * Mosquitto stopped while publish runs: on a private broker (the shared one on 1883 stays up), the real CLI
 * publishes a new week of forecasts for 8,000 songs and the broker is shut down once a subscriber has seen some
 * of them. The run must exit 1 naming the broker; only acknowledged forecasts are marked published; after the
 * restart the next run sends exactly the rest, and a fresh subscriber finds one retained message per covered
 * song, each the current week's, and none for the songs that left coverage.
 */
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import mqtt from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { charts, forecastPublications, forecasts, models, mqttRetained, tracks, type NewForecast } from '@/lib/db/schema';
import { syntheticSpotifyId } from '@/lib/importers/synthetic-charts';
import { EXIT } from '@/lib/jobs/run-job';
import { lastRun, runJobCli, startJob } from '@/tests/support/job-cli';
import { readRetained, uniquePrefix } from '@/tests/support/mqtt';
import { startPrivateMosquitto, type PrivateMosquitto } from '@/tests/support/private-services';
import { createTestDb, type TestDb } from '@/tests/support/test-db';

const SONGS = 8_000;
/** Songs on the first week's chart only: their topics must be deleted. */
const LEAVING = 100;
const FIRST_WEEK = '2026-11-19';
const NEW_WEEK = '2026-11-26';
/** Shut the broker down after this many of the new week's messages reached a subscriber. */
const STOP_AFTER = 1_500;

const prefix = uniquePrefix('broker-fault');
let broker: PrivateMosquitto;
let t: TestDb;
let chartId: number;
let modelId: number;
const trackIds: number[] = [];

/** Forecasts of `ids` at `asOf`, both horizons, in batches. */
async function forecastWeek(ids: number[], asOf: string) {
  const rows: NewForecast[] = ids.flatMap((trackId, i) =>
    [26, 52].map((h) => ({ trackId, chartId, asOf, horizonWeeks: h, targetDate: asOf, modelId, pCharting: (i % 100) / 100, p10: 0, p50: i % 50, p90: i % 90 })),
  );
  for (let i = 0; i < rows.length; i += 5_000) await t.db.insert(forecasts).values(rows.slice(i, i + 5_000));
}

const publishEnv = () => ({ MQTT_URL: broker.url, MQTT_TOPIC_PREFIX: prefix, MQTT_MAX_IN_FLIGHT: '50' });
const songTopic = (n: number) => `${prefix}/forecasts/${syntheticSpotifyId(n)}`;

beforeAll(async () => {
  [broker, t] = await Promise.all([startPrivateMosquitto('publish'), createTestDb('broker_fault')]);
  const [chart] = await t.db.insert(charts).values({ slug: 'weekly-global', name: 'Global', source: 'test', country: 'global', frequency: 'weekly', size: 200 });
  chartId = chart.insertId;
  const [model] = await t.db
    .insert(models)
    .values({ kind: 'forecast', version: 1, status: 'active', trainedRows: 1, featureSpec: {}, metrics: {}, baselineMetrics: {}, artifact: Buffer.from('x') });
  modelId = model.insertId;
  const all = Array.from({ length: SONGS + LEAVING }, (_, n) => ({ spotifyId: syntheticSpotifyId(n), matchKey: `song ${n}`, title: `Song ${n}`, artistNames: 'Artist' }));
  for (let i = 0; i < all.length; i += 5_000) await t.db.insert(tracks).values(all.slice(i, i + 5_000));
  const rows = await t.db.select({ id: tracks.id }).from(tracks).orderBy(tracks.id);
  trackIds.push(...rows.map((r) => r.id));
  await forecastWeek(trackIds, FIRST_WEEK);
  const first = await runJobCli(['publish'], t.url, publishEnv());
  expect(first.code, first.output).toBe(EXIT.done);
  await forecastWeek(trackIds.slice(0, SONGS), NEW_WEEK);
});
// A failed test must not leave the broker down for the next one.
afterEach(async () => {
  if (broker && !broker.running()) await broker.start();
});
afterAll(async () => {
  await Promise.all([broker?.remove(), t?.drop()]);
});

/** Resolves once `count` live (not retained-on-subscribe) messages under the prefix arrived. */
async function watchLiveMessages(count: number): Promise<{ reached: Promise<void>; close: () => Promise<void> }> {
  const client = await mqtt.connectAsync(broker.url, { protocolVersion: 5, reconnectPeriod: 0 });
  let seen = 0;
  const reached = new Promise<void>((resolve) => {
    client.on('message', (_topic, _payload, packet) => {
      if (!packet.retain && ++seen === count) resolve();
    });
  });
  await client.subscribeAsync(`${prefix}/forecasts/#`, { qos: 0 });
  return { reached, close: () => client.endAsync(true).catch(() => undefined) };
}

const countRows = async (where: ReturnType<typeof and>) =>
  (
    await t.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(forecasts)
      .leftJoin(forecastPublications, eq(forecastPublications.forecastId, forecasts.id))
      .where(where)
  )[0]!.n;

describe('Mosquitto stops during publish', () => {
  it('fails clearly, keeps what was not acknowledged unpublished, and the next run sends exactly that', async () => {
    const watcher = await watchLiveMessages(STOP_AFTER);
    const job = startJob(['publish'], t.url, publishEnv());
    await watcher.reached;
    await broker.stop('SIGTERM');
    await watcher.close();
    const failed = await job.exited;
    expect(failed.code, failed.output).toBe(EXIT.failed);
    expect(failed.output).toMatch(new RegExp(`message\\(s\\) were not acknowledged by the MQTT broker at ${broker.url.replace(/\./g, '\\.')}.*the next publish sends them`));

    const run = await lastRun(t.pool, 'publish');
    expect(run?.status).toBe('failed');
    const acked = Number(run?.stats?.published);
    expect(acked).toBeGreaterThanOrEqual(STOP_AFTER - 50);
    expect(acked).toBeLessThan(SONGS);
    expect(Number(run?.stats?.failed)).toBe(SONGS - acked);
    // Marked published: both horizons of exactly the acknowledged songs; the rest waits.
    expect(await countRows(and(sql`${forecasts.asOf} = ${NEW_WEEK}`, isNotNull(forecastPublications.forecastId)))).toBe(2 * acked);
    expect(await countRows(and(sql`${forecasts.asOf} = ${NEW_WEEK}`, isNull(forecastPublications.forecastId)))).toBe(2 * (SONGS - acked));

    await broker.start();
    const again = await runJobCli(['publish'], t.url, publishEnv());
    expect(again.code, again.output).toBe(EXIT.done);
    expect((await lastRun(t.pool, 'publish'))?.stats).toMatchObject({ current: SONGS, published: SONGS - acked, skipped: acked, removed: LEAVING, failed: 0 });
    expect(await countRows(isNull(forecastPublications.forecastId))).toBe(0);

    const retained = await readRetained(broker.url, `${prefix}/forecasts/#`);
    const expected = Array.from({ length: SONGS }, (_, n) => songTopic(n));
    expect([...retained.keys()].sort()).toEqual([...expected, `${prefix}/forecasts/_summary`].sort());
    for (const [n, topic] of expected.entries()) {
      const payload = JSON.parse(retained.get(topic)!.payload.toString()) as { as_of: string; track: { id: number } };
      expect(payload.as_of, topic).toBe(NEW_WEEK);
      expect(payload.track.id, topic).toBe(trackIds[n]);
    }
    expect(await t.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(mqttRetained)).toEqual([{ n: SONGS }]);
  });
});
