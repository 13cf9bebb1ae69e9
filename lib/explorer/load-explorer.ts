import type { Db } from '@/lib/db/client';
import { listChartSongs, type ChartSongRow } from '@/lib/queries/chart-songs';
import { countChartEntries, getPreviousChartDate, listCharts, listRecentChartDates, pickChart, type ChartSummary } from '@/lib/queries/charts';
import { getForecastRun, type ForecastRun } from '@/lib/queries/forecasts';
import { listChartRanks } from '@/lib/queries/songs';
import { PAGE_SIZE, type ExplorerParams } from './params';
import { ranksByTrack, weeklyScores } from './series';

/** Weeks of score history each row's sparkline shows. */
export const SPARKLINE_WEEKS = 12;

export type ExplorerView =
  | { kind: 'no-data'; charts: ChartSummary[] }
  | {
      kind: 'chart';
      charts: ChartSummary[];
      chart: ChartSummary & { latestDate: string };
      /** Songs on the chart this week, before filters and search. */
      weekTotal: number;
      /** Rows matching the filters and search, over all pages. */
      total: number;
      run: ForecastRun | null;
      rows: (ChartSongRow & { sparkline: number[] })[];
    };

/** Everything the explorer shows for its URL state: a handful of queries, none per row. */
export async function loadExplorer(db: Db, params: ExplorerParams): Promise<ExplorerView> {
  const charts = await listCharts(db);
  const chart = pickChart(charts, params.chart);
  if (!chart?.latestDate) return { kind: 'no-data', charts };
  const week = chart.latestDate;
  const [previousWeek, run, weekTotal, dates] = await Promise.all([
    getPreviousChartDate(db, chart.id, week),
    getForecastRun(db, chart.id, week),
    countChartEntries(db, chart.id, week),
    listRecentChartDates(db, chart.id, week, SPARKLINE_WEEKS),
  ]);
  const { rows, total } = await listChartSongs(db, {
    chartId: chart.id,
    week,
    previousWeek,
    modelId: run?.modelId ?? null,
    search: params.q,
    filter: params.filter,
    sort: params.sort,
    dir: params.dir,
    limit: PAGE_SIZE,
    offset: (params.page - 1) * PAGE_SIZE,
  });
  const ranks = ranksByTrack(await listChartRanks(db, chart.id, rows.map((r) => r.trackId), dates[0] ?? week, week));
  return {
    kind: 'chart',
    charts,
    chart: { ...chart, latestDate: week },
    weekTotal,
    total,
    run,
    rows: rows.map((row) => ({ ...row, sparkline: weeklyScores(dates, ranks.get(row.trackId) ?? new Map(), chart.size) })),
  };
}
