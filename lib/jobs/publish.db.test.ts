import { and, eq, isNull, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charts, forecastPublications, forecasts, jobRuns, models, mqttRetained, tracks } from '@/lib/db/schema';
import { logger } from '@/lib/log';
import { brokerAnswers, startEmbeddedBroker } from '@/lib/mqtt/embedded-broker';
import { forecastPayloadSchema, summaryPayloadSchema } from '@/lib/mqtt/payloads';
import { MESSAGE_EXPIRY_SECONDS } from '@/lib/mqtt/publisher';
import { clearRetained, readRetained, TEST_BROKER_URL, uniquePrefix, unusedPort } from '@/tests/support/mqtt';
import { createTestDb, type TestDb } from '@/tests/support/test-db';
import { publishForecasts, publishJob, type PublishSettings } from './publish';
import { EXIT, runJob } from './run-job';

const prefix = uniquePrefix('publish');
const settings: PublishSettings = { url: TEST_BROKER_URL, prefix, maxInFlight: 50, all: false, connectTimeoutMs: 3_000 };
const ctxFor = (t: TestDb) => ({ db: t.db, pool: t.pool, log: logger.child({ test: 'publish' }), progress: () => undefined, stats: {} });

let t: TestDb;
const ids = { global: 0, us: 0, model: 0, a: 0, b: 0, c: 0 };
const SPOTIFY_A = '0VjIjW4GlUZAMYd2vXMi3b';
const SPOTIFY_B = '7qiZfU4dY1lWllzX7mPBI3';

async function forecast(trackId: number, chartId: number, asOf: string, p = 0.5, modelId = ids.model) {
  await t.db.insert(forecasts).values(
    [26, 52].map((h) => ({ trackId, chartId, asOf, horizonWeeks: h, targetDate: asOf, modelId, pCharting: p, p10: 0, p50: 20 * p, p90: 60 * p })),
  );
}

beforeAll(async () => {
  t = await createTestDb('publish');
  const insertId = async (q: Promise<[{ insertId: number }, unknown]>) => (await q)[0].insertId;
  ids.global = await insertId(t.db.insert(charts).values({ slug: 'weekly-global', name: 'Global', source: 'test', country: 'global', frequency: 'weekly', size: 50 }));
  ids.us = await insertId(t.db.insert(charts).values({ slug: 'weekly-us', name: 'US', source: 'test', country: 'us', frequency: 'weekly', size: 50 }));
  ids.model = await insertId(
    t.db.insert(models).values({ kind: 'forecast', version: 1, status: 'active', trainedRows: 1, featureSpec: {}, metrics: {}, baselineMetrics: {}, artifact: Buffer.from('x') }),
  );
  ids.a = await insertId(t.db.insert(tracks).values({ spotifyId: SPOTIFY_A, matchKey: 'a', title: 'Song A', artistNames: 'Artist A' }));
  ids.b = await insertId(t.db.insert(tracks).values({ spotifyId: SPOTIFY_B, matchKey: 'b', title: 'Song B', artistNames: 'Artist B' }));
  ids.c = await insertId(t.db.insert(tracks).values({ spotifyId: null, matchKey: 'c', title: 'Song C', artistNames: 'Artist C' }));
  // An older as-of that must not be published, then the current one: A on both charts (US more likely), B on US, C on global.
  await forecast(ids.a, ids.global, '2026-11-12');
  await forecast(ids.a, ids.global, '2026-11-19', 0.3);
  await forecast(ids.a, ids.us, '2026-11-19', 0.9);
  await forecast(ids.b, ids.us, '2026-11-19');
  await forecast(ids.c, ids.global, '2026-11-19');
});

afterAll(async () => {
  await clearRetained(TEST_BROKER_URL, prefix);
  await t?.drop();
});

const songTopic = (key: string) => `${prefix}/forecasts/${key}`;

