import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticChart } from '@/lib/features/__fixtures__/synthetic-chart';
import { FEATURE_COUNT, FORECAST_FEATURES, NETWORK_FEATURE_COUNT } from '@/lib/features/forecast-features';
import { buildChartRows } from '@/lib/features/forecast-rows';
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
    expect(restored.spec.linearPaths?.map((path) => [path.horizon, path.weights.length])).toEqual([
      [26, FEATURE_COUNT],
      [52, FEATURE_COUNT],
    ]);
    expect(isCompatible(restored)).toBe(true);
    expect(flat(await predict(restored))).toEqual(flat(await predict(model)));
    await expect(deserializeForecastModel(Buffer.from('nonsense'))).rejects.toThrow(/truncated|not JSON/);
  });

  it('adds a linear path to each horizon\'s chance, fitted apart: without the +52-week one, the +26-week outputs are the same bit for bit and the +52-week ones the network alone\'s', async () => {
    const { model, base } = await fit(7);
    expect(model.network).toBe(base.network);
    const [path26, path52] = model.spec.linearPaths!;
    for (const path of [path26, path52]) expect(path!.weights.some((w) => w !== 0)).toBe(true);
    const only26: ForecastModel = { network: model.network, spec: { ...model.spec, linearPaths: [path26!], calibration: [model.spec.calibration![0]!, base.spec.calibration![1]!] } };
    const [with26, with52] = await predict(model);
    const [only26at26, only26at52] = await predict(only26);
    const [, alone52] = await predict(base);
    for (const key of ['pCharting', 'p10', 'p50', 'p90', 'mean'] as const) {
      expect(Array.from(with26![key])).toEqual(Array.from(only26at26![key]));
      expect(Array.from(only26at52![key])).toEqual(Array.from(alone52![key]));
    }
    expect(Array.from(with52!.pCharting)).not.toEqual(Array.from(alone52!.pCharting));
  });

  it('fits each linear path on every column, the network\'s inputs and the run-shape ones; a column constant over the training rows keeps weight 0', async () => {
    const { model } = await fit(9);
    const { std } = model.spec.standardization;
    expect(std.some((s) => s === 0)).toBe(true);
    for (const path of model.spec.linearPaths!) {
      expect(path.features).toEqual([...FORECAST_FEATURES]);
      path.weights.forEach((w, k) => (std[k] === 0 ? expect(Math.abs(w)).toBe(0) : undefined));
      expect(path.weights.slice(0, NETWORK_FEATURE_COUNT).some((w) => w !== 0)).toBe(true);
      expect(path.weights.slice(NETWORK_FEATURE_COUNT).some((w) => w !== 0)).toBe(true);
    }
  });

  // Artifacts the code of the ninth round (3d1e663) trained and saved (seed 10, 2 epochs, hidden [16, 8], on this file's
  // rows at that commit), with 60 of those rows' raw features and what that code predicted for them: the ninth round's path
  // on every column, and the same network with the eighth round's path on the run-shape columns only (its weights on them).
  it.each(['ninth', 'eighth'] as const)('loads the %s round\'s artifact (one linear path, into +26 weeks) and predicts as that round\'s code did, bit for bit', async (round) => {
    const expected = JSON.parse(readFileSync(join(import.meta.dirname, '__fixtures__/round-predictions.json'), 'utf8')) as {
      n: number;
      x: (number | null)[];
      ninth: Record<string, number[]>[];
      eighth: Record<string, number[]>[];
    };
    const restored = await deserializeForecastModel(readFileSync(join(import.meta.dirname, `__fixtures__/${round}-round.bin`)));
    trained.push(restored);
    expect(restored.spec.linearPath?.horizon).toBe(26);
    expect(restored.spec.linearPaths).toBeUndefined();
    const predictions = await predictWithModel(restored, Float32Array.from(expected.x, (v) => v ?? NaN), expected.n);
    expect(predictions.map((h) => Object.fromEntries((['pCharting', 'p10', 'p50', 'p90', 'mean'] as const).map((k) => [k, Array.from(h[k])])))).toEqual(expected[round]);
  });

  // The same rows' predictions by an artifact the tenth round's code (b394804) trained and saved the same way: a path into each
  // horizon, both on the network's 208-week recency weights.
  it('loads the tenth round\'s artifact (a path into each horizon) and predicts as that round\'s code did, bit for bit', async () => {
    const expected = JSON.parse(readFileSync(join(import.meta.dirname, '__fixtures__/round-predictions.json'), 'utf8')) as { n: number; x: (number | null)[]; tenth: Record<string, number[]>[] };
    const restored = await deserializeForecastModel(readFileSync(join(import.meta.dirname, '__fixtures__/tenth-round.bin')));
    trained.push(restored);
    expect(restored.spec.linearPaths?.map((path) => path.horizon)).toEqual([26, 52]);
    const predictions = await predictWithModel(restored, Float32Array.from(expected.x, (v) => v ?? NaN), expected.n);
    expect(predictions.map((h) => Object.fromEntries((['pCharting', 'p10', 'p50', 'p90', 'mean'] as const).map((k) => [k, Array.from(h[k])])))).toEqual(expected.tenth);
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
