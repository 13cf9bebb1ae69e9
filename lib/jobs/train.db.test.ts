import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charts, forecasts, models } from '@/lib/db/schema';
import { getActiveForecastInfo } from '@/lib/models/forecast-registry';
import { createTestDb, type TestDb } from '@/tests/support/test-db';
import { predictInput, predictJob } from './predict';
import { EXIT, runJob } from './run-job';
import { sampleDataJob } from './sample-data';
import { trainInput, trainJob } from './train';

// A small generated history: 104 weeks, 4 weekly charts (200 + 3 × 100 places), 1,000 songs.
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb('train');
  const loaded = await runJob(sampleDataJob, { songs: 1000, weeks: 104 }, { url: t.url, tty: false });
  expect(loaded.code).toBe(EXIT.done);
});
afterAll(async () => t?.drop());

const train = (input: Record<string, unknown>) => runJob(trainJob, trainInput.parse(input), { url: t.url, tty: false });
const predict = (input: Record<string, unknown> = {}) => runJob(predictJob, predictInput.parse(input), { url: t.url, tty: false });
const versions = () => t.db.select({ id: models.id, version: models.version, status: models.status, decision: models.decision }).from(models).orderBy(asc(models.version));
const allForecasts = () =>
  t.db
    .select({ trackId: forecasts.trackId, chartId: forecasts.chartId, asOf: forecasts.asOf, horizon: forecasts.horizonWeeks, target: forecasts.targetDate, modelId: forecasts.modelId, p: forecasts.pCharting, p10: forecasts.p10, p50: forecasts.p50, p90: forecasts.p90 })
    .from(forecasts)
    .orderBy(asc(forecasts.trackId), asc(forecasts.chartId), asc(forecasts.asOf), asc(forecasts.horizonWeeks));

describe('train and predict on a generated chart history', () => {
  it('predict refuses to run before any model was trained', async () => {
    const result = await predict();
    expect(result.code).toBe(EXIT.failed);
    expect(result.error).toMatch(/run train first/);
  });

  it('train refuses a cutoff whose outcomes are not known yet', async () => {
    const result = await train({ epochs: '1', cutoff: '2030-01-03' });
    expect(result.code).toBe(EXIT.failed);
    expect(result.error).toMatch(/no held-out rows/);
  });

  it('trains, beats the baselines and becomes the active model', async () => {
    // 6 epochs: at 4 the network is still too rough on this small sample to beat the rank logistic's interval score.
    const result = await train({ seed: '1', epochs: '6' });
    expect(result.code).toBe(EXIT.done);
    expect(result.stats).toMatchObject({ version: 1, status: 'active' });
    const [row] = await t.db.select().from(models).where(eq(models.version, 1));
    expect(row).toMatchObject({ kind: 'forecast', status: 'active' });
    expect(row!.trainedRows).toBeGreaterThan(1000);
    expect(row!.artifact.length).toBeGreaterThan(1000);
    expect(row!.decision).toMatch(/^promoted: beats every baseline/);
    const metrics = row!.metrics as {
      horizons: Record<string, { auc: number; coverage: number; rows: number; predictedVsActual: { count: number }[] }>;
      importance: Record<string, { group: string; aucDrop: number }[]>;
    };
    for (const h of ['26', '52']) {
      expect(metrics.horizons[h]!.rows).toBeGreaterThan(0);
      expect(metrics.horizons[h]!.auc).toBeGreaterThan(0.6);
      expect(metrics.horizons[h]!.predictedVsActual.reduce((s, b) => s + b.count, 0)).toBe(metrics.horizons[h]!.rows);
      // Permutation importance on the held-out rows: every feature group, and the model leans on the song's current position.
      const importance = metrics.importance[h]!;
      expect(importance).toHaveLength(14);
      expect(importance.find((g) => g.group === 'current rank and score')!.aucDrop).toBeGreaterThan(0.01);
    }
    expect(Object.keys((row!.baselineMetrics as { horizons: Record<string, object> }).horizons['26']!)).toEqual(['baseRate', 'persistence', 'zero', 'logisticRank']);
    expect((row!.featureSpec as { featureNames: string[] }).featureNames).toContain('score_52w_ago');
  }, 240_000);

  it('tells an active model that reads these features from one an older release stored (weekly retrains that first)', async () => {
    expect(await getActiveForecastInfo(t.db)).toMatchObject({ version: 1, readsTheseFeatures: true });
    const [row] = await t.db.select({ featureSpec: models.featureSpec }).from(models).where(eq(models.version, 1));
    const spec = row!.featureSpec as { featureNames: string[] };
    await t.db.update(models).set({ featureSpec: { ...spec, featureNames: spec.featureNames.slice(1) } }).where(eq(models.version, 1));
    expect(await getActiveForecastInfo(t.db)).toMatchObject({ version: 1, readsTheseFeatures: false });
    await t.db.update(models).set({ featureSpec: spec }).where(eq(models.version, 1));
  });

  it('predicts every song of each chart’s latest week, and a rerun writes the same rows', async () => {
    const first = await predict();
    expect(first.code).toBe(EXIT.done);
    const rows = await allForecasts();
    expect(rows).toHaveLength(2 * (200 + 3 * 100));
    const [active] = (await versions()).filter((v) => v.status === 'active');
    for (const r of rows) {
      expect(r.modelId).toBe(active!.id);
      expect(r.p10).toBeLessThanOrEqual(r.p50);
      expect(r.p50).toBeLessThanOrEqual(r.p90);
      expect(r.p).toBeGreaterThanOrEqual(0);
      expect(Date.parse(r.target) - Date.parse(r.asOf)).toBe(r.horizon * 7 * 86_400_000);
    }
    expect((await predict()).code).toBe(EXIT.done);
    expect(await allForecasts()).toEqual(rows);
  });

  it('predicts as of an earlier week for one chart', async () => {
    const [us] = await t.db.select({ id: charts.id }).from(charts).where(eq(charts.slug, 'sample-weekly-us'));
    const result = await predict({ chart: 'sample-weekly-us', 'as-of': '2025-06-01' });
    expect(result.code).toBe(EXIT.done);
    const asOf = (result.stats.charts as Record<string, string>)['sample-weekly-us']!;
    expect(asOf <= '2025-06-01').toBe(true);
    const rows = (await allForecasts()).filter((r) => r.asOf === asOf);
    expect(rows).toHaveLength(200);
    expect(rows.every((r) => r.chartId === us!.id)).toBe(true);
  });

  it('keeps a worse model as a candidate and says why', async () => {
    const result = await train({ seed: '2', epochs: '1' });
    expect(result.code).toBe(EXIT.done);
    expect(result.stats).toMatchObject({ version: 2, status: 'candidate' });
    const rows = await versions();
    expect(rows.map((r) => r.status)).toEqual(['active', 'candidate']);
    expect(rows[1]!.decision).toMatch(/^kept as candidate: .*(active model|≤|≥)/);
  });
});
