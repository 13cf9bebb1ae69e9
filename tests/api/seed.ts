/** A small catalogue for the API tests: two charts, seven songs over three weeks, two models, forecasts and an audit. */
import { refreshAuditWeeks } from '@/lib/audit/audit-weeks';
import { chartEntries, charts, forecasts, models, tracks } from '@/lib/db/schema';
import type { TestDb } from '@/tests/support/test-db';

export const WEEKS = ['2026-01-01', '2026-01-08', '2026-01-15'] as const;
export const SONG_IDS = [1, 2, 3, 4, 5, 6, 7];

/** Inserts the catalogue; every row has a known id so the tests can name them. */
export async function seedApiData(t: TestDb): Promise<void> {
  const [w1, w2, w3] = WEEKS;
  await t.db.insert(charts).values([
    { id: 1, slug: 'test-weekly-global', name: 'Global', source: 'test', country: 'global', frequency: 'weekly', size: 5 },
    { id: 2, slug: 'test-weekly-us', name: 'US', source: 'test', country: 'us', frequency: 'weekly', size: 5 },
  ]);
  await t.db.insert(tracks).values(
    SONG_IDS.map((id) => ({ id, title: `Song ${id}${id === 3 ? ' 100%' : ''}`, artistNames: id % 2 ? 'Ann' : 'Bob', matchKey: `k${id}`, releaseDate: id === 1 ? '2025-12-01' : null })),
  );
  const entry = (chartDate: string, rank: number, trackId: number, chartId = 1) => ({ chartId, chartDate, rank, trackId });
  await t.db.insert(chartEntries).values([
    entry(w1, 1, 1), entry(w1, 2, 2), entry(w1, 3, 3),
    entry(w2, 1, 2), entry(w2, 2, 1), entry(w2, 3, 4),
    entry(w3, 1, 1), entry(w3, 2, 2), entry(w3, 3, 4), entry(w3, 4, 5), entry(w3, 5, 6),
    entry(w3, 1, 7, 2),
  ]);
  const model = (id: number, version: number, status: 'active' | 'candidate') => ({
    id, kind: 'forecast' as const, version, status, trainedRows: 100, featureSpec: {},
    metrics: { auc: 0.8, mae: 7.5 }, baselineMetrics: { persistence: { mae: 9 } }, artifact: Buffer.from([0]),
    activatedAt: status === 'active' ? new Date('2026-01-16T00:00:00Z') : null,
  });
  await t.db.insert(models).values([model(1, 1, 'active'), model(2, 2, 'candidate')]);
  // Chances chosen with ties (songs 4 and 5) so keyset pages must break them by track id.
  const chance: Record<number, number> = { 1: 0.9, 2: 0.2, 4: 0.5, 5: 0.5, 6: 0.05 };
  const forecast = (trackId: number, modelId: number, horizonWeeks: number, asOf: string = w3) => ({
    trackId, chartId: 1, asOf, horizonWeeks, targetDate: horizonWeeks === 26 ? '2026-07-16' : '2027-01-14', modelId,
    pCharting: (chance[trackId] ?? 0.3) / (horizonWeeks === 52 ? 2 : 1), p10: 0, p50: 60 * (chance[trackId] ?? 0.3), p90: 90,
  });
  await t.db.insert(forecasts).values([
    ...[1, 2, 4, 5, 6].flatMap((id) => [forecast(id, 1, 26), forecast(id, 1, 52), forecast(id, 2, 26)]),
    { ...forecast(2, 1, 26, w1), actual: 40, actualCharting: true, absError: 2, insideInterval: true, auditedAt: new Date('2026-07-17T00:00:00Z') },
    { ...forecast(1, 1, 26, w2), actual: 95, actualCharting: true, absError: 41, insideInterval: false, auditedAt: new Date('2026-07-24T00:00:00Z') },
  ]);
  // As the audit job does after scoring.
  await refreshAuditWeeks(t.db);
}
