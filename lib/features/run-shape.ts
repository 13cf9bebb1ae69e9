/**
 * The forecast vector's last columns (see forecast-features.ts), read by the linear paths (not the network) into the
 * still-charting logits: what the recurrent rules will ask ahead, and the shape of the run up to t.
 * Pure; computed from the song's history cut at t like every other feature.
 */
import type { SongHistoryView } from './forecast-features';

/**
 * Their names, in order (the end of FORECAST_FEATURES). Rank fractions are rank / chart size; "the last 4 chart
 * weeks" are the weeks t − 3 … t the song charted in.
 */
export const LINEAR_PATH_FEATURES = [
  // What the recurrent rules will ask, under today's rules: at t + 26 a continuing run is past 20 weeks (the top
  // half), or past 52 if it is 26 weeks long now (the top quarter); at t + 52 always the top quarter.
  'rule_ahead_26_margin', // the rank fraction the rules will ask at t + 26 minus the rank fraction at t (positive = clear already)
  'rule_ahead_26_best_margin', // … minus the best rank fraction of the last 4 chart weeks
  'rule_ahead_52_best_margin', // 1/4 minus the best rank fraction of the last 4 chart weeks
  // The shape of the run up to t.
  'best_4w_score_vs_now', // best score of the last 4 chart weeks minus the score at t
  'improved_share_8w', // share of the last 8 week-to-week steps since debut in which the score rose (off the chart = 0; 0 at debut)
  'score_volatility_8w', // root mean square of those steps' score changes
  'log_weeks_since_top_quarter', // log(1 + weeks since the song last ranked in the top quarter); never: from the week before its debut
  'log_weeks_since_top_tenth',
] as const;

/** Score `k` chart weeks before the history's last week, 0 when the song was off the chart. */
export function scoreWeeksAgo(h: SongHistoryView, last: number, k: number): number {
  const target = (h.weekIdx[last] as number) - k;
  for (let j = last; j >= 0; j--) {
    const w = h.weekIdx[j] as number;
    if (w === target) return h.score[j] as number;
    if (w < target) break;
  }
  return 0;
}

/** LINEAR_PATH_FEATURES of a song at as-of week t (the history's last week), in order; `run` is its current run in weeks. */
export function linearPathFeatures(song: SongHistoryView, size: number, run: number): number[] {
  const last = song.weekIdx.length - 1;
  const wi = song.weekIdx[last] as number;
  const debut = song.weekIdx[0] as number;
  const score = song.score[last] as number;
  let bestScore = score;
  let bestRank = song.ranks[last] as number;
  for (let j = last - 1; j >= 0 && (song.weekIdx[j] as number) >= wi - 3; j--) {
    bestScore = Math.max(bestScore, song.score[j] as number);
    bestRank = Math.min(bestRank, song.ranks[j] as number);
  }
  // Week-to-week steps (w − 1 → w) over the last 8 weeks since debut, off the chart scoring 0.
  const steps = Math.min(8, wi - debut);
  let rose = 0;
  let sumSq = 0;
  for (let k = 0; k < steps; k++) {
    const change = scoreWeeksAgo(song, last, k) - scoreWeeksAgo(song, last, k + 1);
    if (change > 0) rose++;
    sumSq += change * change;
  }
  const weeksSince = (share: number) => {
    for (let j = last; j >= 0; j--) if ((song.ranks[j] as number) / size <= share) return wi - (song.weekIdx[j] as number);
    return wi - debut + 1;
  };
  const rankFraction = (song.ranks[last] as number) / size;
  const ahead26 = run >= 26 ? 0.25 : 0.5;
  return [
    ahead26 - rankFraction,
    ahead26 - bestRank / size,
    0.25 - bestRank / size,
    bestScore - score,
    steps > 0 ? rose / steps : 0,
    steps > 0 ? Math.sqrt(sumSq / steps) : 0,
    Math.log1p(weeksSince(0.25)),
    Math.log1p(weeksSince(0.1)),
  ];
}
