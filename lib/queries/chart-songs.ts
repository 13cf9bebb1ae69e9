import { and, asc, count, desc, eq, gte, isNull, like, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias, type MySqlSelect } from 'drizzle-orm/mysql-core';
import type { Db } from '@/lib/db/client';
import { chartEntries, forecasts, tracks } from '@/lib/db/schema';
import type { ExplorerFilter, SortKey } from '@/lib/explorer/params';
import { containsPattern } from './values';

/** 6-month chance at or above which a song counts as "likely to last", and below which "likely to fade". */
export const LIKELY_TO_LAST = 0.6;
export const LIKELY_TO_FADE = 0.3;

export interface ChartSongsQuery {
  chartId: number;
  week: string;
  /** The chart's previous date, for movement; null in its first week. */
  previousWeek: string | null;
  /** The model whose forecasts to show (see getForecastRun); null shows none. */
  modelId: number | null;
  search?: string;
  filter: ExplorerFilter;
  sort: SortKey;
  dir: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export interface HorizonForecast {
  pCharting: number;
  p10: number;
  p50: number;
  p90: number;
}

export interface ChartSongRow {
  trackId: number;
  rank: number;
  previousRank: number | null;
  title: string;
  artistNames: string;
  weeksOnChart: number;
  peakRank: number;
  in26: HorizonForecast | null;
  in52: HorizonForecast | null;
}

const thisWeek = alias(chartEntries, 'this_week');
const history = alias(chartEntries, 'history');
const f26 = alias(forecasts, 'f26');
const f52 = alias(forecasts, 'f52');

function whereFor(q: ChartSongsQuery, weeks: SQL.Aliased<number>, previousRank: SQL.Aliased<number | null>): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(chartEntries.chartId, q.chartId), eq(chartEntries.chartDate, q.week)];
  if (q.search) {
    const pattern = containsPattern(q.search);
    conditions.push(or(like(tracks.title, pattern), like(tracks.artistNames, pattern)));
  }
  if (q.filter === 'last') conditions.push(gte(f26.pCharting, LIKELY_TO_LAST));
  if (q.filter === 'fade') conditions.push(lt(f26.pCharting, LIKELY_TO_FADE));
  if (q.filter === 'new') conditions.push(and(isNull(previousRank), sql`${weeks.sql} = 1`));
  return and(...conditions);
}

/**
 * The songs on a chart in one week with movement, run stats and both horizons' forecasts:
 * one query for the page of rows and one for the filtered total.
 */
export async function listChartSongs(db: Db, q: ChartSongsQuery): Promise<{ rows: ChartSongRow[]; total: number }> {
  // Weeks on chart, peak and last week's rank, for the songs on the chart this week only: driven by this
  // week's entries (primary key), each song's history read once through chart_entries_track_chart_date_idx.
  // (A join for last week's rank made MariaDB read the whole previous week for every row.)
  const run = db
    .select({
      trackId: thisWeek.trackId,
      weeks: sql<number>`COUNT(*)`.as('weeks'),
      peak: sql<number>`MIN(${history.rank})`.as('peak'),
      previousRank: sql<number | null>`MIN(CASE WHEN ${history.chartDate} = ${q.previousWeek} THEN ${history.rank} END)`.as('previous_rank'),
    })
    .from(thisWeek)
    .innerJoin(
      history,
      and(eq(history.trackId, thisWeek.trackId), eq(history.chartId, thisWeek.chartId), lte(history.chartDate, thisWeek.chartDate)),
    )
    .where(and(eq(thisWeek.chartId, q.chartId), eq(thisWeek.chartDate, q.week)))
    .groupBy(thisWeek.trackId)
    .as('run');
  const weeks = sql<number>`COALESCE(${run.weeks}, 1)`.as('weeks_on_chart');
  const modelId = q.modelId ?? -1;
  const horizon = (f: typeof f26 | typeof f52, weeksAhead: number) =>
    and(
      eq(f.trackId, chartEntries.trackId),
      eq(f.chartId, q.chartId),
      eq(f.asOf, q.week),
      eq(f.horizonWeeks, weeksAhead),
      eq(f.modelId, modelId),
    );
  const joinAll = <T extends MySqlSelect>(qb: T) =>
    qb
      .innerJoin(tracks, eq(tracks.id, chartEntries.trackId))
      .leftJoin(run, eq(run.trackId, chartEntries.trackId))
      .leftJoin(f26, horizon(f26, 26))
      .leftJoin(f52, horizon(f52, 52));

  const sortColumn: Record<SortKey, SQL> = {
    rank: sql`${chartEntries.rank}`,
    move: sql`${run.previousRank} - ${chartEntries.rank}`,
    title: sql`${tracks.title}`,
    weeks: sql`${run.weeks}`,
    chance26: sql`${f26.pCharting}`,
    chance52: sql`${f52.pCharting}`,
    score26: sql`${f26.p50}`,
    score52: sql`${f52.p50}`,
  };
  const column = sortColumn[q.sort];
  const where = whereFor(q, weeks, run.previousRank);

  const [rows, [totals]] = await Promise.all([
    joinAll(db
      .select({
        trackId: chartEntries.trackId,
        rank: chartEntries.rank,
        previousRank: run.previousRank,
        title: tracks.title,
        artistNames: tracks.artistNames,
        weeksOnChart: weeks,
        peakRank: sql<number>`COALESCE(${run.peak}, ${chartEntries.rank})`,
        c26: f26.pCharting,
        lo26: f26.p10,
        mid26: f26.p50,
        hi26: f26.p90,
        c52: f52.pCharting,
        lo52: f52.p10,
        mid52: f52.p50,
        hi52: f52.p90,
      })
      .from(chartEntries)
      .$dynamic())
      .where(where)
      // Missing values (no forecast, no previous rank) sort last in either direction; rank breaks ties.
      .orderBy(sql`(${column}) IS NULL`, q.dir === 'asc' ? asc(column) : desc(column), asc(chartEntries.rank))
      .limit(q.limit)
      .offset(q.offset),
    joinAll(db.select({ n: count() }).from(chartEntries).$dynamic()).where(where),
  ]);

  return {
    total: totals?.n ?? 0,
    rows: rows.map((r) => ({
      trackId: r.trackId,
      rank: r.rank,
      previousRank: r.previousRank,
      title: r.title,
      artistNames: r.artistNames,
      weeksOnChart: Number(r.weeksOnChart),
      peakRank: Number(r.peakRank),
      in26: r.c26 === null ? null : { pCharting: r.c26, p10: r.lo26 ?? 0, p50: r.mid26 ?? 0, p90: r.hi26 ?? 0 },
      in52: r.c52 === null ? null : { pCharting: r.c52, p10: r.lo52 ?? 0, p50: r.mid52 ?? 0, p90: r.hi52 ?? 0 },
    })),
  };
}
