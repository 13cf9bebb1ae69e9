import { and, asc, count, desc, eq, gte, inArray, like, max, min, or, sql } from 'drizzle-orm';
import { alias, unionAll } from 'drizzle-orm/mysql-core';
import type { Db } from '@/lib/db/client';
import { preparedPerDb } from '@/lib/db/prepared';
import { chartEntries, charts, tracks } from '@/lib/db/schema';
import type { AudioFeatures as IngestAudioFeatures } from '@/lib/ingest/types';
import { latestChartDateSql } from './charts';
import { containsPattern, prefixPattern, toIsoDate } from './values';

/** The audio features the song page shows (0–1 unless noted: tempo in BPM, loudness in dB); each may be missing. */
export type AudioFeatures = Pick<
  IngestAudioFeatures,
  'danceability' | 'energy' | 'speechiness' | 'acousticness' | 'instrumentalness' | 'liveness' | 'valence' | 'tempo' | 'loudness'
>;

export interface Song {
  id: number;
  title: string;
  artistNames: string;
  album: string | null;
  releaseDate: string | null;
  durationMs: number | null;
  explicit: boolean | null;
  spotifyId: string | null;
  deezerId: number | null;
  genre: string | null;
  /** Pitch class 0–11 (C = 0) and mode (1 major, 0 minor), where a catalog gave them. */
  key: number | null;
  mode: number | null;
  audio: AudioFeatures;
}

const songById = preparedPerDb((db) =>
  db
    .select({
      id: tracks.id,
      title: tracks.title,
      artistNames: tracks.artistNames,
      album: tracks.album,
      releaseDate: tracks.releaseDate,
      durationMs: tracks.durationMs,
      explicit: tracks.explicit,
      spotifyId: tracks.spotifyId,
      deezerId: tracks.deezerId,
      genre: tracks.genre,
      key: tracks.key,
      mode: tracks.mode,
      audio: {
        danceability: tracks.danceability,
        energy: tracks.energy,
        speechiness: tracks.speechiness,
        acousticness: tracks.acousticness,
        instrumentalness: tracks.instrumentalness,
        liveness: tracks.liveness,
        valence: tracks.valence,
        tempo: tracks.tempo,
        loudness: tracks.loudness,
      },
    })
    .from(tracks)
    .where(eq(tracks.id, sql.placeholder('id')))
    .prepare(),
);

/** One song by internal id, or null. */
export async function getSong(db: Db, id: number): Promise<Song | null> {
  const [row] = await songById(db).execute({ id });
  return row ?? null;
}

export interface SongChartRun {
  chartId: number;
  slug: string;
  name: string;
  country: string;
  size: number;
  weeks: number;
  peakRank: number;
  firstDate: string;
  lastDate: string;
  /** The chart's latest date, and the song's rank on it (null when it is not on it now). */
  chartLatestDate: string;
  currentRank: number | null;
}

const songChartRuns = preparedPerDb((db) => {
  const current = alias(chartEntries, 'current');
  const latestOfChart = latestChartDateSql(charts.id);
  const trackId = sql.placeholder('trackId');
  return db
    .select({
      chartId: charts.id,
      slug: charts.slug,
      name: charts.name,
      country: charts.country,
      size: charts.size,
      weeks: count(),
      peakRank: min(chartEntries.rank),
      firstDate: min(chartEntries.chartDate),
      lastDate: max(chartEntries.chartDate),
      chartLatestDate: latestOfChart,
      currentRank: min(current.rank),
    })
    .from(chartEntries)
    .innerJoin(charts, eq(charts.id, chartEntries.chartId))
    .leftJoin(current, and(eq(current.chartId, charts.id), eq(current.trackId, trackId), eq(current.chartDate, latestOfChart)))
    .where(eq(chartEntries.trackId, trackId))
    .groupBy(charts.id, charts.slug, charts.name, charts.country, charts.size)
    .prepare();
});

