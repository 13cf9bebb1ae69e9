import { afterAll, describe, expect, it } from 'vitest';
import { syntheticChart } from '@/lib/features/__fixtures__/synthetic-chart';
import { FEATURE_COUNT, FORECAST_FEATURES, NETWORK_FEATURE_COUNT } from '@/lib/features/forecast-features';
import { buildChartRows } from '@/lib/features/forecast-rows';
import { LINEAR_PATH_FEATURES } from '@/lib/features/run-shape';
import { leadingColumns } from '@/lib/features/standardize';
import { deserializeForecastModel, predictWithModel, serializeForecastModel, type ForecastModel } from './artifact';
import { defaultCutoffDay, fitForecastModel, isCompatible, timeSplit } from './forecast-training';

const rows = buildChartRows(syntheticChart({ weeks: 70, size: 12 }).chart);
const split = timeSplit(rows, defaultCutoffDay(rows));
const trained: ForecastModel[] = [];
const fit = async (seed: number) => {
  const result = await fitForecastModel(rows, split.train, { seed, epochs: 2, hidden: [16, 8] });
  trained.push(result.model);
  return result;
};
const train = async (seed: number) => (await fit(seed)).model;
const predict = (model: ForecastModel) => predictWithModel(model, rows.x, rows.n);
const flat = (p: Awaited<ReturnType<typeof predict>>) => p.flatMap((h) => [h.pCharting, h.p10, h.p50, h.p90].flatMap((v) => Array.from(v)));

afterAll(() => trained.forEach((m) => m.network.dispose()));

describe('forecast model on tiny seeded data', () => {
  it('is deterministic given a seed, and the seed matters', async () => {
    const [a, b, c] = [await train(3), await train(3), await train(4)];
    expect(flat(await predict(b))).toEqual(flat(await predict(a)));
    expect(flat(await predict(c))).not.toEqual(flat(await predict(a)));
  });

  it('gives probabilities in [0, 1] and ordered quantiles in [0, 100]', async () => {
    const predictions = await predict(await train(5));
    expect(predictions).toHaveLength(2);
    for (const h of predictions) {
      for (let i = 0; i < rows.n; i++) {
        expect(h.pCharting[i]).toBeGreaterThanOrEqual(0);
        expect(h.pCharting[i]).toBeLessThanOrEqual(1);
        expect(h.p10[i]).toBeGreaterThanOrEqual(0);
        expect(h.p10[i]).toBeLessThanOrEqual(h.p50[i]!);
        expect(h.p50[i]).toBeLessThanOrEqual(h.p90[i]!);
        expect(h.p90[i]).toBeLessThanOrEqual(100);
      }
    }
  });

  it('predicts identically after an artifact round trip, and rejects garbage', async () => {
    const model = await train(6);
    const restored = await deserializeForecastModel(await serializeForecastModel(model));
    trained.push(restored);
    expect(restored.spec).toEqual(model.spec);
    expect(restored.spec.linearPath?.weights).toHaveLength(FEATURE_COUNT);
    expect(isCompatible(restored)).toBe(true);
    expect(flat(await predict(restored))).toEqual(flat(await predict(model)));
    await expect(deserializeForecastModel(Buffer.from('nonsense'))).rejects.toThrow(/truncated|not JSON/);
  });

  it('adds the linear path to the +26-week chance only: the +52-week outputs are the network alone\'s, bit for bit', async () => {
    const { model, base } = await fit(7);
    expect(model.network).toBe(base.network);
    expect(model.spec.linearPath?.weights.some((w) => w !== 0)).toBe(true);
    const [with26, with52] = await predict(model);
    const [alone26, alone52] = await predict(base);
    for (const key of ['pCharting', 'p10', 'p50', 'p90', 'mean'] as const) expect(Array.from(with52![key])).toEqual(Array.from(alone52![key]));
    expect(model.spec.calibration?.[1]).toEqual(base.spec.calibration?.[1]);
    expect(Array.from(with26!.pCharting)).not.toEqual(Array.from(alone26!.pCharting));
  });

  it('fits the linear path on every column, the network\'s inputs and the run-shape ones; a column constant over the training rows keeps weight 0', async () => {
    const { model } = await fit(9);
    const path = model.spec.linearPath!;
    expect(path.features).toEqual([...FORECAST_FEATURES]);
    const { std } = model.spec.standardization;
    expect(std.some((s) => s === 0)).toBe(true);
    path.weights.forEach((w, k) => (std[k] === 0 ? expect(Math.abs(w)).toBe(0) : undefined));
    expect(path.weights.slice(0, NETWORK_FEATURE_COUNT).some((w) => w !== 0)).toBe(true);
    expect(path.weights.slice(NETWORK_FEATURE_COUNT).some((w) => w !== 0)).toBe(true);
  });

  it('loads and predicts an eighth-round artifact (a linear path on the run-shape columns only) by its feature names', async () => {
    const { model } = await fit(10);
    const weights = model.spec.linearPath!.weights.map((w, k) => (k < NETWORK_FEATURE_COUNT ? 0 : w));
    const eighth: ForecastModel = { network: model.network, spec: { ...model.spec, linearPath: { horizon: 26, features: [...LINEAR_PATH_FEATURES], weights: weights.slice(NETWORK_FEATURE_COUNT) } } };
    const restored = await deserializeForecastModel(await serializeForecastModel(eighth));
    trained.push(restored);
    const allColumns: ForecastModel = { network: model.network, spec: { ...model.spec, linearPath: { ...model.spec.linearPath!, weights } } };
    expect(flat(await predict(restored))).toEqual(flat(await predict(allColumns)));
    expect(flat(await predict(restored))).not.toEqual(flat(await predict(model)));
  });

  it('loads and predicts an older artifact (the network reading every feature it names, no linear path) as before', async () => {
    const { base } = await fit(8);
    const { mean, std } = base.spec.standardization;
    const older: ForecastModel = {
      network: base.network,
      spec: {
        ...base.spec,
        featureNames: FORECAST_FEATURES.slice(0, NETWORK_FEATURE_COUNT),
        standardization: { mean: mean.slice(0, NETWORK_FEATURE_COUNT), std: std.slice(0, NETWORK_FEATURE_COUNT) },
        networkInputs: undefined,
      },
    };
    const restored = await deserializeForecastModel(await serializeForecastModel(older));
    trained.push(restored);
    expect(restored.spec.linearPath).toBeUndefined();
    const olderRows = leadingColumns(rows.x, FEATURE_COUNT, NETWORK_FEATURE_COUNT);
    expect(flat(await predictWithModel(restored, olderRows, rows.n))).toEqual(flat(await predict(base)));
  });
});
