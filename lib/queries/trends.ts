import { and, asc, between, eq, inArray, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/mysql-core';
import type { Db } from '@/lib/db/client';
import { chartEntries, charts, tracks } from '@/lib/db/schema';
import type { RunStats, WindowEntry } from '@/lib/trends/analyze';
import type { MoodWeight } from '@/lib/trends/mood-params';
import { toIsoDate } from './values';

const latestWeek = alias(chartEntries, 'latest_week');

/**
 * Every entry of a chart between two dates (inclusive) with its song's title and artists:
 * one range scan of the primary key (chart_id, chart_date, rank).
 */
export async function listWindowEntries(db: Db, chartId: number, from: string, to: string): Promise<WindowEntry[]> {
  const rows = await db
    .select({
      date: chartEntries.chartDate,
      rank: chartEntries.rank,
      trackId: chartEntries.trackId,
      title: tracks.title,
      artistNames: tracks.artistNames,
    })
    .from(chartEntries)
    .innerJoin(tracks, eq(tracks.id, chartEntries.trackId))
    .where(and(eq(chartEntries.chartId, chartId), between(chartEntries.chartDate, from, to)))
    .orderBy(asc(chartEntries.chartDate), asc(chartEntries.rank));
  return rows.map((r) => ({ ...r, date: toIsoDate(r.date) ?? r.date }));
}

/**
 * Weeks on the chart and first chart date, up to `upTo`, of every song on the chart on `upTo`:
 * one grouped query over the (track_id, chart_id, chart_date) index.
 */
export async function listRunStats(db: Db, chartId: number, upTo: string): Promise<Map<number, RunStats>> {
  const rows = await db
    .select({
      trackId: chartEntries.trackId,
      weeks: sql<number>`COUNT(*)`,
      first: sql<string | Date>`MIN(${chartEntries.chartDate})`,
    })
    .from(chartEntries)
    .where(
      and(
        eq(chartEntries.chartId, chartId),
        lte(chartEntries.chartDate, upTo),
        inArray(
          chartEntries.trackId,
          db
            .select({ trackId: latestWeek.trackId })
            .from(latestWeek)
            .where(and(eq(latestWeek.chartId, chartId), eq(latestWeek.chartDate, upTo))),
        ),
      ),
    )
    .groupBy(chartEntries.trackId);
  return new Map(rows.map((r) => [r.trackId, { weeksOnChart: Number(r.weeks), firstDate: toIsoDate(r.first) ?? '' }]));
}

export interface MoodWeek {
  chartId: number;
  date: string;
  /** Weighted mean valence and energy (0–1) of the songs with audio features; null when none have them. */
  valence: number | null;
  energy: number | null;
  songs: number;
  /** Songs on the chart that week without valence or energy (left out of the means). */
  withoutFeatures: number;
  /** Songs without a stream count (left out of stream-weighted means). */
  withoutStreams: number;
}

/**
 * Weighted valence and energy of each chart per date in [from, to]: one grouped range scan of the
 * primary key per chart. Weight is the week's streams, or the chart score (size + 1 − rank).
 */
export async function listMoodWeeks(db: Db, chartIds: number[], from: string, to: string, weight: MoodWeight): Promise<MoodWeek[]> {
  if (chartIds.length === 0) return [];
  const w = weight === 'streams' ? sql`${chartEntries.streams}` : sql`(${charts.size} + 1 - ${chartEntries.rank})`;
  // The weight of a row that has both features, else NULL (which SUM skips).
  const wf = sql`CASE WHEN ${tracks.valence} IS NOT NULL AND ${tracks.energy} IS NOT NULL THEN ${w} END`;
  const rows = await db
    .select({
      chartId: chartEntries.chartId,
      date: chartEntries.chartDate,
      valence: sql<number | null>`SUM(${wf} * ${tracks.valence}) / SUM(${wf})`,
      energy: sql<number | null>`SUM(${wf} * ${tracks.energy}) / SUM(${wf})`,
      songs: sql<number>`COUNT(*)`,
      withoutFeatures: sql<number>`SUM(${tracks.valence} IS NULL OR ${tracks.energy} IS NULL)`,
      withoutStreams: sql<number>`SUM(${chartEntries.streams} IS NULL)`,
    })
    .from(chartEntries)
    .innerJoin(charts, eq(charts.id, chartEntries.chartId))
    .innerJoin(tracks, eq(tracks.id, chartEntries.trackId))
    .where(and(inArray(chartEntries.chartId, chartIds), between(chartEntries.chartDate, from, to)))
    .groupBy(chartEntries.chartId, chartEntries.chartDate)
    .orderBy(asc(chartEntries.chartDate), asc(chartEntries.chartId));
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({
    chartId: r.chartId,
    date: toIsoDate(r.date) ?? r.date,
    valence: num(r.valence),
    energy: num(r.energy),
    songs: Number(r.songs),
    withoutFeatures: Number(r.withoutFeatures),
    withoutStreams: Number(r.withoutStreams),
  }));
}
