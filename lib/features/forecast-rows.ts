/**
 * Builds every forecast row of one chart in one pass over its entries sorted by
 * (track, date): features (see forecast-features.ts) plus, per horizon, the target when
 * it has been observed. Pure: no I/O, so train, predict and evaluate share it.
 */
import { chartScore } from '@/lib/charts/score';
import { FEATURE_COUNT, FORECAST_FEATURES, pastRecurrentBar, RULE_52W_DAY, writeForecastFeatures, type TrackMeta } from './forecast-features';
import { buildArtistIndex, buildSurvival, type ArtistIndex } from './chart-context';

export const HORIZONS = [26, 52] as const;
export type Horizon = (typeof HORIZONS)[number];

/** True when a model's stored feature spec reads exactly the features and horizons this code computes. */
export function readsTheseFeatures(spec: { featureNames?: unknown; horizons?: unknown }): boolean {
  return String(spec.featureNames) === FORECAST_FEATURES.join() && String(spec.horizons) === HORIZONS.join();
}

/** One chart's entries, sorted by (trackId, day). */
export interface ChartHistory {
  chartId: number;
  size: number;
  trackIds: ArrayLike<number>;
  /** Day numbers (see dayNumber) of each entry's chart date. */
  days: ArrayLike<number>;
  ranks: ArrayLike<number>;
  /** Each entry's score (0–100) where the source gives one (Spotify popularity); default the rank's chart score. */
  scores?: ArrayLike<number>;
  tracks: ReadonlyMap<number, TrackMeta>;
}

/** Targets of one horizon; `observed` = the chart has data for t + h weeks. */
export interface HorizonTargets {
  observed: Uint8Array;
  charting: Uint8Array;
  /** Chart score at t + h (0 off the chart). */
  score: Float32Array;
  /**
   * Charting at t + h only because the 52-week recurrent rule was not in force yet (a run of ≥ 52
   * weeks then, below the top quarter, before 2015-12-05): today's rules would have removed it.
   */
  keptByOldRules: Uint8Array;
}

/** Rows in column form: row r's features are x[r·FEATURE_COUNT … (r+1)·FEATURE_COUNT). */
export interface ForecastRows {
  n: number;
  x: Float32Array;
  chartId: Int32Array;
  trackId: Int32Array;
  /** As-of day numbers. */
  day: Int32Array;
  /** Score at t, for the persistence baseline. */
  score: Float32Array;
  rankFraction: Float32Array;
  targets: Record<Horizon, HorizonTargets>;
}

export interface BuildOptions {
  /** Emit rows only for these as-of days (predict); default every week. */
  onlyDays?: ReadonlySet<number>;
  /**
   * Emit rows only for the tracks this accepts (a predict shard); default every track. The chart context
   * (survival, artists' records) still comes from every track, so a track's row is the same either way.
   */
  onlyTracks?: (trackId: number) => boolean;
}

const NO_META: TrackMeta = { primaryArtistId: null, title: null, releaseDay: null, durationMs: null, explicit: null, audio: null };

/** Builds the rows of one chart; throws when the entries are not sorted by (track, date). */
export function buildChartRows(chart: ChartHistory, opts: BuildOptions = {}): ForecastRows {
  const total = chart.trackIds.length;
  const weekDays = [...new Set(Array.from(chart.days))].sort((a, b) => a - b);
  const weekOf = new Map(weekDays.map((d, i) => [d, i]));
  const weekIdx = new Int32Array(total);
  const scores = new Float32Array(total);
  const ranks = Int32Array.from(chart.ranks);
  for (let e = 0; e < total; e++) {
    if (e > 0) {
      const prevTrack = chart.trackIds[e - 1] as number;
      const track = chart.trackIds[e] as number;
      if (track < prevTrack || (track === prevTrack && (chart.days[e] as number) <= (chart.days[e - 1] as number))) {
        throw new Error(`chart ${chart.chartId}: entries must be sorted by (track, date) with one entry per week (entry ${e})`);
      }
    }
    weekIdx[e] = weekOf.get(chart.days[e] as number) as number;
    scores[e] = chart.scores ? (chart.scores[e] as number) : chartScore(chart.ranks[e] as number, chart.size);
  }
  const songStarts = [0];
  for (let e = 1; e < total; e++) if (chart.trackIds[e] !== chart.trackIds[e - 1]) songStarts.push(e);
  songStarts.push(total);

  /** Entry index of `track` (entries [start, end)) at `day`, or -1. */
  const entryAt = (start: number, end: number, day: number): number => {
    let lo = start;
    let hi = end - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const d = chart.days[mid] as number;
      if (d === day) return mid;
      if (d < day) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };

  const survival = buildSurvival(weekDays, weekOf, songStarts, chart.days, weekIdx, entryAt);
  const artists: ArtistIndex = buildArtistIndex(songStarts, chart, weekOf, entryAt);

  const capacity = opts.onlyDays || opts.onlyTracks ? countEmitted(chart, opts) : total;
  const rows = allocateRows(capacity);
  let r = 0;
  for (let s = 0; s + 1 < songStarts.length; s++) {
    const start = songStarts[s] as number;
    const end = songStarts[s + 1] as number;
    const trackId = chart.trackIds[start] as number;
    if (opts.onlyTracks && !opts.onlyTracks(trackId)) continue;
    const meta = chart.tracks.get(trackId) ?? NO_META;
    for (let e = start; e < end; e++) {
      const day = chart.days[e] as number;
      if (opts.onlyDays && !opts.onlyDays.has(day)) continue;
      const w = weekIdx[e] as number;
      writeForecastFeatures(
        { weekIdx: weekIdx.subarray(start, e + 1), score: scores.subarray(start, e + 1), ranks: ranks.subarray(start, e + 1) },
        { day, weekIdx: w, size: chart.size, survival26: survival[26][w] as number, survival52: survival[52][w] as number },
        artists.recordAt(trackId, meta.primaryArtistId, day),
        meta,
        rows.x,
        r * FEATURE_COUNT,
      );
      rows.chartId[r] = chart.chartId;
      rows.trackId[r] = trackId;
      rows.day[r] = day;
      rows.score[r] = scores[e] as number;
      rows.rankFraction[r] = (chart.ranks[e] as number) / chart.size;
      for (const h of HORIZONS) {
        const targetDay = day + 7 * h;
        if (!weekOf.has(targetDay)) continue;
        const t = rows.targets[h];
        t.observed[r] = 1;
        const hit = entryAt(e + 1, end, targetDay);
        if (hit >= 0) {
          t.charting[r] = 1;
          t.score[r] = scores[hit] as number;
          let runStart = hit;
          while (runStart > start && (weekIdx[runStart] as number) - (weekIdx[runStart - 1] as number) === 1) runStart--;
          t.keptByOldRules[r] = targetDay < RULE_52W_DAY && pastRecurrentBar(hit - runStart + 1, (chart.ranks[hit] as number) / chart.size) ? 1 : 0;
        }
      }
      r++;
    }
  }
  return sliceRows(rows, r);
}

