import { afterAll, describe, expect, it } from 'vitest';
import { syntheticChart } from '@/lib/features/__fixtures__/synthetic-chart';
import { buildChartRows } from '@/lib/features/forecast-rows';
import { deserializeForecastModel, predictWithModel, serializeForecastModel, type ForecastModel } from './artifact';
import { defaultCutoffDay, fitForecastModel, isCompatible, timeSplit } from './forecast-training';

const rows = buildChartRows(syntheticChart({ weeks: 70, size: 12 }).chart);
const split = timeSplit(rows, defaultCutoffDay(rows));
const trained: ForecastModel[] = [];
const train = async (seed: number) => {
  const { model } = await fitForecastModel(rows, split.train, { seed, epochs: 2, hidden: [16, 8] });
  trained.push(model);
  return model;
};
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
    expect(isCompatible(restored)).toBe(true);
    expect(flat(await predict(restored))).toEqual(flat(await predict(model)));
    await expect(deserializeForecastModel(Buffer.from('nonsense'))).rejects.toThrow(/truncated|not JSON/);
  });
});
