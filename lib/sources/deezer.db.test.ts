import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrackResolver } from '@/lib/ingest/track-resolver';
import { startDeezerFake, type FakeDeezer } from '@/tests/fakes/deezer-server';
import { runSource, tableCounts } from '@/tests/fakes/run-source';
import { createTestDb, type TestDb } from '@/tests/support/test-db';
import { createDeezerSource, type DeezerSourceDeps } from './deezer';

let t: TestDb;
let fake: FakeDeezer;
beforeAll(async () => {
  [t, fake] = await Promise.all([createTestDb('deezer'), startDeezerFake({ pageSize: 4 })]);
});
afterAll(async () => {
  await fake?.close();
  await t?.drop();
});

const TOP_LISTS = [
  { country: 'global', playlistId: null },
  { country: 'us', playlistId: 1313621735 },
  { country: 'fr', playlistId: 1109890291 },
];
const source = (deps: Partial<DeezerSourceDeps> = {}) =>
  createDeezerSource({ apiUrl: fake.url, topLists: TOP_LISTS, client: { sleep: async () => undefined, rateLimit: null, maxRetries: 1 }, ...deps });
const query = async (sql: string, params: unknown[] = []) => (await t.pool.query<RowDataPacket[]>(sql, params))[0];

describe('deezer source', () => {
  it('writes the top lists as weekly charts, and every track\'s rank as a snapshot', async () => {
    // A song already known from Spotify (no Deezer id) must stay one track.
    await new TrackResolver(t.pool).resolve([{ spotifyId: '0VjIjW4GlUZAMYd2vXMi3b', isrc: 'USUG11904206', title: 'Blinding Lights', artists: [{ name: 'The Weeknd' }] }]);
    const result = await runSource(source(), t, { asOf: '2026-03-05' });
    expect(result.error).toBeUndefined();
    expect(result.stats).toMatchObject({ lists: { 'deezer-weekly-global': 6, 'deezer-weekly-us': 5, 'deezer-weekly-fr': 4 }, tracksRead: 8, snapshots: 8, tracksGone: 0 });
    expect(await tableCounts(t)).toMatchObject({ tracks: 8, charts: 3, chart_entries: 15, popularity_snapshots: 8 });
    const charts = await query('SELECT slug, country, size, source FROM charts ORDER BY slug');
    expect(charts.map((c) => c.slug)).toEqual(['deezer-weekly-fr', 'deezer-weekly-global', 'deezer-weekly-us']);
    expect(charts[0]).toMatchObject({ country: 'fr', size: 100, source: 'deezer' });
    const [top] = await query(
      `SELECT t.title, t.isrc, t.tempo, t.release_date, t.spotify_id, s.popularity FROM chart_entries e
       JOIN charts c ON c.id = e.chart_id JOIN tracks t ON t.id = e.track_id
       JOIN popularity_snapshots s ON s.track_id = t.id AND s.source = 'deezer' AND s.observed_on = e.chart_date
       WHERE c.slug = 'deezer-weekly-global' AND e.chart_date = '2026-03-05' AND e.rank = 1`,
    );
    expect(top).toMatchObject({ title: 'Die With A Smile', isrc: 'USUM72409273', tempo: 158, release_date: '2024-08-16', popularity: 96.5 });
    const [weeknd] = await query("SELECT spotify_id, deezer_id FROM tracks WHERE isrc = 'USUG11904206'");
    expect(weeknd).toMatchObject({ spotify_id: '0VjIjW4GlUZAMYd2vXMi3b', deezer_id: 908604612 });
  });

  it('leaves identical counts when run twice for the same as-of', async () => {
    const before = await tableCounts(t);
    const again = await runSource(source(), t, { asOf: '2026-03-05' });
    expect(again.error).toBeUndefined();
    expect(await tableCounts(t)).toEqual(before);
  });

  it('keeps a song\'s history going after it leaves every chart', async () => {
    fake.chart.splice(fake.chart.indexOf(1762880247), 1); // As It Was drops off the only list it was on
    fake.tracks.get(1762880247)!.rank = 650_000;
    const result = await runSource(source(), t, { asOf: '2026-03-12' });
    expect(result.error).toBeUndefined();
    const history = await query(
      "SELECT s.observed_on, s.popularity FROM popularity_snapshots s JOIN tracks t ON t.id = s.track_id WHERE t.deezer_id = 1762880247 AND s.source = 'deezer' ORDER BY s.observed_on",
    );
    expect(history).toEqual([
      { observed_on: '2026-03-05', popularity: 87.5 },
      { observed_on: '2026-03-12', popularity: 65 },
    ]);
  });

  it('reports a top list Deezer no longer has and writes the others', async () => {
    const result = await runSource(source({ topLists: [...TOP_LISTS, { country: 'zz', playlistId: 999 }] }), t, { asOf: '2026-03-19', limit: 2 });
    expect(result.error).toBeUndefined();
    expect(result.stats.listsUnavailable).toEqual([expect.stringMatching(/^deezer-weekly-zz: Not found \(404\) at .*\/playlist\/999\/tracks.*no data/)]);
    expect(result.stats).toMatchObject({ lists: { 'deezer-weekly-global': 2, 'deezer-weekly-us': 2, 'deezer-weekly-fr': 2 }, tracksRead: 2 });
  });

  it('starts at the phase --skip-to names, and refuses one it does not have', async () => {
    const entries = (await tableCounts(t)).chart_entries;
    const result = await runSource(source(), t, { asOf: '2026-03-20', skipTo: 'tracks', limit: 3 });
    expect(result.stats).toMatchObject({ lists: {}, tracksRead: 3 });
    expect((await tableCounts(t)).chart_entries).toBe(entries);
    expect((await runSource(source(), t, { asOf: '2026-03-20', skipTo: 'playlists' })).error).toBe('the deezer source has no phase "playlists"; its phases: charts, tracks');
  });

  it('resumes a failed run from its checkpoint and ends as one clean run would', async () => {
    const asOf = '2026-03-26';
    const ids = (await query('SELECT deezer_id FROM tracks WHERE deezer_id IS NOT NULL ORDER BY id')).map((r) => Number(r.deezer_id));
    fake.inject(`/track/${ids[5]}`, { status: 503, raw: 'busy' }, 2);
    const failed = await runSource(source({ trackBatch: 5 }), t, { asOf });
    expect(failed.error).toMatch(/Server error 503 at .*\/track\//);
    const written = await query("SELECT COUNT(*) AS n FROM popularity_snapshots WHERE source = 'deezer' AND observed_on = ?", [asOf]);
    expect(Number(written[0]!.n)).toBe(5);
    const listCalls = fake.calls(/^\/(chart|playlist)\//).length;
    const resumed = await runSource(source({ trackBatch: 5 }), t, { asOf });
    expect(resumed.error).toBeUndefined();
    expect(resumed.stats).toMatchObject({ resumed: true, lists: {}, tracksRead: ids.length - 5 });
    expect(fake.calls(/^\/(chart|playlist)\//).length).toBe(listCalls);
    const after = await query("SELECT COUNT(*) AS n FROM popularity_snapshots WHERE source = 'deezer' AND observed_on = ?", [asOf]);
    expect(Number(after[0]!.n)).toBe(ids.length);
  });
});