describe('publish', () => {
  let firstPayloads: Map<string, string>;

  it('sends one retained QoS 1 message per song with MQTT 5 properties, then the summary', async () => {
    const stats = await publishForecasts(ctxFor(t), settings);
    expect(stats).toMatchObject({ protocol: 'MQTT 5', current: 3, published: 3, skipped: 0, removed: 0, failed: 0 });

    const got = await readRetained(TEST_BROKER_URL, `${prefix}/forecasts/#`);
    expect([...got.keys()].sort()).toEqual([songTopic(SPOTIFY_A), songTopic(SPOTIFY_B), songTopic('_summary'), songTopic(`t${ids.c}`)].sort());
    for (const m of got.values()) {
      expect(m.retain).toBe(true);
      expect(m.qos).toBe(1);
      expect(m.properties?.contentType).toBe('application/json');
      expect(m.properties?.payloadFormatIndicator).toBe(true);
      expect(m.properties?.messageExpiryInterval).toBeGreaterThan(MESSAGE_EXPIRY_SECONDS - 60);
      expect(m.properties?.userProperties).toMatchObject({ model_version: '1' });
    }
    const a = forecastPayloadSchema.parse(JSON.parse(got.get(songTopic(SPOTIFY_A))!.payload.toString()));
    // The global chart is A's main chart even though its US forecast is stronger; US rides along.
    expect(a).toMatchObject({ chart: { slug: 'weekly-global' }, as_of: '2026-11-19', model_version: 1, track: { id: ids.a, spotify_id: SPOTIFY_A } });
    expect(a.horizons.map((h) => [h.weeks, h.p_charting])).toEqual([[26, 0.3], [52, 0.3]]);
    expect(a.other_charts.map((c) => [c.chart.slug, c.horizons[0]?.p_charting])).toEqual([['weekly-us', 0.9]]);
    expect(got.get(songTopic(SPOTIFY_A))!.properties?.userProperties).toMatchObject({ schema: 'songcast.forecast.v1' });
    const summary = summaryPayloadSchema.parse(JSON.parse(got.get(songTopic('_summary'))!.payload.toString()));
    expect(summary).toMatchObject({ as_of: '2026-11-19', model_version: 1, count: 3 });
    expect(summary.charts).toEqual([
      { slug: 'weekly-global', country: 'global', as_of: '2026-11-19', model_version: 1, count: 2 },
      { slug: 'weekly-us', country: 'us', as_of: '2026-11-19', model_version: 1, count: 2 },
    ]);
    firstPayloads = new Map([...got].map(([k, v]) => [k, v.payload.toString()]));

    // Acknowledged rows are marked; the older as-of is not part of the current set.
    const marked = await t.db.select({ asOf: forecasts.asOf }).from(forecasts).innerJoin(forecastPublications, eq(forecastPublications.forecastId, forecasts.id));
    expect(marked).toHaveLength(8);
    expect(marked.every((r) => r.asOf === '2026-11-19')).toBe(true);
    expect(await t.db.select().from(mqttRetained)).toHaveLength(3);
  });

  it('sends nothing new the second time, and the same bytes again with --all', async () => {
    expect(await publishForecasts(ctxFor(t), settings)).toMatchObject({ published: 0, skipped: 3, removed: 0 });
    expect(await publishForecasts(ctxFor(t), { ...settings, all: true })).toMatchObject({ published: 3, skipped: 0 });
    const got = await readRetained(TEST_BROKER_URL, `${prefix}/forecasts/#`);
    for (const key of [SPOTIFY_A, SPOTIFY_B, `t${ids.c}`]) expect(got.get(songTopic(key))?.payload.toString()).toBe(firstPayloads.get(songTopic(key)));
  });

  it('deletes the topic of a song that left coverage', async () => {
    // A new global week without C: C's retained forecast must go, A moves on to the new as-of.
    await forecast(ids.a, ids.global, '2026-11-26', 0.25);
    const stats = await publishForecasts(ctxFor(t), settings);
    expect(stats).toMatchObject({ current: 2, published: 1, removed: 1, failed: 0 });
    const got = await readRetained(TEST_BROKER_URL, `${prefix}/forecasts/#`);
    expect(got.has(songTopic(`t${ids.c}`))).toBe(false);
    expect(JSON.parse(got.get(songTopic(SPOTIFY_A))!.payload.toString())).toMatchObject({ as_of: '2026-11-26' });
    expect(JSON.parse(got.get(songTopic('_summary'))!.payload.toString())).toMatchObject({ as_of: '2026-11-26', count: 2 });
    expect((await t.db.select().from(mqttRetained)).map((r) => r.trackId).sort()).toEqual([ids.a, ids.b].sort());
  });

  it('fails clearly when no broker answers, and marks nothing published', async () => {
    await forecast(ids.b, ids.us, '2026-11-26');
    const down = `mqtt://127.0.0.1:${await unusedPort()}`;
    process.env.MQTT_URL = down;
    process.env.MQTT_TOPIC_PREFIX = prefix;
    const result = await runJob(publishJob, { all: false }, { url: t.url, tty: false });
    expect(result.code).toBe(EXIT.failed);
    expect(result.error).toBe(`no MQTT broker answered at ${down} (connection refused).`);
    const [run] = await t.db.select().from(jobRuns).where(eq(jobRuns.id, result.runId!));
    expect(run).toMatchObject({ status: 'failed', error: result.error });
    const pending = await t.db
      .select()
      .from(forecasts)
      .leftJoin(forecastPublications, eq(forecastPublications.forecastId, forecasts.id))
      .where(and(eq(forecasts.trackId, ids.b), eq(forecasts.asOf, '2026-11-26'), isNull(forecastPublications.forecastId)));
    expect(pending).toHaveLength(2);
    // The next run against a live broker sends them, and A again: its US forecast is no longer current.
    expect(await publishForecasts(ctxFor(t), settings)).toMatchObject({ published: 2, failed: 0 });
    const got = await readRetained(TEST_BROKER_URL, `${prefix}/forecasts/#`);
    expect(JSON.parse(got.get(songTopic(SPOTIFY_A))!.payload.toString())).toMatchObject({ other_charts: [] });
    expect(JSON.parse(got.get(songTopic(SPOTIFY_B))!.payload.toString())).toMatchObject({ as_of: '2026-11-26' });
  });

  it("publishes the active model's forecasts, not a newer candidate's", async () => {
    const [v2] = await t.db
      .insert(models)
      .values({ kind: 'forecast', version: 2, status: 'candidate', trainedRows: 1, featureSpec: {}, metrics: {}, baselineMetrics: {}, artifact: Buffer.from('x') });
    await forecast(ids.a, ids.global, '2026-11-26', 0.7, v2.insertId);
    expect(await publishForecasts(ctxFor(t), settings)).toMatchObject({ published: 0, skipped: 2 });
    await t.db.update(models).set({ status: 'retired' }).where(ne(models.id, v2.insertId));
    await t.db.update(models).set({ status: 'active' }).where(eq(models.id, v2.insertId));
    expect(await publishForecasts(ctxFor(t), settings)).toMatchObject({ published: 1, skipped: 1 });
    const got = await readRetained(TEST_BROKER_URL, `${prefix}/forecasts/#`);
    expect(JSON.parse(got.get(songTopic(SPOTIFY_A))!.payload.toString())).toMatchObject({ model_version: 2, horizons: [{ p_charting: 0.7 }, { p_charting: 0.7 }] });
  });

  it('falls back to MQTT 3.1.1 on the embedded aedes broker', async () => {
    const broker = await startEmbeddedBroker();
    try {
      expect(broker.url).toMatch(/^mqtt:\/\/127\.0\.0\.1:\d+$/);
      expect(await brokerAnswers(broker.url)).toBe(true);
      const stats = await publishForecasts(ctxFor(t), { ...settings, url: broker.url, all: true });
      expect(stats).toMatchObject({ protocol: 'MQTT 3.1.1', published: 2, failed: 0 });
      const got = await readRetained(broker.url, `${prefix}/forecasts/#`, { protocolVersion: 4 });
      expect([...got.keys()].sort()).toEqual([songTopic(SPOTIFY_A), songTopic(SPOTIFY_B), songTopic('_summary')].sort());
      expect([...got.values()].every((m) => m.retain && m.qos === 1)).toBe(true);
    } finally {
      await broker.close();
    }
    expect(await brokerAnswers(broker.url, 1_000)).toBe(false);
  });
});
