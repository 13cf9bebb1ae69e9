/**
 * Permutation feature importance on held-out rows: shuffle one group of feature columns
 * (the same seeded row permutation for every column of the group, so features that move
 * together stay consistent) and measure how much each horizon's forecast gets worse —
 * the drop in AUC and the rises in Brier score and in the MAE of the score's p50.
 * A feature the model ignores scores 0 on every measure. Pure: the caller passes `predict`.
 */
import { FORECAST_FEATURES, type ForecastFeatureName } from '@/lib/features/forecast-features';
import { auc, brier, mae, type HorizonPrediction } from './metrics';
import { seededRandom, shuffleInPlace } from './random';

/** The groups the report shuffles: features that describe one thing go together. */
export const FEATURE_GROUP_OF: Record<ForecastFeatureName, string> = {
  rank_fraction: 'current rank and score',
  score: 'current rank and score',
  top_quarter: 'current rank and score',
  top_half: 'current rank and score',
  score_1w_ago: 'recent scores and slope',
  score_2w_ago: 'recent scores and slope',
  score_4w_ago: 'recent scores and slope',
  score_8w_ago: 'recent scores and slope',
  slope_4w: 'recent scores and slope',
  score_26w_ago: 'score 26 and 52 weeks ago',
  score_52w_ago: 'score 26 and 52 weeks ago',
  log_weeks_on_chart: 'weeks on the chart',
  log_current_run: 'weeks on the chart',
  log_weeks_since_debut: 'weeks on the chart',
  weeks_ge_20: 'weeks on the chart',
  weeks_ge_26: 'weeks on the chart',
  weeks_ge_52: 'weeks on the chart',
  peak_score: 'peak and debut',
  log_weeks_since_peak: 'peak and debut',
  debut_score: 'peak and debut',
  rule_20w_run_below_half: 'recurrent rules',
  rule_52w_run_below_quarter: 'recurrent rules',
  rule_52w_era: 'recurrent rules',
  reentries: 'holiday runs and comebacks',
  holiday_share: 'holiday runs and comebacks',
  log_comebacks: 'holiday runs and comebacks',
  holiday_season_now: 'holiday runs and comebacks',
  log_holiday_seasons: 'holiday runs and comebacks',
  charted_52w_window: 'holiday runs and comebacks',
  holiday_title: 'holiday runs and comebacks',
  log_artist_prior_songs: 'lead artist’s record',
  log_artist_known_outcomes: 'lead artist’s record',
  artist_lasted_fraction: 'lead artist’s record',
  week_sin: 'season',
  week_cos: 'season',
  december: 'season',
  log_chart_size: 'the chart at t',
  chart_history: 'the chart at t',
  chart_survival_26w: 'the chart at t',
  chart_survival_52w: 'the chart at t',
  chart_survival_missing: 'the chart at t',
  log_release_age_weeks: 'release and metadata',
  release_missing: 'release and metadata',
  duration_min: 'release and metadata',
  explicit: 'release and metadata',
  metadata_missing: 'release and metadata',
  danceability: 'audio features',
  energy: 'audio features',
  loudness: 'audio features',
  speechiness: 'audio features',
  acousticness: 'audio features',
  instrumentalness: 'audio features',
  liveness: 'audio features',
  valence: 'audio features',
  tempo: 'audio features',
  mode: 'audio features',
  audio_missing: 'audio features',
  rule_ahead_26_margin: 'rules ahead',
  rule_ahead_26_best_margin: 'rules ahead',
  rule_ahead_52_best_margin: 'rules ahead',
  best_4w_score_vs_now: 'shape of the run',
  improved_share_8w: 'shape of the run',
  score_volatility_8w: 'shape of the run',
  log_weeks_since_top_quarter: 'shape of the run',
  log_weeks_since_top_tenth: 'shape of the run',
};

export interface FeatureGroup {
  name: string;
  /** Column indexes in the feature vector. */
  columns: number[];
}

/** FEATURE_GROUP_OF as column groups, in order of first appearance in FORECAST_FEATURES. */
export function forecastFeatureGroups(): FeatureGroup[] {
  const groups = new Map<string, number[]>();
  FORECAST_FEATURES.forEach((name, i) => {
    const group = FEATURE_GROUP_OF[name];
    groups.set(group, [...(groups.get(group) ?? []), i]);
  });
  return [...groups].map(([name, columns]) => ({ name, columns }));
}

/** How much one group's shuffling hurt one horizon (positive = the model relies on it). */
export interface FeatureImportance {
  group: string;
  aucDrop: number;
  brierRise: number;
  maeRise: number;
}

/** One horizon's held-out outcomes: which rows of `x` it scores, and their outcomes. */
export interface ImportanceTarget {
  horizon: number;
  rows: readonly number[];
  charting: ArrayLike<number>;
  score: ArrayLike<number>;
}

export interface ImportanceInput {
  /** Raw feature rows, row-major, `dim` columns. */
  x: Float32Array;
  n: number;
  dim: number;
  groups: readonly FeatureGroup[];
  /** One per output of `predict`, in its order. */
  targets: readonly ImportanceTarget[];
  seed: number;
}

const pick = (v: ArrayLike<number>, rows: readonly number[]) => Float64Array.from(rows, (r) => v[r] as number);

function measure(pred: HorizonPrediction, t: ImportanceTarget) {
  return { auc: auc(pick(pred.pCharting, t.rows), t.charting), brier: brier(pick(pred.pCharting, t.rows), t.charting), mae: mae(pick(pred.p50, t.rows), t.score) };
}

/**
 * Per horizon, each group's importance, most important (largest AUC drop) first.
 * Deterministic given `seed`; `x` is left as it was.
 */
export async function permutationImportance(
  predict: (x: Float32Array, n: number) => Promise<HorizonPrediction[]>,
  input: ImportanceInput,
): Promise<Record<string, FeatureImportance[]>> {
  const { x, n, dim, groups, targets } = input;
  const base = await predict(x, n);
  if (base.length !== targets.length) throw new RangeError(`predict gave ${base.length} horizons for ${targets.length} targets`);
  const reference = targets.map((t, j) => measure(base[j] as HorizonPrediction, t));
  const out: Record<string, FeatureImportance[]> = Object.fromEntries(targets.map((t) => [String(t.horizon), []]));
  const random = seededRandom(input.seed);
  const shuffled = new Float32Array(x);
  for (const group of groups) {
    const order = Int32Array.from({ length: n }, (_, i) => i);
    shuffleInPlace(order, random);
    for (let i = 0; i < n; i++) for (const c of group.columns) shuffled[i * dim + c] = x[(order[i] as number) * dim + c] as number;
    const pred = await predict(shuffled, n);
    targets.forEach((t, j) => {
      const m = measure(pred[j] as HorizonPrediction, t);
      const r = reference[j] as ReturnType<typeof measure>;
      out[String(t.horizon)]!.push({ group: group.name, aucDrop: r.auc - m.auc, brierRise: m.brier - r.brier, maeRise: m.mae - r.mae });
    });
    for (let i = 0; i < n; i++) for (const c of group.columns) shuffled[i * dim + c] = x[i * dim + c] as number;
  }
  const key = (v: number) => (Number.isFinite(v) ? v : -Infinity); // AUC is NaN when the rows have one outcome
  for (const list of Object.values(out)) list.sort((a, b) => key(b.aucDrop) - key(a.aucDrop) || key(b.brierRise) - key(a.brierRise));
  return out;
}
