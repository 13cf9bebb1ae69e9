import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from './backoff';
import { TokenBucket } from './token-bucket';

describe('backoffDelay', () => {
  it('draws from 0 up to an exponentially growing, capped ceiling', () => {
    const opts = { baseMs: 500, maxMs: 4_000 };
    expect([0, 1, 2, 3, 4].map((a) => backoffDelay(a, opts, () => 0.999_999))).toEqual([499, 999, 1_999, 3_999, 3_999]);
    expect(backoffDelay(3, opts, () => 0)).toBe(0);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('1.5', now)).toBe(1_500);
    expect(parseRetryAfter('Sun, 01 Mar 2026 12:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 11:00:00 GMT', now)).toBe(0);
  });
  it('gives null for a missing or unreadable header', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

describe('TokenBucket', () => {
  it('lets a burst of `capacity` through, then spaces requests at the refill rate', async () => {
    let clock = 0;
    const waits: number[] = [];
    const bucket = new TokenBucket({
      capacity: 5,
      windowMs: 5_000,
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    });
    await Promise.all(Array.from({ length: 8 }, () => bucket.take()));
    // 5 free, then one token per 1000 ms for the other 3.
    expect(waits).toEqual([1_000, 1_000, 1_000]);
    expect(clock).toBe(3_000);
  });
  it('rejects a nonsensical configuration', () => {
    expect(() => new TokenBucket({ capacity: 0, windowMs: 1 })).toThrow(/capacity/);
  });
});
