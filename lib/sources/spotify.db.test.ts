import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSource, tableCounts } from '@/tests/fakes/run-source';
import { FAKE_SPOTIFY_CLIENT, FAKE_SPOTIFY_PLAYLIST_ID, startSpotifyFake, type FakeSpotify } from '@/tests/fakes/spotify-server';
import { createTestDb, type TestDb } from '@/tests/support/test-db';
import { createSpotifySource } from './spotify';

const GONE_PLAYLIST = '0000000000000000000000';
let devDb: TestDb;
let extDb: TestDb;
let dev: FakeSpotify;
let ext: FakeSpotify;
beforeAll(async () => {
  [devDb, extDb, dev, ext] = await Promise.all([
    createTestDb('spotifydev'),
    createTestDb('spotifyext'),
    startSpotifyFake({ mode: 'development', pageSize: 2 }),
    startSpotifyFake({ mode: 'extended' }),
  ]);
});
afterAll(async () => {
  await Promise.all([dev?.close(), ext?.close()]);
  await Promise.all([devDb?.drop(), extDb?.drop()]);
});

const source = (fake: FakeSpotify) =>
  createSpotifySource({
    config: { apiUrl: fake.apiUrl, accountsUrl: fake.accountsUrl, ...FAKE_SPOTIFY_CLIENT, playlists: [FAKE_SPOTIFY_PLAYLIST_ID, GONE_PLAYLIST] },
    client: { sleep: async () => undefined, maxRetries: 1 },
  });
const query = async (t: TestDb, sql: string, params: unknown[] = []) => (await t.pool.query<RowDataPacket[]>(sql, params))[0];

describe('spotify source, development-mode app', () => {
  it('follows the playlist and stores what the app cannot read as missing, listing it in the stats', async () => {
    const result = await runSource(source(dev), devDb, { asOf: '2026-03-05' });
    expect(result.error).toBeUndefined();
    expect(result.stats).toMatchObject({
      capabilities: { popularity: false, audioFeatures: false, batch: false, editorialPlaylists: false },
      unavailable: ['popularity', 'audioFeatures', 'batch', 'editorialPlaylists'],
      playlists: { [FAKE_SPOTIFY_PLAYLIST_ID]: 5 },
      playlistsUnavailable: [expect.stringMatching(new RegExp(`^${GONE_PLAYLIST}: Not found`))],
      tracksRead: 5,
      snapshots: 0,
      artistsRead: 0,
    });
    expect(await tableCounts(devDb)).toMatchObject({ tracks: 5, playlists: 1, playlist_tracks: 5, popularity_snapshots: 0 });
    const [killBill] = await query(devDb, "SELECT isrc, release_date, explicit, tempo, danceability FROM tracks WHERE spotify_id = '1Qrg8KqiBpW07V7PNxwwwL'");
    expect(killBill).toEqual({ isrc: 'USRC12204589', release_date: '2022-12-01', explicit: 1, tempo: null, danceability: null });
    const [sza] = await query(devDb, "SELECT followers, popularity, genres FROM artists WHERE spotify_id = '7tYKF4w9nC0nq9CsPZTHyP'");
    expect(sza).toEqual({ followers: null, popularity: null, genres: null });
  });

  it('skips an unchanged playlist and leaves identical counts on a re-run', async () => {
    const before = await tableCounts(devDb);
    const again = await runSource(source(dev), devDb, { asOf: '2026-03-05' });
    expect(again.stats.playlistsUnchanged).toEqual([FAKE_SPOTIFY_PLAYLIST_ID]);
    expect(await tableCounts(devDb)).toEqual(before);
  });

  it('records a song leaving the playlist', async () => {
    const pl = dev.playlists.find((p) => p.id === FAKE_SPOTIFY_PLAYLIST_ID)!;
    const saved = { entries: pl.entries, snapshot: pl.snapshot_id };
    pl.entries = pl.entries.filter((e) => !('track_id' in e) || e.track_id !== '1Qrg8KqiBpW07V7PNxwwwL');
    pl.snapshot_id = 'changed-snapshot';
    try {
      expect((await runSource(source(dev), devDb, { asOf: '2026-03-12' })).stats.playlists).toEqual({ [FAKE_SPOTIFY_PLAYLIST_ID]: 4 });
    } finally {
      Object.assign(pl, { entries: saved.entries, snapshot_id: saved.snapshot });
    }
    const rows = await query(devDb, 'SELECT t.title, p.removed_on FROM playlist_tracks p JOIN tracks t ON t.id = p.track_id WHERE p.removed_on IS NOT NULL');
    expect(rows).toEqual([{ title: 'Kill Bill', removed_on: '2026-03-12' }]);
  });

  it('stops cleanly on QUOTA_EXCEEDED and resumes after the finished phase', async () => {
    dev.inject('/v1/tracks/0yLdNVWF3Srea0uzk55zFn', { status: 429, body: { error: { status: 429, message: 'Quota exceeded', reason: 'QUOTA_EXCEEDED' } } });
    const stopped = await runSource(source(dev), devDb, { asOf: '2026-03-19' });
    expect(stopped.error).toMatch(/Spotify quota exceeded \(429 QUOTA_EXCEEDED\)/);
    const resumed = await runSource(source(dev), devDb, { asOf: '2026-03-19' });
    expect(resumed.error).toBeUndefined();
    expect(resumed.stats).toMatchObject({ resumed: true, playlists: {}, tracksRead: 5 });
  });
});

describe('spotify source, extended-quota app', () => {
  it('also stores popularity snapshots, audio features and artist followers', async () => {
    const result = await runSource(source(ext), extDb, { asOf: '2026-03-05' });
    expect(result.error).toBeUndefined();
    expect(result.stats).toMatchObject({ unavailable: [], tracksRead: 5, snapshots: 5, artistsRead: 5 });
    const [killBill] = await query(
      extDb,
      "SELECT t.tempo, s.popularity FROM tracks t JOIN popularity_snapshots s ON s.track_id = t.id AND s.source = 'spotify' WHERE t.spotify_id = '1Qrg8KqiBpW07V7PNxwwwL'",
    );
    expect(killBill).toEqual({ tempo: 88.98, popularity: 84 });
    const [sza] = await query(extDb, "SELECT followers, popularity FROM artists WHERE spotify_id = '7tYKF4w9nC0nq9CsPZTHyP'");
    expect(sza).toEqual({ followers: 19_876_543, popularity: 82 });
  });
});
