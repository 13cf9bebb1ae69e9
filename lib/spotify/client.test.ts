import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError, HttpStatusError, MalformedResponseError, NetworkError, NotFoundError, UnauthorizedError } from '@/lib/http/errors';
import { FAKE_SPOTIFY_CLIENT, FAKE_SPOTIFY_PLAYLIST_ID, startSpotifyFake, type FakeSpotify } from '@/tests/fakes/spotify-server';
import { createSpotifyClient, type SpotifyClientOptions } from './client';
import { QuotaExceededError } from './errors';

const BLINDING_LIGHTS = '0VjIjW4GlUZAMYd2vXMi3b';
let dev: FakeSpotify;
let ext: FakeSpotify;
let sleeps: number[];
let clock: number;

beforeAll(async () => {
  dev = await startSpotifyFake({ mode: 'development', pageSize: 2 });
  ext = await startSpotifyFake({ mode: 'extended', itemsEndpoint: false });
});
afterAll(async () => {
  await dev.close();
  await ext.close();
});
beforeEach(() => {
  sleeps = [];
  clock = Date.parse('2026-03-02T09:00:00Z');
});

const client = (fake: FakeSpotify, opts: Partial<SpotifyClientOptions> = {}) =>
  createSpotifyClient({
    apiUrl: fake.apiUrl,
    accountsUrl: fake.accountsUrl,
    ...FAKE_SPOTIFY_CLIENT,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    now: () => clock,
    maxRetries: 2,
    ...opts,
  });
const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

describe('Spotify tokens', () => {
  it('reuses a token until shortly before it expires, then fetches a new one', async () => {
    const c = client(dev);
    const before = dev.tokensIssued;
    await c.getTrack(BLINDING_LIGHTS);
    await c.getTrack(BLINDING_LIGHTS);
    expect(dev.tokensIssued - before).toBe(1);
    clock += 3_500_000; // 100 s before expiry: still used
    await c.getTrack(BLINDING_LIGHTS);
    expect(dev.tokensIssued - before).toBe(1);
    clock += 50_000; // 50 s before expiry: inside the 60 s margin
    await c.getTrack(BLINDING_LIGHTS);
    expect(dev.tokensIssued - before).toBe(2);
    const tokenCalls = dev.calls('/api/token');
    expect(tokenCalls.at(-1)?.body).toBe('grant_type=client_credentials');
  });

  it('fetches a new token once on a 401 and retries the call', async () => {
    const c = client(dev);
    await c.getTrack(BLINDING_LIGHTS);
    const before = dev.tokensIssued;
    dev.revokeTokens();
    expect((await c.getTrack(BLINDING_LIGHTS)).name).toBe('Blinding Lights');
    expect(dev.tokensIssued - before).toBe(1);
  });

  it('fails with UnauthorizedError when a fresh token is refused too', async () => {
    dev.inject(`/v1/tracks/${BLINDING_LIGHTS}`, { status: 401, body: { error: { status: 401, message: 'Invalid access token' } } }, 2);
    const err = await failure(client(dev).getTrack(BLINDING_LIGHTS));
    expect(err).toBeInstanceOf(UnauthorizedError);
    expect(String(err)).toMatch(/Invalid access token/);
  });

  it('names the settings to check when the credentials are wrong', async () => {
    const err = await failure(client(dev, { clientSecret: 'wrong' }).getTrack(BLINDING_LIGHTS));
    expect(err).toBeInstanceOf(UnauthorizedError);
    expect(String(err)).toMatch(/SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET/);
  });
});

