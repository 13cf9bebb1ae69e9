import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishAudits } from '@/lib/audit/publish-audits';
import { chartEntries, charts, forecasts, jobRuns, models, tracks } from '@/lib/db/schema';
import { getLiveAudit } from '@/lib/queries/model-report';
import { clearRetained, readRetained, TEST_BROKER_URL, uniquePrefix, unusedPort } from '@/tests/support/mqtt';
import { createTestDb, type TestDb } from '@/tests/support/test-db';
import { auditJob } from './audit';
import { runJob } from './run-job';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb('audit');
  await t.db.insert(charts).values({ id: 1, slug: 'c', name: 'C', source: 'sample', country: 'global', frequency: 'weekly', size: 100 });
  // Target week 2026-06-04 observed: track 1 at #1, track 2 absent. Target 2026-12-03 not observed yet.
  await t.db.insert(tracks).values([
    { id: 1, spotifyId: 'sp1', matchKey: 'one|a', title: 'One', artistNames: 'A' },
    { id: 2, matchKey: 'two|b', title: 'Two', artistNames: 'B' },
  ]);
  await t.db.insert(models).values({
    id: 1, kind: 'forecast', version: 3, status: 'active', trainedRows: 1, featureSpec: {}, metrics: {}, baselineMetrics: {}, artifact: Buffer.from('x'),
  });
  await t.db.insert(chartEntries).values([
    { chartId: 1, chartDate: '2026-06-04', rank: 1, trackId: 1 },
    { chartId: 1, chartDate: '2026-06-04', rank: 2, trackId: 9 },
  ]);
  const base = { chartId: 1, asOf: '2025-12-04', modelId: 1, pCharting: 0.5 };
  await t.db.insert(forecasts).values([
    { ...base, trackId: 1, horizonWeeks: 26, targetDate: '2026-06-04', p10: 50, p50: 80, p90: 100 },
    { ...base, trackId: 2, horizonWeeks: 26, targetDate: '2026-06-04', p10: 10, p50: 30, p90: 60 },
    { ...base, trackId: 1, horizonWeeks: 52, targetDate: '2026-12-03', p10: 0, p50: 20, p90: 60 },
  ]);
});
const prefix = uniquePrefix('audit');
const settings = (url: string) => ({ url, prefix, maxInFlight: 10, all: false, connectTimeoutMs: 2_000 });
afterAll(async () => {
  await clearRetained(TEST_BROKER_URL, prefix);
  await t?.drop();
});

describe('audit job', () => {
  it('scores forecasts whose target week is observed and leaves the rest pending; a rerun changes nothing', async () => {
    const first = await runJob(auditJob, { today: '2027-01-01', 'skip-publish': true }, { url: t.url, tty: false });
    expect(first.code).toBe(0);
    expect(first.stats).toMatchObject({ audited: 2, stillPending: 1, coverage: 0.5 });
    const rows = await t.db.select().from(forecasts).orderBy(forecasts.id);
    expect(rows[0]).toMatchObject({ actual: 100, actualCharting: true, absError: 20, insideInterval: true });
    expect(rows[1]).toMatchObject({ actual: 0, actualCharting: false, absError: 30, insideInterval: false });
    expect(rows[2]?.auditedAt).toBeNull();
    // The sums per forecast week and horizon that /models and /api/v1/audit read.
    const week = { asOf: '2025-12-04', horizonWeeks: 26, count: 2, meanAbsError: 25, insideShare: 0.5, chartingShare: 0.5, meanPredicted: 0.5 };
    expect(await getLiveAudit(t.db)).toEqual([week]);
    // The progress bar's whole is the forecasts due by today (the third's target week is not on the chart yet).
    const [run] = await t.db.select().from(jobRuns).where(eq(jobRuns.id, first.runId!));
    expect(run).toMatchObject({ progressDone: 2, progressTotal: 3 });

    const second = await runJob(auditJob, { today: '2027-01-01', 'skip-publish': true }, { url: t.url, tty: false });
    expect(second.stats).toMatchObject({ audited: 0, stillPending: 1 });
    const [again] = await t.db.select().from(forecasts).where(eq(forecasts.id, rows[0]!.id));
    expect(again?.actual).toBe(100);
    expect(await getLiveAudit(t.db)).toEqual([week]);

    // Before the third forecast's target date only two were due: a finished run's bar is full.
    await t.db.update(forecasts).set({ auditedAt: null }).where(eq(forecasts.trackId, 2));
    const early = await runJob(auditJob, { today: '2026-07-01', 'skip-publish': true }, { url: t.url, tty: false });
    expect(early.stats).toMatchObject({ audited: 1, stillPending: 1 });
    const [earlyRun] = await t.db.select().from(jobRuns).where(eq(jobRuns.id, early.runId!));
    expect(earlyRun).toMatchObject({ progressDone: 1, progressTotal: 1 });
  });

  it('publishes each song\'s latest audit retained only once the broker acknowledges it', async () => {
    await expect(publishAudits(t.db, settings(`mqtt://127.0.0.1:${await unusedPort()}`))).rejects.toThrow(/no MQTT broker answered/);
    expect((await t.db.select().from(forecasts)).every((f) => f.auditPublishedAt === null)).toBe(true);

    expect(await publishAudits(t.db, settings(TEST_BROKER_URL))).toMatchObject({ published: 2 });
    const seen = await readRetained(TEST_BROKER_URL, `${prefix}/audits/#`);
    expect([...seen.keys()].sort()).toEqual([`${prefix}/audits/sp1`, `${prefix}/audits/t2`]);
    const one = JSON.parse(seen.get(`${prefix}/audits/sp1`)!.payload.toString());
    expect(one).toMatchObject({ schema: 'songcast.audit.v1', model_version: 3, actual: { score: 100, charting: true }, inside_interval: true });
    expect(seen.get(`${prefix}/audits/sp1`)?.retain).toBe(true);

    expect(await publishAudits(t.db, settings(TEST_BROKER_URL))).toMatchObject({ published: 0 });
  });
});
