/**
 * A small seeded pseudo-random generator (sfc32 state, seeded through a
 * splitmix-style mixer) so the sample data is the same on every machine.
 * `fork(label)` derives an independent stream, so adding draws to one part of
 * the generator never shifts the numbers another part sees.
 */

/** 32-bit FNV-1a hash of a string: turns labels into seed material. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One splitmix32 step: spreads a seed's bits before they become generator state. */
function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  float(min: number, max: number): number;
  /** Integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Standard normal draw (Box–Muller). */
  normal(mean?: number, sd?: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** An index drawn with the given non-negative weights. */
  weighted(weights: readonly number[]): number;
  /** The list shuffled in place (Fisher–Yates) and returned. */
  shuffle<T>(items: T[]): T[];
  /** An independent stream named by `label`. */
  fork(label: string): Rng;
}

/** A generator for `seed`; the same seed (number or string) always yields the same sequence. */
export function createRng(seed: number | string): Rng {
  const base = typeof seed === 'number' ? mix32(seed >>> 0) ^ mix32(Math.floor(seed / 2 ** 32)) : hashString(seed);
  let a = mix32(base);
  let b = mix32(a);
  let c = mix32(b);
  let d = 1;
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Discard the first outputs: they still carry the seed's structure.
  for (let i = 0; i < 12; i++) next();

  const rng: Rng = {
    next,
    float: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    normal(mean = 0, sd = 1) {
      const u = 1 - next();
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    pick(items) {
      if (items.length === 0) throw new RangeError('pick() needs a non-empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted(weights) {
      const total = weights.reduce((s, w) => s + w, 0);
      if (!(total > 0)) throw new RangeError('weighted() needs a positive total weight');
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i] ?? 0;
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j] as (typeof items)[number], items[i] as (typeof items)[number]];
      }
      return items;
    },
    fork: (label) => createRng(`${base}:${label}`),
  };
  return rng;
}
