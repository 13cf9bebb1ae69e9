import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestTotals } from '@/lib/ingest/totals';
import { importJob } from '@/lib/jobs/import';
import { EXIT, runJob } from '@/lib/jobs/run-job';
import { createTestDb, type TestDb } from '@/tests/support/test-db';

let t: TestDb;
let dir: string;
beforeAll(async () => {
  t = await createTestDb('import');
  dir = await mkdtemp(path.join(tmpdir(), 'import-test-'));
});
afterAll(async () => {
  await t?.drop();
  await rm(dir, { recursive: true, force: true });
});

const tableCounts = (db: TestDb) => ingestTotals(db.pool);

async function fixture(name: string, lines: string[], gzip = false) {
  const file = path.join(dir, name);
  await mkdir(path.dirname(file), { recursive: true });
  const text = `${lines.join('\n')}\n`;
  await writeFile(file, gzip ? gzipSync(text) : text);
  return file;
}

async function runImport(args: Record<string, unknown>) {
  const input = importJob.input.parse(args);
  const result = await runJob(importJob, input, { url: t.url, tty: false });
  return result as typeof result & { stats: { rows: number; badLines: number; badLineSamples: string[]; match: Record<string, number> } };
}

async function query<T = RowDataPacket>(sql: string, params: unknown[] = []) {
  const [rows] = await t.pool.query<RowDataPacket[]>(sql, params);
  return rows as T[];
}