/** Every chart the song has been on, with its run there; charts it is on now first, global ones before countries. */
export async function listSongChartRuns(db: Db, trackId: number): Promise<SongChartRun[]> {
  const rows = await songChartRuns(db).execute({ trackId });
  return rows
    .map((r) => ({
      ...r,
      peakRank: r.peakRank ?? 0,
      firstDate: toIsoDate(r.firstDate) ?? '',
      lastDate: toIsoDate(r.lastDate) ?? '',
      chartLatestDate: toIsoDate(r.chartLatestDate) ?? '',
    }))
    .sort(
      (a, b) =>
        Number(a.currentRank === null) - Number(b.currentRank === null) ||
        Number(a.country !== 'global') - Number(b.country !== 'global') ||
        a.chartId - b.chartId,
    );
}

/**
 * One statement, two reads: the chart's dates since the song's first week there (grouped on the primary
 * key's prefix: a loose index scan, one entry per week; rank NULL), then the song's own weeks on it (through
 * the track index). UNION ALL keeps both plans and saves the page a round trip.
 */
const songChartHistory = preparedPerDb((db) =>
  unionAll(
    db
      .select({ date: chartEntries.chartDate, rank: sql<number | null>`NULL` })
      .from(chartEntries)
      .where(and(eq(chartEntries.chartId, sql.placeholder('chartId')), gte(chartEntries.chartDate, sql.placeholder('since'))))
      .groupBy(chartEntries.chartId, chartEntries.chartDate),
    db
      .select({ date: chartEntries.chartDate, rank: chartEntries.rank })
      .from(chartEntries)
      .where(and(eq(chartEntries.trackId, sql.placeholder('trackId')), eq(chartEntries.chartId, sql.placeholder('chartId')))),
  ).prepare(),
);

/** The song's weekly ranks on one chart and that chart's dates since the song's first week there, oldest first. */
export async function listSongChartHistory(
  db: Db,
  trackId: number,
  chartId: number,
  since: string,
): Promise<{ dates: string[]; ranks: Map<string, number> }> {
  const dates: string[] = [];
  const ranks = new Map<string, number>();
  for (const { date, rank } of await songChartHistory(db).execute({ chartId, since, trackId })) {
    if (rank === null) dates.push(date);
    else ranks.set(date, rank);
  }
  return { dates: dates.sort(), ranks };
}

/** The weekly ranks of many songs on one chart between two dates: one query for a page of sparklines. */
export async function listChartRanks(
  db: Db,
  chartId: number,
  trackIds: number[],
  from: string,
  to: string,
): Promise<{ trackId: number; date: string; rank: number }[]> {
  if (trackIds.length === 0) return [];
  return db
    .select({ trackId: chartEntries.trackId, date: chartEntries.chartDate, rank: chartEntries.rank })
    .from(chartEntries)
    .where(
      and(
        inArray(chartEntries.trackId, trackIds),
        eq(chartEntries.chartId, chartId),
        gte(chartEntries.chartDate, from),
        sql`${chartEntries.chartDate} <= ${to}`,
      ),
    );
}

export interface SongMatch {
  id: number;
  title: string;
  artistNames: string;
  releaseDate: string | null;
}

/** Songs whose title or artists contain `text`; exact and prefix title matches first. */
export async function searchSongs(db: Db, text: string, limit = 20): Promise<SongMatch[]> {
  const pattern = containsPattern(text);
  return db
    .select({ id: tracks.id, title: tracks.title, artistNames: tracks.artistNames, releaseDate: tracks.releaseDate })
    .from(tracks)
    .where(or(like(tracks.title, pattern), like(tracks.artistNames, pattern)))
    .orderBy(
      desc(sql`${tracks.title} = ${text}`),
      desc(sql`${tracks.title} LIKE ${prefixPattern(text)}`),
      asc(tracks.title),
      asc(tracks.id),
    )
    .limit(limit);
}
