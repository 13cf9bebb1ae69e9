import { and, asc, count, desc, eq, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { chartEntries, charts } from '@/lib/db/schema';
import { toIsoDate } from './values';

export interface ChartSummary {
  id: number;
  slug: string;
  name: string;
  country: string;
  frequency: 'weekly' | 'daily';
  size: number;
  /** Latest imported chart date (ISO), null when the chart has no entries yet. */
  latestDate: string | null;
}

/**
 * Every chart with its latest imported date, global weekly charts first.
 * The latest date is a per-chart index lookup (primary key chart_id, chart_date, rank), not a scan.
 */
export async function listCharts(db: Db): Promise<ChartSummary[]> {
  const rows = await db
    .select({
      id: charts.id,
      slug: charts.slug,
      name: charts.name,
      country: charts.country,
      frequency: charts.frequency,
      size: charts.size,
      latestDate: sql<string | null>`(SELECT MAX(ce.chart_date) FROM chart_entries ce WHERE ce.chart_id = ${charts.id})`,
    })
    .from(charts)
    .orderBy(sql`${charts.country} <> 'global'`, sql`${charts.frequency} <> 'weekly'`, asc(charts.id));
  return rows.map((row) => ({ ...row, latestDate: toIsoDate(row.latestDate) }));
}

/** The chart a viewer asked for by slug, else the default: the first global weekly chart that has data. */
export function pickChart(list: ChartSummary[], slug: string | undefined): ChartSummary | null {
  const withData = list.filter((c) => c.latestDate !== null);
  return (slug ? list.find((c) => c.slug === slug) : undefined) ?? withData[0] ?? list[0] ?? null;
}

/** The chart date before `date` (the week a movement is measured against), or null for a chart's first week. */
export async function getPreviousChartDate(db: Db, chartId: number, date: string): Promise<string | null> {
  const [row] = await db
    .select({ date: sql<string | null>`MAX(${chartEntries.chartDate})` })
    .from(chartEntries)
    .where(and(eq(chartEntries.chartId, chartId), lt(chartEntries.chartDate, date)));
  return toIsoDate(row?.date ?? null);
}

/** The last `count` chart dates up to and including `upTo`, oldest first. */
export async function listRecentChartDates(db: Db, chartId: number, upTo: string, count: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ date: chartEntries.chartDate })
    .from(chartEntries)
    .where(and(eq(chartEntries.chartId, chartId), lte(chartEntries.chartDate, upTo)))
    .orderBy(desc(chartEntries.chartDate))
    .limit(count);
  return rows.map((r) => r.date).reverse();
}

/** How many songs a chart lists on one date. */
export async function countChartEntries(db: Db, chartId: number, date: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(chartEntries)
    .where(and(eq(chartEntries.chartId, chartId), eq(chartEntries.chartDate, date)));
  return row?.n ?? 0;
}
