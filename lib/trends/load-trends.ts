import type { Db } from '@/lib/db/client';
import { listCharts, listRecentChartDates, pickChart, type ChartSummary } from '@/lib/queries/charts';
import { listRunStats, listWindowEntries } from '@/lib/queries/trends';
import { analyzeTrends, type ChartTrends } from './analyze';
import { BUMP_TOP, type TrendParams } from './params';

export type TrendsView =
  | { kind: 'no-data'; charts: ChartSummary[] }
  | { kind: 'chart'; charts: ChartSummary[]; chart: ChartSummary & { latestDate: string }; trends: ChartTrends };

/** Everything `/trends` (and its CSV) shows for its URL state: four queries, none per song. */
export async function loadTrends(db: Db, params: TrendParams): Promise<TrendsView> {
  const charts = await listCharts(db);
  const chart = pickChart(charts, params.chart);
  if (!chart?.latestDate) return { kind: 'no-data', charts };
  const latest = chart.latestDate;
  const dates = await listRecentChartDates(db, chart.id, latest, params.weeks);
  const [entries, runs] = await Promise.all([
    listWindowEntries(db, chart.id, dates[0] ?? latest, latest),
    listRunStats(db, chart.id, latest),
  ]);
  return { kind: 'chart', charts, chart: { ...chart, latestDate: latest }, trends: analyzeTrends(dates, entries, runs, BUMP_TOP) };
}