describe('Spotify failure modes', () => {
  it('maps 403 and 404 to distinct errors', async () => {
    expect(await failure(client(dev).getTracks([BLINDING_LIGHTS]))).toBeInstanceOf(ForbiddenError);
    expect(await failure(client(dev).getTrack('0000000000000000000000'))).toBeInstanceOf(NotFoundError);
  });

  it('waits as long as Retry-After says on a 429, then succeeds', async () => {
    dev.inject(`/v1/tracks/${BLINDING_LIGHTS}`, { status: 429, headers: { 'retry-after': '3' }, body: { error: { status: 429, message: 'API rate limit exceeded' } } });
    expect((await client(dev).getTrack(BLINDING_LIGHTS)).id).toBe(BLINDING_LIGHTS);
    expect(sleeps).toEqual([3_000]);
  });

  it('stops at once with QuotaExceededError on a 429 QUOTA_EXCEEDED', async () => {
    const before = dev.calls(`/v1/tracks/${BLINDING_LIGHTS}`).length;
    dev.inject(`/v1/tracks/${BLINDING_LIGHTS}`, {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { error: { status: 429, message: 'Quota exceeded', reason: 'QUOTA_EXCEEDED' } },
    });
    const err = await failure(client(dev).getTrack(BLINDING_LIGHTS));
    expect(err).toBeInstanceOf(QuotaExceededError);
    expect(sleeps).toEqual([]);
    expect(dev.calls(`/v1/tracks/${BLINDING_LIGHTS}`).length - before).toBe(1);
  });

  it('retries 500 and 503, and gives up when they persist', async () => {
    dev.inject(`/v1/tracks/${BLINDING_LIGHTS}`, { status: 500, body: { error: { status: 500, message: 'Server error' } } });
    dev.inject(`/v1/tracks/${BLINDING_LIGHTS}`, { status: 503, raw: 'upstream connect error' });
    expect((await client(dev).getTrack(BLINDING_LIGHTS)).id).toBe(BLINDING_LIGHTS);
    expect(sleeps).toHaveLength(2);
    dev.inject(`/v1/tracks/${BLINDING_LIGHTS}`, { status: 503, raw: 'upstream connect error' }, 3);
    const err = await failure(client(dev).getTrack(BLINDING_LIGHTS));
    expect(err).toBeInstanceOf(HttpStatusError);
    expect((err as HttpStatusError).status).toBe(503);
  });

  it('times out a slow answer and retries it', async () => {
    dev.inject(`/v1/tracks/${BLINDING_LIGHTS}`, { delayMs: 1_500, body: {} }, 3);
    const err = await failure(client(dev, { timeoutMs: 80 }).getTrack(BLINDING_LIGHTS));
    expect(err).toBeInstanceOf(NetworkError);
    expect(sleeps).toHaveLength(2);
  });

  it('reports malformed JSON and unexpected shapes with the URL', async () => {
    dev.inject(`/v1/tracks/${BLINDING_LIGHTS}`, { raw: '{"id": "0VjIjW4GlUZAMYd2vXMi3b", "name": ' });
    expect(String(await failure(client(dev).getTrack(BLINDING_LIGHTS)))).toMatch(/Malformed response from http:\/\/127\.0\.0\.1:\d+\/v1\/tracks\/0VjI.*not JSON/);
    dev.inject(`/v1/tracks/${BLINDING_LIGHTS}`, { body: { id: BLINDING_LIGHTS, name: 'x' } });
    const err = await failure(client(dev).getTrack(BLINDING_LIGHTS));
    expect(err).toBeInstanceOf(MalformedResponseError);
    expect(String(err)).toMatch(/unexpected shape[\s\S]*artists/);
  });
});

describe('Spotify listings', () => {
  it('follows `next` through every page of /playlists/{id}/items, skipping episodes and removed songs', async () => {
    const before = dev.calls(`/v1/playlists/${FAKE_SPOTIFY_PLAYLIST_ID}/items`).length;
    const entries = [];
    for await (const e of client(dev).playlistEntries(FAKE_SPOTIFY_PLAYLIST_ID)) entries.push(e);
    expect(entries).toHaveLength(7);
    expect(entries.filter((e) => e.track).map((e) => e.track!.name)).toEqual(['Blinding Lights', 'As It Was', 'Flowers', 'Kill Bill', 'Dreams - 2004 Remaster']);
    expect(entries[0]?.addedAt).toBe('2026-01-05T10:00:00Z');
    expect(dev.calls(`/v1/playlists/${FAKE_SPOTIFY_PLAYLIST_ID}/items`).length - before).toBe(4);
  });

  it('falls back to /tracks only when allowed and /items does not exist', async () => {
    const names = [];
    for await (const e of client(ext).playlistEntries(FAKE_SPOTIFY_PLAYLIST_ID, { allowTracksFallback: true })) if (e.track) names.push(e.track.name);
    expect(names).toHaveLength(5);
    const err = await failure((async () => {
      for await (const _ of client(ext).playlistEntries(FAKE_SPOTIFY_PLAYLIST_ID)) void _;
    })());
    expect(err).toBeInstanceOf(NotFoundError);
  });

  it('asks search for at most 10 results a page', async () => {
    const page = await client(dev).searchTracks('s', { limit: 50 });
    expect(dev.requests.at(-1)?.query.get('limit')).toBe('10');
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.length).toBeLessThanOrEqual(10);
  });
});
