import { describe, expect, it } from 'vitest';
import { applyStandardization, fitStandardization } from './standardize';

describe('standardisation', () => {
  it('centres and scales each column over the training rows, NaN becoming 0', () => {
    const x = Float32Array.from([1, 5, 3, 5, NaN, 5]);
    const s = fitStandardization(x, 2);
    expect(s.mean).toEqual([2, 5]);
    expect(s.std[0]).toBeCloseTo(1);
    expect(Array.from(applyStandardization(Float32Array.from([3, 5, NaN, 5]), 2, s))).toEqual([1, 0, 0, 0]);
  });

  it('reads a column that was constant over the training rows as 0, whatever its value later', () => {
    const s = fitStandardization(Float32Array.from([1, 0, 2, 0, 3, 0]), 2);
    expect(s.std[1]).toBe(0);
    expect(Array.from(applyStandardization(Float32Array.from([2, 1, 2, 7]), 2, s))).toEqual([0, 0, 0, 0]);
  });
});
