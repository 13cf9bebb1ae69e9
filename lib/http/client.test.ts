import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '@/tests/fakes/fake-server';
import { createHttpClient, type HttpClientOptions } from './client';
import { ForbiddenError, MalformedResponseError, NetworkError, NotFoundError, RateLimitError } from './errors';

let fake: FakeServer;
let sleeps: number[];
beforeAll(async () => {
  fake = await startFakeServer((req) => (req.path === '/ok' ? { body: { ok: true, q: req.query.get('q') } } : { status: 404, body: { error: { status: 404, message: 'Non existing id' } } }));
});
afterAll(() => fake.close());
beforeEach(() => {
  sleeps = [];
});

const client = (opts: Partial<HttpClientOptions> = {}) =>
  createHttpClient({
    baseUrl: `${fake.url}/`,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    now: () => Date.parse('2026-03-01T12:00:00Z'),
    maxRetries: 3,
    ...opts,
  });

describe('createHttpClient', () => {
  it('joins paths and query parameters and parses JSON', async () => {
    expect(await client().getJson('/ok', { q: 'a b', skip: undefined })).toEqual({ ok: true, q: 'a b' });
    expect(fake.requests.at(-1)?.query.has('skip')).toBe(false);
  });

  it('retries 500 and 503 with full-jitter backoff, then succeeds', async () => {
    fake.inject('/ok', { status: 500, body: { error: 'boom' } });
    fake.inject('/ok', { status: 503, raw: '<html>busy</html>', headers: { 'content-type': 'text/html' } });
    expect(await client({ backoffBaseMs: 1000 }).getJson('/ok')).toMatchObject({ ok: true });
    // random() = 0.5 of a ceiling of 1000·2^attempt
    expect(sleeps).toEqual([500, 1000]);
  });

  it('gives up on 5xx once the retries run out, naming the URL and the status', async () => {
    fake.inject('/ok', { status: 503, body: { error: { message: 'Service unavailable' } } }, 4);
    const err = await client().getJson('/ok').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(String(err)).toMatch(/Server error 503 at http:\/\/127\.0\.0\.1:\d+\/ok after 4 attempts: Service unavailable/);
    expect(sleeps).toHaveLength(3);
  });

  it('honours Retry-After in seconds and as an HTTP date', async () => {
    fake.inject('/ok', { status: 429, headers: { 'retry-after': '7' } });
    fake.inject('/ok', { status: 429, headers: { 'retry-after': 'Sun, 01 Mar 2026 12:00:12 GMT' } });
    await client().getJson('/ok');
    expect(sleeps).toEqual([7000, 12000]);
  });

  it('fails with a RateLimitError when Retry-After exceeds the cap, without waiting', async () => {
    fake.inject('/ok', { status: 429, headers: { 'retry-after': '3600' } });
    const err = await client({ retryAfterCapMs: 60_000 }).getJson('/ok').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect((err as RateLimitError).retryAfterMs).toBe(3_600_000);
    expect(sleeps).toEqual([]);
  });

  it('retries a slow answer that times out, and fails with a NetworkError when every attempt does', async () => {
    fake.inject('/ok', { delayMs: 2_000, body: { late: true } });
    expect(await client({ timeoutMs: 100 }).getJson('/ok')).toMatchObject({ ok: true });
    expect(sleeps).toHaveLength(1);
    fake.inject('/ok', { delayMs: 2_000, body: { late: true } }, 2);
    const err = await client({ timeoutMs: 100, maxRetries: 1 }).getJson('/ok').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as NetworkError).timedOut).toBe(true);
    expect(String(err)).toMatch(/no answer within 100 ms from http:\/\/127\.0\.0\.1:\d+\/ok/);
  });

  it('retries network errors', async () => {
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      calls += 1;
      if (calls === 1) throw new TypeError('fetch failed');
      return fetch(input, init);
    };
    expect(await client({ fetch: flaky }).getJson('/ok')).toMatchObject({ ok: true });
    expect(calls).toBe(2);
  });

  it('reports malformed JSON with the URL, without retrying', async () => {
    fake.inject('/ok', { raw: '{"data": [1, 2' });
    const err = await client().getJson('/ok').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MalformedResponseError);
    expect(String(err)).toMatch(/Malformed response from http:\/\/127\.0\.0\.1:\d+\/ok: not JSON/);
    expect(sleeps).toEqual([]);
  });

  it('maps 403 and 404 to distinct errors carrying the API message', async () => {
    fake.inject('/ok', { status: 403, body: { error: { status: 403, message: 'Forbidden' } } });
    await expect(client().getJson('/ok')).rejects.toBeInstanceOf(ForbiddenError);
    const err = await client().getJson('/missing').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(String(err)).toMatch(/Not found \(404\) at .*\/missing: Non existing id/);
  });

  it('lets an API interpret an answer: retry after a delay it chooses, or fail its own way', async () => {
    fake.inject('/ok', { body: { error: { code: 4 } } });
    const interpret = (res: { body: unknown }) => {
      const code = (res.body as { error?: { code?: number } }).error?.code;
      if (code === 4) return { retry: 'quota', delayMs: 5000 };
      if (code === 9) return { fail: new Error('code nine') };
      return undefined;
    };
    expect(await client({ interpret }).getJson('/ok')).toMatchObject({ ok: true });
    expect(sleeps).toEqual([5000]);
    fake.inject('/ok', { body: { error: { code: 9 } } });
    await expect(client({ interpret }).getJson('/ok')).rejects.toThrow('code nine');
  });
});
