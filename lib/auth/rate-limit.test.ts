import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from './rate-limit';

describe('SlidingWindowLimiter', () => {
  it('allows `limit` hits per window, refuses the next with the wait until a slot frees', () => {
    const limiter = new SlidingWindowLimiter(5, 60_000);
    for (let i = 0; i < 5; i++) expect(limiter.hit('1.2.3.4', 1_000 + i * 1_000).allowed).toBe(true);
    expect(limiter.hit('1.2.3.4', 10_000)).toEqual({ allowed: false, retryAfterMs: 51_000 });
  });

  it('slides: the oldest hit leaving the window frees exactly one slot', () => {
    const limiter = new SlidingWindowLimiter(5, 60_000);
    for (let i = 0; i < 5; i++) limiter.hit('ip', i * 10_000);
    expect(limiter.hit('ip', 59_999).allowed).toBe(false);
    expect(limiter.hit('ip', 60_001).allowed).toBe(true);
    expect(limiter.hit('ip', 60_002).allowed).toBe(false);
  });

  it('does not count refused hits, so a client who keeps trying is not locked out forever', () => {
    const limiter = new SlidingWindowLimiter(2, 1_000);
    limiter.hit('ip', 0);
    limiter.hit('ip', 0);
    for (let t = 1; t < 1_000; t += 100) expect(limiter.hit('ip', t).allowed).toBe(false);
    expect(limiter.hit('ip', 1_001).allowed).toBe(true);
  });

  it('keeps clients apart and forgets idle ones when pruned', () => {
    const limiter = new SlidingWindowLimiter(1, 1_000);
    expect(limiter.hit('a', 0).allowed).toBe(true);
    expect(limiter.hit('b', 0).allowed).toBe(true);
    expect(limiter.hit('a', 10).allowed).toBe(false);
    limiter.prune(5_000);
    expect(limiter.size).toBe(0);
    expect(limiter.hit('a', 5_000).allowed).toBe(true);
  });
});
