import type { Db } from '@/lib/db/client';
import { getSongForecast, listAuditedForecasts, type AuditedForecast, type SongForecast } from '@/lib/queries/forecasts';
import { getSong, listSongChartHistory, listSongChartRuns, type Song, type SongChartRun } from '@/lib/queries/songs';
import { weeklyScores } from './series';

/** Most weeks of history the song chart shows, so the 52-week forecast keeps a readable share of it. */
export const HISTORY_WEEKS = 156;

export interface SongView {
  song: Song;
  runs: SongChartRun[];
  /** The chart the history and forecast are shown on; null when the song never charted. */
  run: SongChartRun | null;
  history: { date: string; score: number }[];
  forecast: SongForecast | null;
  audits: AuditedForecast[];
}

/** Everything `/songs/[id]` shows, on the chart named by `chartSlug` or the song's best current chart. Null for an unknown id. */
export async function loadSong(db: Db, id: number, chartSlug: string | undefined): Promise<SongView | null> {
  const [song, runs, audits] = await Promise.all([getSong(db, id), listSongChartRuns(db, id), listAuditedForecasts(db, id)]);
  if (!song) return null;
  const run = runs.find((r) => r.slug === chartSlug) ?? runs[0] ?? null;
  if (!run) return { song, runs, run, history: [], forecast: null, audits };
  const [{ dates, ranks }, forecast] = await Promise.all([
    listSongChartHistory(db, id, run.chartId, run.firstDate),
    getSongForecast(db, id, run.chartId),
  ]);
  const shown = dates.slice(-HISTORY_WEEKS);
  const scores = weeklyScores(shown, ranks, run.size);
  return { song, runs, run, history: shown.map((date, i) => ({ date, score: scores[i] ?? 0 })), forecast, audits };
}
