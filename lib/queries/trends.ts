import { and, asc, between, eq, inArray, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/mysql-core';
import type { Db } from '@/lib/db/client';
import { chartEntries, tracks } from '@/lib/db/schema';
import type { RunStats, WindowEntry } from '@/lib/trends/analyze';
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
