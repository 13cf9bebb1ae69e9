import { describe, expect, it } from 'vitest';
import { chartScore } from './score';

describe('chartScore', () => {
  it('gives 101 − rank on a 100-place chart', () => {
    expect(chartScore(1, 100)).toBe(100);
    expect(chartScore(100, 100)).toBe(1);
    expect(chartScore(37, 100)).toBe(64);
  });
  it('scales longer charts to 0–100', () => {
    expect(chartScore(1, 200)).toBe(100);
    expect(chartScore(200, 200)).toBe(0.5);
  });
  it('rejects ranks outside the chart', () => {
    expect(() => chartScore(0, 100)).toThrow(RangeError);
    expect(() => chartScore(101, 100)).toThrow(RangeError);
  });
});
