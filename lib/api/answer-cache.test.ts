import { NextResponse } from 'next/server';
import { describe, expect, it } from 'vitest';
import { createAnswerCache } from './answer-cache';

function counter(status = 200) {
  let calls = 0;
  return {
    calls: () => calls,
    run: async () => {
      calls += 1;
      return NextResponse.json({ n: calls }, { status, headers: { 'Cache-Control': 'public, s-maxage=3600' } });
    },
  };
}

describe('createAnswerCache', () => {
  it('answers a repeat from memory, with the same body and headers, until the TTL passes', async () => {
    let clock = 0;
    const cached = createAnswerCache({ ttlMs: 1_000, now: () => clock });
    const c = counter();
    expect(await (await cached('/a', c.run)).json()).toEqual({ n: 1 });
    clock = 999;
    const repeat = await cached('/a', c.run);
    expect(await repeat.json()).toEqual({ n: 1 });
    expect(repeat.headers.get('cache-control')).toBe('public, s-maxage=3600');
    expect(repeat.headers.get('content-type')).toMatch(/^application\/json/);
    expect(c.calls()).toBe(1);
    clock = 1_000;
    expect(await (await cached('/a', c.run)).json()).toEqual({ n: 2 });
  });

  it('keys by URL, lets concurrent repeats wait for the first, and never reuses an error', async () => {
    const cached = createAnswerCache();
    const c = counter();
    const answers = await Promise.all([cached('/a', c.run), cached('/a', c.run), cached('/b', c.run)]);
    expect(await Promise.all(answers.map((a) => a.json()))).toEqual([{ n: 1 }, { n: 1 }, { n: 2 }]);
    const failing = counter(422);
    await cached('/bad', failing.run);
    const again = await cached('/bad', failing.run);
    expect(again.status).toBe(422);
    expect(failing.calls()).toBe(2);
  });

  it('holds at most `max` answers, dropping the oldest', async () => {
    const cached = createAnswerCache({ max: 2 });
    const c = counter();
    for (const key of ['/a', '/b', '/c']) await cached(key, c.run);
    await cached('/c', c.run); // held
    await cached('/a', c.run); // dropped: answered again
    expect(c.calls()).toBe(4);
  });
});
