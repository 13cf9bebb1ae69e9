import type { Db } from '@/lib/db/client';
import { getSongForecast, listAuditedForecasts, type AuditedForecast, type SongForecast } from '@/lib/queries/forecasts';
import { listSongChartHistory, listSongChartRuns, type SongChartRun } from '@/lib/queries/songs';
import { weeklyScores } from './series';

/** Most weeks of history the song chart shows, so the 52-week forecast keeps a readable share of it. */
export const HISTORY_WEEKS = 156;
/** Weeks shown before a song's first chart week (at 0, off the chart), so a debut reads as the jump it was. */
export const LEAD_IN_WEEKS = 4;

const weeksBefore = (iso: string, weeks: number) => new Date(Date.parse(`${iso}T00:00:00Z`) - weeks * 7 * 86_400_000).toISOString().slice(0, 10);

export interface SongCharts {
  runs: SongChartRun[];
  /** The chart the history and forecast are shown on; null when the song never charted. */
  run: SongChartRun | null;
  history: { date: string; score: number }[];
  forecast: SongForecast | null;
  audits: AuditedForecast[];
}

/** A song's chart runs, its weekly score history and latest forecast on the chart named by `chartSlug` (else its best current chart), and its audited forecasts. */
export async function loadSongCharts(db: Db, id: number, chartSlug: string | undefined): Promise<SongCharts> {
  const [runs, audits] = await Promise.all([listSongChartRuns(db, id), listAuditedForecasts(db, id)]);
  const run = runs.find((r) => r.slug === chartSlug) ?? runs[0] ?? null;
  if (!run) return { runs, run, history: [], forecast: null, audits };
  const [{ dates, ranks }, forecast] = await Promise.all([
    listSongChartHistory(db, id, run.chartId, weeksBefore(run.firstDate, LEAD_IN_WEEKS)),
    getSongForecast(db, id, run.chartId),
  ]);
  const shown = dates.slice(-HISTORY_WEEKS);
  const scores = weeklyScores(shown, ranks, run.size);
  return { runs, run, history: shown.map((date, i) => ({ date, score: scores[i] ?? 0 })), forecast, audits };
}
