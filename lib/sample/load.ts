/**
 * Writes (part of) the generated sample through the shared ingest path:
 * charts, artists with their facts, tracks (TrackResolver), then chart weeks
 * (writeChartRows). Chart weeks already in
 * the database in full are skipped, so every load is idempotent and a killed
 * load resumes where it stopped.
 */
import type { RowDataPacket } from 'mysql2/promise';
import { writeChartRows, upsertChart } from '@/lib/ingest/chart-writer';
import { TrackResolver } from '@/lib/ingest/track-resolver';
import type { TrackInput } from '@/lib/ingest/types';
import type { JobContext } from '@/lib/jobs/types';
import { artistKey } from '@/lib/tracks/match-key';
import type { SampleData } from './generate';
import type { SampleChartWeek, SampleSong } from './types';

/** Every sample chart belongs to this source. */
export const SAMPLE_SOURCE = 'sample';

export interface LoadOptions {
  /** Write only chart weeks on or before this date. */
  upTo?: string;
  /** Write at most this many chart weeks (all four charts of a date count as one). */
  limit?: number;
  /** Create every song of the sample, not only those on the weeks written. */
  allSongs: boolean;
  /** Skip upserting artists' facts (genres, followers, popularity). */
  skipArtists?: boolean;
}

export interface LoadStats {
  weeksWritten: number;
  weeksPresent: number;
  /** Weeks on or before `upTo` left for a later run by `limit`. */
  weeksLeft: number;
  tracks: number;
  artists: number;
  entries: number;
}

type LoadContext = Pick<JobContext, 'db' | 'pool' | 'log' | 'progress' | 'saveCheckpoint'>;

function trackInput(data: SampleData, song: SampleSong): TrackInput {
  return {
    spotifyId: song.spotifyId,
    isrc: song.isrc,
    title: song.title,
    artists: song.artists.map((i) => ({ name: data.artists[i]!.name, spotifyId: data.artists[i]!.spotifyId })),
    album: song.album,
    releaseDate: song.releaseDate,
    durationMs: song.durationMs,
    explicit: song.explicit,
    genre: song.genre,
    features: song.features,
  };
}

/** The artists of `songs` with their facts, keyed on the Spotify id so re-runs only refresh them. */
async function upsertArtists(ctx: LoadContext, data: SampleData, songs: number[]): Promise<number> {
  const artists = [...new Set(songs.flatMap((i) => data.songs[i]!.artists))].map((i) => data.artists[i]!);
  const rows = artists.map((a) => [a.spotifyId, artistKey(a.name), a.name, JSON.stringify([a.genre]), a.followers, a.popularity]);
  await ctx.pool.query(
    'INSERT INTO artists (spotify_id, name_key, name, genres, followers, popularity) VALUES ? ON DUPLICATE KEY UPDATE genres = VALUES(genres), followers = VALUES(followers), popularity = VALUES(popularity)',
    [rows],
  );
  return artists.length;
}

/** Dates on which a chart already holds all its places. */
async function completeWeeks(ctx: LoadContext, chartIds: number[], sizes: number[]): Promise<Set<string>> {
  const [rows] = await ctx.pool.query<RowDataPacket[]>(
    "SELECT chart_id, DATE_FORMAT(chart_date, '%Y-%m-%d') AS d, COUNT(*) AS n FROM chart_entries WHERE chart_id IN (?) GROUP BY chart_id, chart_date",
    [chartIds],
  );
  const full = new Map<string, number>();
  for (const r of rows) {
    if (Number(r.n) === sizes[chartIds.indexOf(Number(r.chart_id))]) full.set(r.d as string, (full.get(r.d as string) ?? 0) + 1);
  }
  return new Set([...full].filter(([, n]) => n === chartIds.length).map(([d]) => d));
}

/** Loads the sample's chart weeks that are not in the database yet; see the file header. */
export async function loadSample(ctx: LoadContext, data: SampleData, opts: LoadOptions): Promise<LoadStats> {
  const charts = [...new Map(data.chartWeeks.map((w) => [w.chart.slug, w.chart])).values()];
  const chartIds: number[] = [];
  for (const c of charts) {
    chartIds.push(await upsertChart(ctx.db, { ...c, source: SAMPLE_SOURCE, frequency: 'weekly' }));
  }
  const present = await completeWeeks(ctx, chartIds, charts.map((c) => c.size));
  const due = data.weeks.filter((d) => opts.upTo === undefined || d <= opts.upTo);
  const missing = due.filter((d) => !present.has(d));
  const todo = missing.slice(0, opts.limit ?? missing.length);
  const todoSet = new Set(todo);
  const byDate = new Map<string, SampleChartWeek[]>();
  for (const w of data.chartWeeks) if (todoSet.has(w.date)) byDate.set(w.date, [...(byDate.get(w.date) ?? []), w]);

  const songIdx = opts.allSongs
    ? data.songs.map((_, i) => i)
    : [...new Set([...byDate.values()].flat().flatMap((w) => w.entries.map((e) => e.song)))].sort((a, b) => a - b);
  let artists = 0;
  if (!opts.skipArtists && songIdx.length > 0) {
    ctx.progress(0, 1, 'artists');
    artists = await upsertArtists(ctx, data, songIdx);
  }
  ctx.progress(0, songIdx.length, 'tracks');
  const trackIds = new Map<number, number>();
  if (songIdx.length > 0) {
    const ids = await new TrackResolver(ctx.pool).resolve(songIdx.map((i) => trackInput(data, data.songs[i]!)));
    songIdx.forEach((song, k) => trackIds.set(song, ids[k]!));
  }
  ctx.progress(songIdx.length, songIdx.length, 'tracks');

  let entries = 0;
  for (const [k, date] of todo.entries()) {
    ctx.progress(k, todo.length, 'chart weeks');
    for (const week of byDate.get(date) ?? []) {
      const id = chartIds[charts.findIndex((c) => c.slug === week.chart.slug)]!;
      const rows = week.entries.map((e) => ({ date, rank: e.rank, trackId: trackIds.get(e.song)!, streams: e.streams }));
      await writeChartRows(ctx.pool, { id, size: week.chart.size }, rows);
      entries += rows.length;
    }
    await ctx.saveCheckpoint({ lastWeek: date });
  }
  ctx.progress(todo.length, todo.length, 'chart weeks');
  return {
    weeksWritten: todo.length,
    weeksPresent: due.length - missing.length,
    weeksLeft: missing.length - todo.length,
    tracks: songIdx.length,
    artists,
    entries,
  };
}
