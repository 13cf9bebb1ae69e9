import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/tests/support/test-db';
import { TrackResolver } from './track-resolver';
import type { TrackInput } from './types';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb('resolver');
});
afterAll(async () => t?.drop());

const sid = (n: number) => `sp${String(n).padStart(20, '0')}`;
const song = (title: string, artist: string, extra: Partial<TrackInput> = {}): TrackInput => ({ title, artists: [{ name: artist }], ...extra });

async function count(table: string): Promise<number> {
  const [rows] = await t.pool.query<RowDataPacket[]>(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(rows[0]!.n);
}
async function track(id: number) {
  const [rows] = await t.pool.query<RowDataPacket[]>('SELECT * FROM tracks WHERE id = ?', [id]);
  return rows[0]!;
}

describe('TrackResolver', () => {
  it('creates tracks with their artists, one track per song within a batch', async () => {
    const r = new TrackResolver(t.pool);
    const ids = await r.resolve([
      { title: 'Levitating (feat. DaBaby)', artists: [{ name: 'Dua Lipa' }, { name: 'DaBaby' }], artistCredit: 'Dua Lipa feat. DaBaby' },
      song('Levitating', 'Dua Lipa'),
      song('Hello', 'Adele'),
      song('Hello', 'Lionel Richie'),
    ]);
    expect(ids[0]).toBe(ids[1]);
    expect(new Set(ids).size).toBe(3);
    expect(r.stats).toMatchObject({ created: 3, byKey: 1 });
    const lev = await track(ids[0]!);
    expect(lev.artist_names).toBe('Dua Lipa feat. DaBaby');
    const [links] = await t.pool.query<RowDataPacket[]>(
      'SELECT a.name, ta.position FROM track_artists ta JOIN artists a ON a.id = ta.artist_id WHERE ta.track_id = ? ORDER BY ta.position',
      [ids[0]],
    );
    expect(links.map((l) => l.name)).toEqual(['Dua Lipa', 'DaBaby']);
    expect(lev.primary_artist_id).not.toBeNull();
  });

  it('matches by Spotify id, then ISRC, then key, and fills what the track lacked', async () => {
    const first = new TrackResolver(t.pool);
    const [a] = await first.resolve([song('Blinding Lights', 'The Weeknd', { spotifyId: sid(1), album: 'After Hours' })]);
    // A fresh resolver (empty caches) sees the same database.
    const r = new TrackResolver(t.pool);
    const ids = await r.resolve([
      song('Blinding Lights - Radio Edit', 'Weeknd', { isrc: 'usug11904206' }),
      song('Totally Renamed', 'Someone', { spotifyId: sid(1), releaseDate: '2019-11-29', features: { energy: 0.73, key: 1 } }),
      song('Other', 'Someone', { isrc: 'USUG11904206' }),
      song('Blinding Lights', 'The Weeknd', { album: null, durationMs: 200040 }),
    ]);
    expect(ids).toEqual([a, a, a, a]);
    expect(r.stats).toMatchObject({ byKey: 2, bySpotifyId: 1, byIsrc: 1, created: 0 });
    const row = await track(a!);
    expect(row).toMatchObject({
      spotify_id: sid(1),
      isrc: 'USUG11904206',
      album: 'After Hours',
      release_date: '2019-11-29',
      duration_ms: 200040,
      energy: 0.73,
      musical_key: 1,
      title: 'Blinding Lights',
    });
    expect(row.danceability).toBeNull();
  });

  it('never moves a Spotify id that another track owns, and keeps a known one', async () => {
    const r = new TrackResolver(t.pool);
    const [x, y] = await r.resolve([song('Song X', 'Band', { spotifyId: sid(10), deezerId: 77 }), song('Song Y', 'Band', { spotifyId: sid(11) })]);
    // Matched to Y by its Spotify id; Deezer id 77 belongs to X, so Y does not take it.
    const [z] = await new TrackResolver(t.pool).resolve([song('Song Y', 'Band', { spotifyId: sid(11), deezerId: 77, isrc: 'GBAYE0000001' })]);
    expect(z).toBe(y);
    expect(await track(y!)).toMatchObject({ deezer_id: null, isrc: 'GBAYE0000001' });
    const [w] = await new TrackResolver(t.pool).resolve([song('Song X', 'Band', { spotifyId: sid(12) })]);
    expect(w).toBe(x);
    expect((await track(x!)).spotify_id).toBe(sid(10));
  });

  it('links artists by Spotify id and keeps same-named artists with different ids apart', async () => {
    const r = new TrackResolver(t.pool);
    await r.resolve([
      { title: 'One', artists: [{ name: 'Nirvana' }] },
      { title: 'Two', artists: [{ name: 'Nirvana', spotifyId: 'art0000000000000000001' }] },
      { title: 'Three', artists: [{ name: 'Nirvana', spotifyId: 'art0000000000000000002' }] },
    ]);
    const [rows] = await t.pool.query<RowDataPacket[]>("SELECT spotify_id FROM artists WHERE name_key = 'nirvana' ORDER BY id");
    expect(rows.map((x) => x.spotify_id)).toEqual(['art0000000000000000001', 'art0000000000000000002']);
  });

  it('creates one artist when one Spotify id comes under two names, one of them already known', async () => {
    await new TrackResolver(t.pool).resolve([{ title: 'Holo', artists: [{ name: 'LEE HI' }] }]);
    const lee = 'lee0000000000000000001';
    await new TrackResolver(t.pool).resolve([
      { title: 'Breathe', artists: [{ name: 'LeeHi', spotifyId: lee }] },
      { title: 'Rose', artists: [{ name: 'LEE HI', spotifyId: lee }] },
    ]);
    const [rows] = await t.pool.query<RowDataPacket[]>('SELECT name FROM artists WHERE spotify_id = ?', [lee]);
    expect(rows.map((x) => x.name)).toEqual(['LEE HI']);
  });

  it('resolves big inputs in several batches and is idempotent', async () => {
    const inputs = Array.from({ length: 4_500 }, (_, i) => song(`Bulk ${i % 3_000}`, `Artist ${(i % 3_000) % 7}`, i % 2 ? { spotifyId: sid(1_000 + (i % 3_000)) } : {}));
    const before = await count('tracks');
    const ids = await new TrackResolver(t.pool).resolve(inputs);
    expect(await count('tracks')).toBe(before + 3_000);
    const counts = await Promise.all(['tracks', 'artists', 'track_artists'].map(count));
    const again = await new TrackResolver(t.pool).resolve(inputs);
    expect(again).toEqual(ids);
    expect(await Promise.all(['tracks', 'artists', 'track_artists'].map(count))).toEqual(counts);
    ids.forEach((id, i) => expect(id).toBe(ids[i % 3_000]));
  });

  it('needs no database for a batch its caches know in full, and still fills what a known track lacks', async () => {
    let connections = 0;
    const pool = Object.create(t.pool, { getConnection: { value: () => (connections++, t.pool.getConnection()) } }) as typeof t.pool;
    const r = new TrackResolver(pool);
    const inputs = [song('Cached', 'Someone', { spotifyId: sid(9_001) }), song('Cached Too', 'Someone')];
    const ids = await r.resolve(inputs);
    expect(connections).toBe(1);
    expect(await r.resolve(inputs)).toEqual(ids);
    expect(connections).toBe(1);
    expect(r.stats).toMatchObject({ created: 2, bySpotifyId: 1, byKey: 1 });
    await r.resolve([song('Cached Too', 'Someone', { isrc: 'USAAA2400001' })]);
    expect(connections).toBe(2);
    expect((await track(ids[1]!)).isrc).toBe('USAAA2400001');
  });

  it('resolves an input object named on many lines once, counting every line as the line after the first would match', async () => {
    let connections = 0;
    const pool = Object.create(t.pool, { getConnection: { value: () => (connections++, t.pool.getConnection()) } }) as typeof t.pool;
    const r = new TrackResolver(pool);
    const a = song('Repeat', 'Someone', { spotifyId: sid(9_101) });
    const b = song('Repeat Too', 'Someone');
    const ids = await r.resolve([a, b, a, a, b]);
    expect(ids).toEqual([ids[0], ids[1], ids[0], ids[0], ids[1]]);
    expect(connections).toBe(1);
    expect(r.stats).toMatchObject({ created: 2, bySpotifyId: 2, byKey: 1 });
    // A track matched by key that the first line gives a Spotify id: the other lines find it by that id.
    const filled = song('Repeat Too', 'Someone', { spotifyId: sid(9_102) });
    expect(await r.resolve([filled, filled, filled])).toEqual([ids[1], ids[1], ids[1]]);
    expect(r.stats).toMatchObject({ created: 2, bySpotifyId: 4, byKey: 2 });
    expect(await r.resolve(Array<TrackInput>(4_500).fill(a))).toEqual(Array(4_500).fill(ids[0]));
    expect(r.stats.bySpotifyId).toBe(4_504);
    expect(connections).toBe(2);
  });

  it('rejects an input without a title or artist, naming it', async () => {
    await expect(new TrackResolver(t.pool).resolve([song('ok', 'a'), song('  ', 'b')])).rejects.toThrow(/track input 1: a track needs a title/);
    await expect(new TrackResolver(t.pool).resolve([{ title: 'x', artists: [] }])).rejects.toThrow(/has no artist/);
  });
});
