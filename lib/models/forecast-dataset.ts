/**
 * Forecast rows straight from the database: every weekly chart (or one), one query for
 * the tracks' metadata and one per chart for its entries, rows built in memory.
 * Shared by train, predict and evaluate.
 */
import type { Db } from '@/lib/db/client';
import { buildChartRows, concatRows, type ForecastRows } from '@/lib/features/forecast-rows';
import { listWeeklyCharts, loadChartHistory, loadTrackMeta, type WeeklyChart } from '@/lib/queries/training-data';

export interface DatasetOptions {
  /** Only this chart (slug). */
  chart?: string;
  /** Per chart: emit rows only for these as-of days (predict); default every week. */
  onlyDays?: (chart: WeeklyChart, days: readonly number[]) => ReadonlySet<number>;
  /** Emit rows only for the tracks this accepts (see BuildOptions.onlyTracks); default every track. */
  onlyTracks?: (trackId: number) => boolean;
  onChart?: (done: number, total: number) => void;
}

/** Builds the forecast rows of the weekly charts; also returns the charts read. */
export async function loadForecastRows(db: Db, opts: DatasetOptions = {}): Promise<{ rows: ForecastRows; charts: WeeklyChart[] }> {
  const charts = await listWeeklyCharts(db, opts.chart);
  const meta = await loadTrackMeta(db, charts.map((c) => c.id));
  const parts: ForecastRows[] = [];
  for (const [i, chart] of charts.entries()) {
    const history = await loadChartHistory(db, chart, meta);
    if (history.trackIds.length > 0) {
      const onlyDays = opts.onlyDays?.(chart, [...new Set(Array.from(history.days))].sort((a, b) => a - b));
      parts.push(buildChartRows(history, { onlyDays, onlyTracks: opts.onlyTracks }));
    }
    opts.onChart?.(i + 1, charts.length);
  }
  return { rows: concatRows(parts), charts };
}
