import { describe, expect, it } from 'vitest';
import { FEATURE_COUNT, FORECAST_FEATURES } from '@/lib/features/forecast-features';
import { FEATURE_GROUP_OF, forecastFeatureGroups, permutationImportance } from './importance';
import type { HorizonPrediction } from './metrics';
import { seededRandom } from './random';

// Three columns: 0 decides the outcome, 1 is noise the "model" never reads, 2 is read but only weakly.
const n = 2000;
const dim = 3;
const random = seededRandom(7);
const x = new Float32Array(n * dim).map(() => random() * 2 - 1);
const charting = Float64Array.from({ length: n }, (_, i) => ((x[i * dim] as number) + 0.3 * (random() - 0.5) > 0 ? 1 : 0));
const score = Float64Array.from(charting, (c, i) => c * (50 + 40 * (x[i * dim] as number)));
const model = async (v: Float32Array, rows: number): Promise<HorizonPrediction[]> => {
  const p = Float64Array.from({ length: rows }, (_, i) => 1 / (1 + Math.exp(-(8 * (v[i * dim] as number) + 0.2 * (v[i * dim + 2] as number)))));
  const p50 = Float64Array.from(p, (q, i) => (q > 0.5 ? 50 + 40 * (v[i * dim] as number) : 0));
  return [{ pCharting: p, p10: p50, p50, p90: p50, mean: p50 }];
};
const groups = [
  { name: 'decisive', columns: [0] },
  { name: 'ignored', columns: [1] },
  { name: 'weak', columns: [2] },
];
const all = Array.from({ length: n }, (_, i) => i);
const run = (seed: number) => permutationImportance(model, { x, n, dim, groups, targets: [{ horizon: 26, rows: all, charting, score }], seed });

describe('permutation importance', () => {
  it('gives an ignored feature exactly 0 and a decisive one a large drop, most important first', async () => {
    const result = (await run(1))['26']!;
    expect(result[0]!.group).toBe('decisive');
    const byName = (name: string) => result.find((r) => r.group === name)!;
    const [decisive, weak, ignored] = [byName('decisive'), byName('weak'), byName('ignored')];
    expect(ignored).toEqual({ group: 'ignored', aucDrop: 0, brierRise: 0, maeRise: 0 });
    expect(decisive.aucDrop).toBeGreaterThan(0.3);
    expect(decisive.brierRise).toBeGreaterThan(0.2);
    expect(decisive.maeRise).toBeGreaterThan(10);
    expect(Math.abs(weak.aucDrop)).toBeLessThan(0.02);
  });

  it('is deterministic given the seed and leaves the input as it was', async () => {
    const before = Float32Array.from(x);
    expect(await run(3)).toEqual(await run(3));
    expect(x).toEqual(before);
  });

  it('scores each horizon on its own rows', async () => {
    const half = all.slice(0, n / 2);
    const twice = async (v: Float32Array, rows: number) => [...(await model(v, rows)), ...(await model(v, rows))];
    const result = await permutationImportance(twice, {
      x, n, dim, groups, seed: 1,
      targets: [
        { horizon: 26, rows: all, charting, score },
        { horizon: 52, rows: half, charting: charting.subarray(0, n / 2), score: score.subarray(0, n / 2) },
      ],
    });
    expect(Object.keys(result)).toEqual(['26', '52']);
    expect(result['52']![0]!.group).toBe('decisive');
  });

  it('puts every forecast feature in exactly one group', () => {
    const columns = forecastFeatureGroups().flatMap((g) => g.columns).sort((a, b) => a - b);
    expect(columns).toEqual(Array.from({ length: FEATURE_COUNT }, (_, i) => i));
    expect(Object.keys(FEATURE_GROUP_OF).sort()).toEqual([...FORECAST_FEATURES].sort());
  });
});