function countEmitted(chart: ChartHistory, { onlyDays, onlyTracks }: BuildOptions): number {
  let n = 0;
  for (let e = 0; e < chart.days.length; e++) {
    if ((!onlyDays || onlyDays.has(chart.days[e] as number)) && (!onlyTracks || onlyTracks(chart.trackIds[e] as number))) n++;
  }
  return n;
}

function allocateTargets(n: number): HorizonTargets {
  return { observed: new Uint8Array(n), charting: new Uint8Array(n), score: new Float32Array(n), keptByOldRules: new Uint8Array(n) };
}

function allocateRows(n: number): ForecastRows {
  return {
    n,
    x: new Float32Array(n * FEATURE_COUNT),
    chartId: new Int32Array(n),
    trackId: new Int32Array(n),
    day: new Int32Array(n),
    score: new Float32Array(n),
    rankFraction: new Float32Array(n),
    targets: { 26: allocateTargets(n), 52: allocateTargets(n) },
  };
}

function sliceRows(rows: ForecastRows, n: number): ForecastRows {
  if (n === rows.n) return rows;
  return selectRows(rows, Array.from({ length: n }, (_, i) => i));
}

/** A new ForecastRows holding the given rows, in that order. */
export function selectRows(rows: ForecastRows, index: ArrayLike<number>): ForecastRows {
  const out = allocateRows(index.length);
  for (let i = 0; i < index.length; i++) {
    const r = index[i] as number;
    out.x.set(rows.x.subarray(r * FEATURE_COUNT, (r + 1) * FEATURE_COUNT), i * FEATURE_COUNT);
    out.chartId[i] = rows.chartId[r] as number;
    out.trackId[i] = rows.trackId[r] as number;
    out.day[i] = rows.day[r] as number;
    out.score[i] = rows.score[r] as number;
    out.rankFraction[i] = rows.rankFraction[r] as number;
    for (const h of HORIZONS) {
      out.targets[h].observed[i] = rows.targets[h].observed[r] as number;
      out.targets[h].charting[i] = rows.targets[h].charting[r] as number;
      out.targets[h].score[i] = rows.targets[h].score[r] as number;
      out.targets[h].keptByOldRules[i] = rows.targets[h].keptByOldRules[r] as number;
    }
  }
  return out;
}

/** Concatenates the rows of several charts. */
export function concatRows(parts: ForecastRows[]): ForecastRows {
  const n = parts.reduce((a, p) => a + p.n, 0);
  const out = allocateRows(n);
  let r = 0;
  for (const p of parts) {
    out.x.set(p.x, r * FEATURE_COUNT);
    out.chartId.set(p.chartId, r);
    out.trackId.set(p.trackId, r);
    out.day.set(p.day, r);
    out.score.set(p.score, r);
    out.rankFraction.set(p.rankFraction, r);
    for (const h of HORIZONS) {
      out.targets[h].observed.set(p.targets[h].observed, r);
      out.targets[h].charting.set(p.targets[h].charting, r);
      out.targets[h].score.set(p.targets[h].score, r);
      out.targets[h].keptByOldRules.set(p.targets[h].keptByOldRules, r);
    }
    r += p.n;
  }
  return out;
}
