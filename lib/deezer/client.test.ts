import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpStatusError, MalformedResponseError, NetworkError, NotFoundError } from '@/lib/http/errors';
import { DEEZER_QUOTA_ERROR, deezerError, startDeezerFake, type FakeDeezer } from '@/tests/fakes/deezer-server';
import { createDeezerClient, DeezerApiError, type DeezerClientOptions } from './client';

let fake: FakeDeezer;
let sleeps: number[];
beforeAll(async () => {
  fake = await startDeezerFake({ pageSize: 4 });
});
afterAll(() => fake.close());
beforeEach(() => {
  sleeps = [];
});

const client = (opts: Partial<DeezerClientOptions> = {}) =>
  createDeezerClient({
    apiUrl: fake.url,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    rateLimit: null,
    maxRetries: 2,
    ...opts,
  });
const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

describe('Deezer client', () => {
  it('reads the chart across pages through `next`, in chart order', async () => {
    const before = fake.calls('/chart/0/tracks').length;
    const chart = await client().chartTracks(100);
    expect(chart.map((t) => t.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(chart[0]).toMatchObject({ id: 3003467301, title: 'Die With A Smile', rank: 965432, artist: { name: 'Lady Gaga' } });
    expect(fake.calls('/chart/0/tracks').length - before).toBe(2);
    expect(fake.calls('/chart/0/tracks').at(-1)?.query.get('index')).toBe('4');
  });

  it('stops paging once it has as many as asked for', async () => {
    const before = fake.calls('/chart/0/tracks').length;
    expect(await client().chartTracks(3)).toHaveLength(3);
    expect(fake.calls('/chart/0/tracks').length - before).toBe(1);
  });

  it('reads a top-list playlist and a full track', async () => {
    const c = client();
    expect(await c.getPlaylist(1313621735)).toMatchObject({ title: 'Top USA', nb_tracks: 5 });
    expect((await c.playlistTracks(1313621735)).map((t) => t.id)).toEqual([2947516331, 3003467301, 2801558052, 2085524037, 908604612]);
    expect(await c.getTrack(3003467301)).toMatchObject({ isrc: 'USUM72409273', bpm: 158, release_date: '2024-08-16' });
  });

  it('backs off on quota error code 4 (HTTP 200) and then succeeds', async () => {
    fake.inject('/track/908604612', DEEZER_QUOTA_ERROR, 2);
    expect((await client({ quotaBackoffMs: 5_000 }).getTrack(908604612)).title).toBe('Blinding Lights');
    expect(sleeps).toEqual([5_000, 5_000]);
  });

  it('fails clearly when the quota error persists', async () => {
    fake.inject('/track/908604612', DEEZER_QUOTA_ERROR, 3);
    const err = await failure(client().getTrack(908604612));
    expect(err).toBeInstanceOf(HttpStatusError);
    expect(String(err)).toMatch(/Deezer error 4 \(Quota limit exceeded\) at http:\/\/127\.0\.0\.1:\d+\/track\/908604612 \(after 3 attempts\)/);
  });

  it('turns code 800 into NotFoundError and other codes into DeezerApiError, without retrying', async () => {
    expect(await failure(client().getTrack(1))).toBeInstanceOf(NotFoundError);
    fake.inject('/track/908604612', deezerError(300, 'OAuthException', 'Invalid OAuth access token.'));
    const err = await failure(client().getTrack(908604612));
    expect(err).toBeInstanceOf(DeezerApiError);
    expect(String(err)).toMatch(/Deezer error 300 \(OAuthException\) at .*\/track\/908604612: Invalid OAuth access token\./);
    expect(sleeps).toEqual([]);
  });

  it('retries 500/503, times out slow answers and reports malformed JSON', async () => {
    fake.inject('/track/908604612', { status: 503, raw: '<html>503</html>' });
    fake.inject('/track/908604612', { status: 500, raw: '' });
    expect((await client().getTrack(908604612)).id).toBe(908604612);
    fake.inject('/track/908604612', { delayMs: 1_000, body: {} }, 3);
    expect(await failure(client({ timeoutMs: 60 }).getTrack(908604612))).toBeInstanceOf(NetworkError);
    fake.inject('/track/908604612', { raw: '{"id":908604612,' });
    expect(await failure(client().getTrack(908604612))).toBeInstanceOf(MalformedResponseError);
  });

  it('spaces requests with its token bucket', async () => {
    let clock = 0;
    const c = client({
      rateLimit: { capacity: 2, windowMs: 1_000 },
      now: () => clock,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
    });
    for (let i = 0; i < 4; i++) await c.getTrack(908604612);
    expect(sleeps).toEqual([500, 500]);
  });
});
