import { describe, expect, it } from 'vitest';
import { rankTicks } from './rank-ticks';

describe('rankTicks', () => {
  it('starts at the top place and steps by round numbers', () => {
    expect(rankTicks(20)).toEqual([1, 5, 10, 15, 20]);
    expect(rankTicks(50)).toEqual([1, 10, 20, 30, 40, 50]);
    expect(rankTicks(152)).toEqual([1, 50, 100, 150]);
    expect(rankTicks(200)).toEqual([1, 50, 100, 150, 200]);
  });

  it('keeps to about six ticks on long charts', () => {
    expect(rankTicks(1000)).toEqual([1, 200, 400, 600, 800, 1000]);
  });
});
