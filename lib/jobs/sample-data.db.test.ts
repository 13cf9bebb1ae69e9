import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/tests/support/test-db';
import { jobRuns } from '@/lib/db/schema';
import { generateSample } from '@/lib/sample/generate';
import { sources } from '@/lib/sources';
import { EXIT, runJob } from './run-job';
import { sampleDataJob } from './sample-data';
import { updateJob } from './update';

const SMALL = { seed: '11', weeks: '12', songs: '500' };
const TABLES = ['charts', 'artists', 'tracks', 'track_artists', 'chart_entries', 'popularity_snapshots'] as const;

async function counts(t: TestDb): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const [rows] = await t.pool.query(`SELECT COUNT(*) AS n FROM ${table}`);
    out[table] = Number((rows as { n: number }[])[0]!.n);
  }
  return out;
}

const run = (t: TestDb, job: typeof sampleDataJob | typeof updateJob, args: Record<string, string>) =>
  runJob(job, job.input.parse(args), { url: t.url, tty: false });

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb('sampledata');
});
afterAll(async () => t?.drop());

describe('sample-data job', () => {
  it('loads part of the sample with --limit, then the rest, then nothing more', async () => {
    const first = await run(t, sampleDataJob, { ...SMALL, limit: '5' });
    expect(first.code).toBe(EXIT.done);
    expect(first.stats).toMatchObject({ weeksWritten: 5, weeksLeft: 7, tracks: 500 });
    expect((await counts(t)).chart_entries).toBe(5 * 500);

    const rest = await run(t, sampleDataJob, SMALL);
    expect(rest.stats).toMatchObject({ weeksWritten: 7, weeksPresent: 5, weeksLeft: 0 });
    const full = await counts(t);
    expect(full).toEqual({ charts: 4, artists: 150, tracks: 500, track_artists: full.track_artists, chart_entries: 12 * 500, popularity_snapshots: 0 });
    expect(full.track_artists).toBeGreaterThan(500);

    const again = await run(t, sampleDataJob, SMALL);
    expect(again.stats).toMatchObject({ weeksWritten: 0, weeksPresent: 12 });
    expect(await counts(t)).toEqual(full);
  });

  it('writes the generator\'s rows: the same songs, ranks, streams and features', async () => {
    const data = generateSample({ seed: 11, weeks: 12, songs: 500 });
    const week = data.chartWeeks.find((w) => w.chart.slug === 'sample-weekly-de' && w.date === data.weeks[3])!;
    const [rows] = await t.pool.query(
      `SELECT e.rank, e.streams, t.spotify_id, t.danceability FROM chart_entries e
         JOIN charts c ON c.id = e.chart_id JOIN tracks t ON t.id = e.track_id
       WHERE c.slug = 'sample-weekly-de' AND e.chart_date = ? ORDER BY e.rank`,
      [week.date],
    );
    const got = rows as { rank: number; streams: number; spotify_id: string; danceability: number | null }[];
    expect(got.map((r) => [r.rank, Number(r.streams), r.spotify_id])).toEqual(
      week.entries.map((e) => [e.rank, e.streams, data.songs[e.song]!.spotifyId]),
    );
    expect(got.map((r) => r.danceability)).toEqual(week.entries.map((e) => data.songs[e.song]!.features?.danceability ?? null));
    const [[nulls]] = (await t.pool.query('SELECT COUNT(*) AS n FROM tracks WHERE energy IS NULL')) as unknown as [[{ n: number }]];
    expect(Number(nulls.n)).toBe(data.songs.filter((s) => s.features === null).length);
  });

  it('update after sample-data changes nothing, with the same options the sample was loaded with', async () => {
    const before = await counts(t);
    for (let i = 0; i < 2; i++) {
      const result = await run(t, updateJob, { sources: 'sample', 'as-of': '2026-11-23' });
      expect(result.code).toBe(EXIT.done);
      expect(result.stats.sources).toMatchObject({ sample: { weeksWritten: 0, weeksPresent: 12, seed: 11 } });
      expect(await counts(t)).toEqual(before);
    }
  });
});

describe('update job (sample source) on an empty database', () => {
  let u: TestDb;
  beforeAll(async () => {
    u = await createTestDb('update');
  });
  afterAll(async () => u?.drop());

  it('writes the weeks up to --as-of, limited by --limit, and only the songs on them', async () => {
    const data = generateSample();
    const asOf = data.weeks[9]!;
    const limited = await run(u, updateJob, { sources: 'sample', 'as-of': asOf, limit: '4' });
    expect(limited.stats.sources).toMatchObject({ sample: { weeksWritten: 4, weeksLeft: 6 } });
    const result = await run(u, updateJob, { sources: 'sample', 'as-of': asOf });
    expect(result.code).toBe(EXIT.done);
    expect(result.stats.sources).toMatchObject({ sample: { weeksWritten: 6, weeksPresent: 4, weeksLeft: 0 } });
    const onCharts = new Set(data.chartWeeks.filter((w) => w.date <= asOf).flatMap((w) => w.entries.map((e) => e.song)));
    const c = await counts(u);
    expect(c.tracks).toBe(onCharts.size);
    expect(c.chart_entries).toBe(10 * 500);
    const [[latest]] = (await u.pool.query("SELECT DATE_FORMAT(MAX(chart_date), '%Y-%m-%d') AS d FROM chart_entries")) as unknown as [[{ d: string }]];
    expect(latest.d).toBe(asOf);
  });
});

describe('update job with a failing source', () => {
  afterAll(() => {
    delete sources.broken;
  });

  it('runs the other sources, records the failure in stats and fails the run', async () => {
    sources.broken = {
      name: 'broken',
      description: 'always fails',
      phases: ['only'],
      run: () => Promise.reject(new Error('upstream is down')),
    };
    const result = await run(t, updateJob, { sources: 'broken,sample', 'as-of': '2026-11-23' });
    expect(result.code).toBe(EXIT.failed);
    expect(result.error).toMatch(/1 of 2 sources failed — broken: upstream is down/);
    const [row] = await t.db.select({ stats: jobRuns.stats }).from(jobRuns).where(eq(jobRuns.id, result.runId!));
    const stats = row!.stats as { sources: Record<string, unknown> };
    expect(stats.sources.broken).toEqual({ error: 'upstream is down' });
    expect(stats.sources.sample).toMatchObject({ weeksWritten: 0, weeksPresent: 12 });
  });
});
