import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshAuditWeeks } from '@/lib/audit/audit-weeks';
import { forecasts, models, type NewForecast } from '@/lib/db/schema';
import { listModelVersions } from '@/lib/queries/model-versions';
import { createTestDb, type TestDb } from '@/tests/support/test-db';
import { getLiveAudit, pickVersion, readImportance, readMetricsReport } from './model-report';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb('model_report');
});
afterAll(async () => t?.drop());

const horizon = (auc: number) => ({ rows: 10, baseRate: 0.4, auc, brierSkill: 0.1, maeP50: 5, rmseP50: 7, coverage: 0.8, coverageNonZero: 0.7, intervalScore: 20, calibration: [{ lo: 0, hi: 0.1, count: 3, meanPredicted: 0.05, observedRate: 0 }] });

const forecast = (over: Partial<NewForecast>): NewForecast => ({
  trackId: 1,
  chartId: 1,
  asOf: '2025-01-02',
  horizonWeeks: 26,
  targetDate: '2025-07-03',
  modelId: 1,
  pCharting: 0.5,
  p10: 0,
  p50: 10,
  p90: 20,
  ...over,
});

describe('model report', () => {
  it('groups audited forecasts by as-of week and horizon, leaving unaudited rows out, once the sums are refreshed', async () => {
    const audited = new Date('2025-08-01T00:00:00Z');
    await t.db.insert(forecasts).values([
      forecast({ trackId: 1, pCharting: 0.8, absError: 4, insideInterval: true, actualCharting: true, actual: 14, auditedAt: audited }),
      forecast({ trackId: 2, pCharting: 0.2, absError: 10, insideInterval: false, actualCharting: false, actual: 0, auditedAt: audited }),
      forecast({ trackId: 3, pCharting: 0.6, absError: 1, insideInterval: true, actualCharting: true, actual: 11, auditedAt: audited }),
      forecast({ trackId: 1, horizonWeeks: 52, targetDate: '2026-01-01', pCharting: 0.3, absError: 6, insideInterval: false, actualCharting: false, actual: 0, auditedAt: audited }),
      forecast({ trackId: 1, asOf: '2025-01-09', targetDate: '2025-07-10', pCharting: 0.9, absError: 2, insideInterval: true, actualCharting: true, actual: 12, auditedAt: audited }),
      // Not audited yet: must not count.
      forecast({ trackId: 4, pCharting: 0.9 }),
    ]);
    // The page reads the audit job's sums, not the forecasts: nothing until they are refreshed.
    expect(await getLiveAudit(t.db)).toEqual([]);
    await refreshAuditWeeks(t.db);
    await refreshAuditWeeks(t.db);
    const weeks = await getLiveAudit(t.db);
    expect(weeks.map((w) => [w.asOf, w.horizonWeeks, w.count])).toEqual([
      ['2025-01-02', 26, 3],
      ['2025-01-02', 52, 1],
      ['2025-01-09', 26, 1],
    ]);
    const first = weeks[0]!;
    expect(first.meanAbsError).toBeCloseTo(5, 6);
    expect(first.insideShare).toBeCloseTo(2 / 3, 6);
    expect(first.chartingShare).toBeCloseTo(2 / 3, 6);
    expect(first.meanPredicted).toBeCloseTo(1.6 / 3, 6);
    expect(weeks[1]!.insideShare).toBe(0);

    // A later audit of the same week adds to its sums.
    await t.db.insert(forecasts).values(forecast({ trackId: 5, pCharting: 0.4, absError: 15, insideInterval: false, actualCharting: false, actual: 0, auditedAt: audited }));
    await refreshAuditWeeks(t.db);
    const again = await getLiveAudit(t.db);
    expect(again.map((w) => w.count)).toEqual([4, 1, 1]);
    expect(again[0]!.meanAbsError).toBeCloseTo(30 / 4, 6);
    expect(again[0]!.insideShare).toBeCloseTo(2 / 4, 6);
    expect(again[0]!.meanPredicted).toBeCloseTo(2 / 4, 6);
  });

  it('picks the requested, else the active forecast version and reads its metrics beside the baselines', async () => {
    const base = { trainedRows: 100, featureSpec: {}, artifact: Buffer.from('x') };
    await t.db.insert(models).values([
      { ...base, kind: 'forecast', version: 1, status: 'retired', metrics: { horizons: { '26': horizon(0.6) } }, baselineMetrics: {} },
      {
        ...base,
        kind: 'forecast',
        version: 2,
        status: 'active',
        metrics: { horizons: { '26': horizon(0.7), '52': { ...horizon(0.65), auc: null } } },
        baselineMetrics: { horizons: { '26': { baseRate: horizon(0.5), logisticRank: horizon(0.62) } } },
      },
      { ...base, kind: 'theme', version: 3, status: 'active', metrics: { accuracy: 0.5 }, baselineMetrics: {} },
    ]);
    const versions = await listModelVersions(t.db);
    expect(pickVersion(versions, null)?.version).toBe(2);
    expect(pickVersion(versions, 1)?.version).toBe(1);
    expect(pickVersion(versions, 3)?.version).toBe(2); // v3 is a theme model, not a forecast version
    const chosen = pickVersion(versions, null)!;
    const report = readMetricsReport(chosen.metrics, chosen.baselineMetrics);
    expect(report['26'].model?.auc).toBe(0.7);
    expect(report['26'].logisticRank?.auc).toBe(0.62);
    expect(report['26'].persistence).toBeNull();
    expect(report['52'].model?.auc).toBeNull();
    expect(report['52'].model?.calibration).toHaveLength(1);
    expect(report['52'].baseRate).toBeNull();
    expect(report['26'].model?.predictedVsActual).toEqual([]); // a version from before the bins were recorded
  });

  it('reads the permutation importance per feature group, most important first, and none from older versions', () => {
    const importance = {
      '26': [
        { group: 'season', aucDrop: 0.01, brierRise: 0.001, maeRise: 0.1 },
        { group: 'current rank and score', aucDrop: 0.2, brierRise: 0.02, maeRise: 3 },
      ],
      '52': [{ group: 'season', aucDrop: 0.3, brierRise: null, maeRise: 0.5 }],
    };
    expect(readImportance({ importance })).toEqual([
      { group: 'season', aucDrop: { '26': 0.01, '52': 0.3 }, brierRise: { '26': 0.001, '52': null }, maeRise: { '26': 0.1, '52': 0.5 } },
      { group: 'current rank and score', aucDrop: { '26': 0.2 }, brierRise: { '26': 0.02 }, maeRise: { '26': 3 } },
    ]);
    expect(readImportance({ horizons: {} })).toEqual([]);
    expect(readImportance('not json')).toEqual([]);
  });
});
