import { describe, expect, it } from 'vitest';
import { fitOffsetLogistic } from './linear-path';
import { seededRandom } from './random';

/** Rows drawn from σ(offset + w·x) with a seeded PRNG. */
function draw(n: number, w: number[], seed: number) {
  const random = seededRandom(seed);
  const dim = w.length;
  const x = new Float32Array(n * dim);
  const offset = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = (offset[i] = 2 * random() - 1.5);
    for (let k = 0; k < dim; k++) z += (w[k] as number) * (x[i * dim + k] = 2 * random() - 1);
    y[i] = random() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return { x, dim, offset, y, weight: new Float64Array(n).fill(1) };
}

describe('logistic regression with an offset', () => {
  it('recovers the weights the rows were drawn with, the offset taken as given', () => {
    const w = fitOffsetLogistic(draw(40_000, [1.5, -0.8, 0], 7), 0);
    expect(w[0]).toBeCloseTo(1.5, 1);
    expect(w[1]).toBeCloseTo(-0.8, 1);
    expect(Math.abs(w[2] as number)).toBeLessThan(0.1);
  });

  it('is exactly reproducible, shrinks with the L2 penalty and ignores rows of weight 0', () => {
    const data = draw(5_000, [1, 1], 3);
    expect(fitOffsetLogistic(data, 1e-4)).toEqual(fitOffsetLogistic(data, 1e-4));
    const free = fitOffsetLogistic(data, 0);
    const shrunk = fitOffsetLogistic(data, 0.1);
    expect(Math.hypot(...shrunk)).toBeLessThan(Math.hypot(...free));
    const half = { ...data, weight: Float64Array.from(data.weight, (_, i) => (i < 2_500 ? 1 : 0)) };
    const firstHalf = { ...data, x: data.x.subarray(0, 5_000), offset: data.offset.subarray(0, 2_500), y: data.y.subarray(0, 2_500), weight: data.weight.subarray(0, 2_500) };
    const a = fitOffsetLogistic(half, 1e-4);
    const b = fitOffsetLogistic(firstHalf, 1e-4);
    a.forEach((v, k) => expect(v).toBeCloseTo(b[k] as number, 10));
    expect(fitOffsetLogistic({ ...data, weight: new Float64Array(5_000) }, 1e-4)).toEqual([0, 0]);
  });
});
