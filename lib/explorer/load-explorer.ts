import type { Db } from '@/lib/db/client';
import { listChartSongs, type ChartSongRow, type ChartSongsQuery } from '@/lib/queries/chart-songs';
import { countChartEntries, getPreviousChartDate, listCharts, listRecentChartDates, pickChart, type ChartSummary } from '@/lib/queries/charts';
import { getForecastRun, type ForecastRun } from '@/lib/queries/forecasts';
import { listChartRanks } from '@/lib/queries/songs';
import { PAGE_SIZE, type ExplorerParams } from './params';
import { ranksByTrack, weeklyScores } from './series';

/** Weeks of score history each row's sparkline shows. */
export const SPARKLINE_WEEKS = 12;

export interface ChartWeek {
  charts: ChartSummary[];
  chart: ChartSummary & { latestDate: string };
  previousWeek: string | null;
  /** Songs on the chart this week, before filters and search. */
  weekTotal: number;
  run: ForecastRun | null;
}

export type ExplorerView =
  | { kind: 'no-data'; charts: ChartSummary[] }
  | (ChartWeek & {
      kind: 'chart';
      /** Rows matching the filters and search, over all pages. */
      total: number;
      rows: (ChartSongRow & { sparkline: number[] })[];
    });

/** The chart a view shows (by slug, else the default) in its latest week, with the model that forecast it; null without data. */
export async function loadChartWeek(db: Db, chartSlug: string | undefined): Promise<ChartWeek | { charts: ChartSummary[]; chart: null }> {
  const charts = await listCharts(db);
  const chart = pickChart(charts, chartSlug);
  if (!chart?.latestDate) return { charts, chart: null };
  const week = chart.latestDate;
  const [previousWeek, run, weekTotal] = await Promise.all([
    getPreviousChartDate(db, chart.id, week),
    getForecastRun(db, chart.id, week),
    countChartEntries(db, chart.id, week),
  ]);
  return { charts, chart: { ...chart, latestDate: week }, previousWeek, run, weekTotal };
}

/** The table query for a chart week and the view's filters, sort and slice. */
export function chartSongsQuery(week: ChartWeek, params: ExplorerParams, slice: { limit: number; offset: number }): ChartSongsQuery {
  return {
    chartId: week.chart.id,
    week: week.chart.latestDate,
    previousWeek: week.previousWeek,
    modelId: week.run?.modelId ?? null,
    search: params.q,
    filter: params.filter,
    sort: params.sort,
    dir: params.dir,
    ...slice,
  };
}

/** Everything the explorer shows for its URL state: a handful of queries, none per row. */
export async function loadExplorer(db: Db, params: ExplorerParams): Promise<ExplorerView> {
  const week = await loadChartWeek(db, params.chart);
  if (week.chart === null) return { kind: 'no-data', charts: week.charts };
  const { chart } = week;
  const [{ rows, total }, dates] = await Promise.all([
    listChartSongs(db, chartSongsQuery(week, params, { limit: PAGE_SIZE, offset: (params.page - 1) * PAGE_SIZE })),
    listRecentChartDates(db, chart.id, chart.latestDate, SPARKLINE_WEEKS),
  ]);
  const ranks = ranksByTrack(await listChartRanks(db, chart.id, rows.map((r) => r.trackId), dates[0] ?? chart.latestDate, chart.latestDate));
  return {
    kind: 'chart',
    ...week,
    total,
    rows: rows.map((row) => ({ ...row, sparkline: weeklyScores(dates, ranks.get(row.trackId) ?? new Map(), chart.size) })),
  };
}