describe('import job', () => {
  it('imports a charts.spotify.com export, taking chart and date from the file name, twice without change', async () => {
    const file = await fixture('regional-global-weekly-2023-06-01.csv.gz', [
      'rank,uri,artist_names,track_name,source,peak_rank,previous_rank,weeks_on_chart,streams',
      '1,spotify:track:0bYg9bo50gSsH3LtXe2SQn,Mariah Carey,All I Want for Christmas Is You,Columbia,1,1,8,75826005',
      '2,spotify:track:3rUGC1vUpkDG9CZFHMur1t,"Dua Lipa, DaBaby",Levitating (feat. DaBaby),Warner,2,3,30,"1,000"',
      '3,spotify:track:bad,X,Y,Z,1,1,1,1',
      '999,spotify:track:4uUG5RXrOk84mYEfFvj3cK,A,B,C,1,1,1,1',
    ], true);
    const first = await runImport({ format: 'spotify-charts', path: file });
    expect(first.code).toBe(EXIT.done);
    expect(first.stats.rows).toBe(2);
    expect(first.stats.badLines).toBe(2);
    expect(first.stats.badLineSamples).toEqual([
      `${file}:4: "spotify:track:bad" is not a Spotify track id, URI or URL`,
      `${file}:5: rank 999 is beyond the 200 places of spotify-weekly-global`,
    ]);
    const counts = await tableCounts(t);
    expect(await runImport({ format: 'spotify-charts', path: file })).toMatchObject({ code: EXIT.done });
    expect(await tableCounts(t)).toEqual(counts);
    const entries = await query('SELECT c.slug, c.country, e.chart_date, e.rank, e.streams FROM chart_entries e JOIN charts c ON c.id = e.chart_id ORDER BY e.rank');
    expect(entries.map((e) => [e.slug, e.country, e.chart_date, e.rank, Number(e.streams)])).toEqual([
      ['spotify-weekly-global', 'global', '2023-06-01', 1, 75826005],
      ['spotify-weekly-global', 'global', '2023-06-01', 2, 1000],
    ]);
    const artists = await query("SELECT a.name FROM track_artists ta JOIN artists a ON a.id = ta.artist_id JOIN tracks t ON t.id = ta.track_id WHERE t.spotify_id = '3rUGC1vUpkDG9CZFHMur1t' ORDER BY ta.position");
    expect(artists.map((a) => a.name)).toEqual(['Dua Lipa', 'DaBaby']);
  });

  it('reads the legacy spotifycharts.com format (note line first) with --date and --country', async () => {
    const file = await fixture('legacy.csv', [
      '"Note that these figures are generated using a formula that protects against any artificial inflation of streams.",,,,',
      'Position,"Track Name",Artist,Streams,URL',
      '1,"Levitating","Dua Lipa",1200,https://open.spotify.com/track/3rUGC1vUpkDG9CZFHMur1t',
      '2,"Song, with comma",Band,900,https://open.spotify.com/track/1111111111111111111111',
    ]);
    const run = await runImport({ format: 'spotify-charts', path: file, date: '2020-01-03', country: 'DE' });
    expect(run.stats).toMatchObject({ rows: 2, badLines: 0 });
    expect(run.stats.match.bySpotifyId).toBe(1);
    const [chart] = await query("SELECT id, country FROM charts WHERE slug = 'spotify-weekly-de'");
    expect(chart?.country).toBe('de');
    const titles = await query('SELECT t.title FROM chart_entries e JOIN tracks t ON t.id = e.track_id WHERE e.chart_id = ? ORDER BY e.rank', [chart!.id]);
    // The track keeps the title it was first imported with.
    expect(titles.map((r) => r.title)).toEqual(['Levitating (feat. DaBaby)', 'Song, with comma']);
  });

  it('reads week,region columns, and both Billboard header styles into one Hot 100', async () => {
    const charts = await fixture('weekly-regions.csv', [
      'week,region,rank,track_id,artist_names,track_name,source,peak_rank,previous_rank,weeks_on_chart,streams',
      '2023-01-05,be,1,4uUG5RXrOk84mYEfFvj3cK,"David Guetta, Bebe Rexha",I\'m Good (Blue),Parlophone,1,18,19,367598',
      '2023-01-05,us,1,4uUG5RXrOk84mYEfFvj3cK,"David Guetta, Bebe Rexha",I\'m Good (Blue),Parlophone,1,18,19,99',
    ]);
    expect((await runImport({ format: 'spotify-charts', path: charts })).stats.rows).toBe(2);
    expect((await query("SELECT slug FROM charts WHERE slug IN ('spotify-weekly-be', 'spotify-weekly-us')")).length).toBe(2);
    const bb = path.join(dir, 'billboard');
    await fixture('billboard/a.csv', ['chart_date,rank,song,artist,last_week,peak_position,weeks_on_chart', '1958-08-04,1,Poor Little Fool,Ricky Nelson,,1,1']);
    await fixture('billboard/b.csv', ['chart_week,current_week,title,performer,last_week,peak_pos,wks_on_chart', '8/11/1958,1,Poor Little Fool,Ricky Nelson,1,1,2', '8/11/1958,101,Too Far,X,,,']);
    const run = await runImport({ format: 'billboard', path: bb });
    expect(run.stats).toMatchObject({ rows: 2, badLines: 1, match: { created: 1, byKey: 1 } });
    const hot100 = await query("SELECT e.chart_date, e.rank FROM chart_entries e JOIN charts c ON c.id = e.chart_id WHERE c.slug = 'billboard-hot-100' ORDER BY e.chart_date");
    expect(hot100.map((e) => [e.chart_date, e.rank])).toEqual([['1958-08-04', 1], ['1958-08-11', 1]]);
    expect(await query("SELECT * FROM popularity_snapshots WHERE source = 'billboard-hot-100'")).toEqual([]);
  });

  it('imports Top-50 snapshots as chart rows and top50:<market> popularity', async () => {
    const file = await fixture('top50.csv', [
      'date,market,position,song,artist,popularity,duration_ms,album_type,total_tracks,release_date,is_explicit,album_cover_url',
      '2023-05-18,usa,1,La Bebe - Remix,Yng Lvcas & Peso Pluma,99,234352,single,2,2023-03-17,True,http://x',
      '2023-05-18,world,50,La Bebe - Remix,Yng Lvcas & Peso Pluma,97,234352,single,2,2023,False,http://x',
      '2023-05-18,atlantis,2,Song,Artist,50,1,single,1,2023-01-01,False,http://x',
    ]);
    const run = await runImport({ format: 'top50', path: file });
    expect(run.stats).toMatchObject({ rows: 2, badLines: 1, match: { created: 1 } });
    const snaps = await query("SELECT source, popularity FROM popularity_snapshots WHERE source LIKE 'top50:%' OR source LIKE 'spotify-top50-%' ORDER BY source");
    expect(snaps.map((s) => [s.source, s.popularity])).toEqual([
      ['top50:global', 97],
      ['top50:us', 99],
    ]);
    const entries = await query("SELECT c.slug, e.rank FROM chart_entries e JOIN charts c ON c.id = e.chart_id WHERE c.slug LIKE 'spotify-top50-%' ORDER BY c.slug");
    expect(entries.map((e) => [e.slug, e.rank])).toEqual([
      ['spotify-top50-daily-global', 50],
      ['spotify-top50-daily-us', 1],
    ]);
    const [track] = await query("SELECT artist_names, explicit, release_date FROM tracks WHERE title = 'La Bebe - Remix'");
    expect(track).toMatchObject({ artist_names: 'Yng Lvcas & Peso Pluma', explicit: 1, release_date: '2023-03-17' });
  });

  it('fills features from a catalog, stores popularity for --date, and links playlists', async () => {
    const file = await fixture('catalog.csv', [
      'track_id,track_name,track_artist,track_popularity,track_album_id,track_album_name,track_album_release_date,playlist_name,playlist_id,playlist_genre,playlist_subgenre,danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,duration_ms',
      '3rUGC1vUpkDG9CZFHMur1t,Levitating,Dua Lipa,88,x,Future Nostalgia,2020-03-27,Pop Hits,pl1,pop,dance pop,0.70,0.82,6,-3.8,0,0.06,0.01,0,0.1,0.9,103.0,203064',
      '2222222222222222222222,New Song,Someone,40,x,Album,2019,Pop Hits,pl1,pop,dance pop,0.5,0.5,-1,-5,1,0.1,0.1,0,0.1,0.5,120,180000',
    ]);
    const run = await runImport({ format: 'catalog', path: file, date: '2020-01-21' });
    expect(run.stats).toMatchObject({ rows: 2, badLines: 0, match: { bySpotifyId: 1, created: 1 } });
    const [lev] = await query("SELECT danceability, musical_key, album, genre, release_date FROM tracks WHERE spotify_id = '3rUGC1vUpkDG9CZFHMur1t'");
    expect(lev).toMatchObject({ danceability: 0.7, musical_key: 6, album: 'Future Nostalgia', genre: 'pop', release_date: '2020-03-27' });
    const [fresh] = await query("SELECT musical_key, release_date FROM tracks WHERE spotify_id = '2222222222222222222222'");
    expect(fresh).toMatchObject({ musical_key: null, release_date: null });
    expect((await query("SELECT * FROM popularity_snapshots WHERE source = 'spotify' AND observed_on = '2020-01-21'")).length).toBe(2);
    expect((await query("SELECT * FROM playlist_tracks pt JOIN playlists p ON p.id = pt.playlist_id WHERE p.external_id = 'pl1'")).length).toBe(2);
  });

  it('stores a catalog\'s mood labels as one mood playlist per mood', async () => {
    const file = await fixture('moods.csv', [
      'name,album,artist,id,release_date,popularity,length,danceability,acousticness,energy,instrumentalness,liveness,valence,loudness,speechiness,tempo,key,time_signature,mood',
      'Calm One,A,Someone,5555555555555555555555,2019-01-01,40,200000,0.3,0.9,0.2,0.8,0.1,0.2,-20,0.04,70,1,4,Calm',
      'Loud One,B,Someone,3333333333333333333333,2019-01-01,50,200000,0.7,0.1,0.9,0,0.1,0.6,-4,0.05,150,1,4,Energetic',
      'Odd One,B,Someone,4444444444444444444444,2019-01-01,50,200000,0.7,0.1,0.9,0,0.1,0.6,-4,0.05,150,1,4,123',
    ]);
    const run = await runImport({ format: 'catalog', path: file });
    expect(run.stats).toMatchObject({ rows: 2, badLines: 1 });
    expect(run.stats.badLineSamples).toEqual([`${file}:4: mood "123" is not a word`]);
    const rows = await query("SELECT p.source, p.external_id, p.name, p.theme, t.title FROM playlist_tracks pt JOIN playlists p ON p.id = pt.playlist_id JOIN tracks t ON t.id = pt.track_id WHERE p.source = 'mood' ORDER BY t.title");
    expect(rows).toEqual([
      { source: 'mood', external_id: 'calm', name: 'Calm', theme: 'calm', title: 'Calm One' },
      { source: 'mood', external_id: 'energetic', name: 'Energetic', theme: 'energetic', title: 'Loud One' },
    ]);
  });

  it('imports playlist membership histories, keeping the first add and an open stint', async () => {
    const file = await fixture('members.csv', [
      'playlist_id,playlist_name,track_id,track_name,artists,artist_ids,album,album_id,length,date_added,date_removed',
      'pw1,Beast Mode,3jVtllWS5CFFWLQng8sKsr,2 On (feat. ScHoolboy Q),Tinashe; ScHoolboy Q,0NIIxcxNHmOoyBx03SfTCD; 5IcR3N7QB1j6KBL8eImZ8m,Aquarius,a,3:47,2020-10-20,2020-11-03',
      'pw1,Beast Mode,3jVtllWS5CFFWLQng8sKsr,2 On (feat. ScHoolboy Q),Tinashe; ScHoolboy Q,0NIIxcxNHmOoyBx03SfTCD; 5IcR3N7QB1j6KBL8eImZ8m,Aquarius,a,3:47,2021-01-02,',
      'pw1,Beast Mode,3jVtllWS5CFFWLQng8sKsr,x,y,,,,3:47,2021-01-02,2020-01-01',
    ]);
    const run = await runImport({ format: 'playlists', path: file });
    expect(run.stats).toMatchObject({ rows: 2, badLines: 1 });
    const [member] = await query("SELECT pt.added_on, pt.removed_on, t.duration_ms FROM playlist_tracks pt JOIN playlists p ON p.id = pt.playlist_id JOIN tracks t ON t.id = pt.track_id WHERE p.external_id = 'pw1'");
    expect(member).toEqual({ added_on: '2020-10-20', removed_on: null, duration_ms: 227000 });
    const [artist] = await query("SELECT spotify_id FROM artists WHERE name = 'ScHoolboy Q'");
    expect(artist?.spotify_id).toBe('5IcR3N7QB1j6KBL8eImZ8m');
  });

  it('--strict rejects a file with a bad line and writes nothing', async () => {
    const file = await fixture('strict/regional-fr-daily-2023-02-01.csv', [
      'rank,uri,artist_names,track_name,source,peak_rank,previous_rank,days_on_chart,streams',
      '1,spotify:track:5555555555555555555555,Strict Artist,Strict Song,L,1,1,1,10',
      'x,spotify:track:6666666666666666666666,Strict Artist,Other,L,1,1,1,10',
    ]);
    const before = await tableCounts(t);
    const run = await runImport({ format: 'spotify-charts', path: file, strict: true });
    expect(run.code).toBe(EXIT.failed);
    expect(run.error).toBe(`${file}:3: rank "x" is not a number (--strict: nothing was imported)`);
    expect(await tableCounts(t)).toEqual(before);
    const lenient = await runImport({ format: 'spotify-charts', path: file });
    expect(lenient.stats).toMatchObject({ rows: 1, badLines: 1 });
    expect((await query("SELECT frequency FROM charts WHERE slug = 'spotify-daily-fr'"))[0]?.frequency).toBe('daily');
  });

  it('refuses a file of another format given explicitly', async () => {
    const file = await fixture('not-billboard.csv', ['a,b', '1,2']);
    const run = await runImport({ format: 'billboard', path: file });
    expect(run.code).toBe(EXIT.failed);
    expect(run.error).toMatch(/not a billboard file \(no chart date column/);
  });
});
