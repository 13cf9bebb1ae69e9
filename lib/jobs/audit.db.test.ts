import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartEntries, charts, forecasts } from '@/lib/db/schema';
import { createTestDb, type TestDb } from '@/tests/support/test-db';
import { auditJob } from './audit';
import { runJob } from './run-job';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb('audit');
  await t.db.insert(charts).values({ id: 1, slug: 'c', name: 'C', source: 'sample', country: 'global', frequency: 'weekly', size: 100 });
  // Target week 2026-06-04 observed: track 1 at #1, track 2 absent. Target 2026-12-03 not observed yet.
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
afterAll(async () => t?.drop());

describe('audit job', () => {
  it('scores forecasts whose target week is observed and leaves the rest pending; a rerun changes nothing', async () => {
    const first = await runJob(auditJob, { today: '2027-01-01' }, { url: t.url, tty: false });
    expect(first.code).toBe(0);
    expect(first.stats).toMatchObject({ audited: 2, stillPending: 1, coverage: 0.5 });
    const rows = await t.db.select().from(forecasts).orderBy(forecasts.id);
    expect(rows[0]).toMatchObject({ actual: 100, actualCharting: true, absError: 20, insideInterval: true });
    expect(rows[1]).toMatchObject({ actual: 0, actualCharting: false, absError: 30, insideInterval: false });
    expect(rows[2]?.auditedAt).toBeNull();

    const second = await runJob(auditJob, { today: '2027-01-01' }, { url: t.url, tty: false });
    expect(second.stats).toMatchObject({ audited: 0, stillPending: 1 });
    const [again] = await t.db.select().from(forecasts).where(eq(forecasts.id, rows[0]!.id));
    expect(again?.actual).toBe(100);
  });
});
