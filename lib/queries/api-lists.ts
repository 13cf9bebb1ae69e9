import { and, asc, count, desc, eq, gt, gte, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { chartEntries, forecasts, tracks } from '@/lib/db/schema';
import type { SongMatch } from './songs';
import { containsPattern } from './values';

/**
 * Songs in id order, optionally those whose title or artists contain `q`, after the id `afterId`:
 * keyset pagination on the primary key, so any page is one index range read.
 */
export async function listSongsAfter(db: Db, { q, afterId, limit }: { q?: string; afterId: number; limit: number }): Promise<SongMatch[]> {
  const pattern = q ? containsPattern(q) : null;
  return db
    .select({ id: tracks.id, title: tracks.title, artistNames: tracks.artistNames, releaseDate: tracks.releaseDate })
    .from(tracks)
    .where(and(gt(tracks.id, afterId), pattern ? or(like(tracks.title, pattern), like(tracks.artistNames, pattern)) : undefined))
    .orderBy(asc(tracks.id))
    .limit(limit);
}

export interface ChartWeekRow {
  date: string;
  /** Songs the chart lists that week. */
  entries: number;
}

/** A chart's weeks (dates with entries), newest first, before the date `before` when given. */
export async function listChartWeeks(db: Db, chartId: number, { before, limit }: { before?: string; limit: number }): Promise<ChartWeekRow[]> {
  return db
    .select({ date: chartEntries.chartDate, entries: count() })
    .from(chartEntries)
    .where(and(eq(chartEntries.chartId, chartId), before ? lt(chartEntries.chartDate, before) : undefined))
    .groupBy(chartEntries.chartDate)
    .orderBy(desc(chartEntries.chartDate))
    .limit(limit);
}

export const FORECAST_SORTS = ['chance', 'score', 'rank'] as const;
export type ForecastSort = (typeof FORECAST_SORTS)[number];

export interface CurrentForecastsQuery {
  chartId: number;
  asOf: string;
  modelId: number;
  horizonWeeks: 26 | 52;
  /** Only songs with at least this chance (0–1) of still charting at the horizon. */
  minChance?: number;
  sort: ForecastSort;
  dir: 'asc' | 'desc';
  /** Keyset position: the last row of the previous page (its sort value and track id). */
  after?: { value: number; trackId: number };
  limit: number;
}

export interface CurrentForecastRow {
  trackId: number;
  title: string;
  artistNames: string;
  rank: number;
  targetDate: string;
  pCharting: number;
  p10: number;
  p50: number;
  p90: number;
}

/**
 * One model's forecasts for the songs on a chart in one week and one horizon, filtered and sorted,
 * one keyset page at a time (served by forecasts_chart_asof_idx and the chart_entries primary key).
 */
export async function listCurrentForecasts(db: Db, q: CurrentForecastsQuery): Promise<CurrentForecastRow[]> {
  const column: Record<ForecastSort, SQL> = {
    chance: sql`${forecasts.pCharting}`,
    score: sql`${forecasts.p50}`,
    rank: sql`${chartEntries.rank}`,
  };
  const value = column[q.sort];
  const [past, tie] = q.dir === 'asc' ? [gt, gt] : [lt, gt];
  const keyset = q.after
    ? or(past(value, q.after.value), and(eq(value, q.after.value), tie(forecasts.trackId, q.after.trackId)))
    : undefined;
  return db
    .select({
      trackId: forecasts.trackId,
      title: tracks.title,
      artistNames: tracks.artistNames,
      rank: chartEntries.rank,
      targetDate: forecasts.targetDate,
      pCharting: forecasts.pCharting,
      p10: forecasts.p10,
      p50: forecasts.p50,
      p90: forecasts.p90,
    })
    .from(forecasts)
    .innerJoin(tracks, eq(tracks.id, forecasts.trackId))
    .innerJoin(
      chartEntries,
      and(eq(chartEntries.chartId, forecasts.chartId), eq(chartEntries.chartDate, forecasts.asOf), eq(chartEntries.trackId, forecasts.trackId)),
    )
    .where(
      and(
        eq(forecasts.chartId, q.chartId),
        eq(forecasts.asOf, q.asOf),
        eq(forecasts.horizonWeeks, q.horizonWeeks),
        eq(forecasts.modelId, q.modelId),
        q.minChance === undefined ? undefined : gte(forecasts.pCharting, q.minChance),
        keyset,
      ),
    )
    .orderBy(q.dir === 'asc' ? asc(value) : desc(value), asc(forecasts.trackId))
    .limit(q.limit);
}
