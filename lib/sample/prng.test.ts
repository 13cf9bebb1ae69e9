import { describe, expect, it } from 'vitest';
import { createRng, hashString } from './prng';

const draws = (seed: number | string, n = 50) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    expect(draws(42)).toEqual(draws(42));
    expect(draws(42)).not.toEqual(draws(43));
    expect(draws('a')).not.toEqual(draws('b'));
  });

  it('draws uniform numbers in [0, 1) with the right mean', () => {
    const xs = draws(7, 20_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
  });

  it('draws normals with mean 0 and sd 1', () => {
    const rng = createRng(1);
    const xs = Array.from({ length: 20_000 }, () => rng.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(sd).toBeCloseTo(1, 1);
  });

  it('keeps ints in range, honours weights and shuffles into a permutation', () => {
    const rng = createRng(3);
    const ints = Array.from({ length: 5_000 }, () => rng.int(2, 5));
    expect(new Set(ints)).toEqual(new Set([2, 3, 4, 5]));
    const picks = Array.from({ length: 10_000 }, () => rng.weighted([1, 0, 3]));
    expect(picks.filter((p) => p === 1)).toHaveLength(0);
    expect(picks.filter((p) => p === 2).length / picks.length).toBeCloseTo(0.75, 1);
    expect(rng.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(() => rng.weighted([0, 0])).toThrow(RangeError);
    expect(() => rng.pick([])).toThrow(RangeError);
  });

  it('forks independent streams that do not depend on draws made before', () => {
    const a = createRng(9);
    const b = createRng(9);
    b.next();
    expect(a.fork('x').next()).toBe(b.fork('x').next());
    expect(a.fork('x').next()).not.toBe(a.fork('y').next());
  });

  it('hashes strings to 32-bit unsigned integers', () => {
    expect(hashString('songcast')).toBe(hashString('songcast'));
    expect(hashString('songcast')).not.toBe(hashString('songcasT'));
    expect(hashString('')).toBeLessThan(2 ** 32);
  });
});
