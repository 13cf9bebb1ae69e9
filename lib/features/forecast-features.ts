/**
 * The forecast's feature vector: pure code shared by train, predict and evaluate.
 *
 * One vector describes one song on one chart at one as-of week t, computed only from
 * what was known at t: the song's run on the chart up to t (the caller passes the
 * history cut at t, so later weeks cannot leak in), the chart's state at t, the lead
 * artist's track record at t and the song's metadata. Missing inputs are NaN here;
 * standardisation maps NaN to the training mean (0), and `*_missing` flags say so.
 */
import { LINEAR_PATH_FEATURES, linearPathFeatures, scoreWeeksAgo } from './run-shape';

/** Audio features taken from `tracks`, in this order; a song has all or none of them. */
export const AUDIO_FEATURES = [
  'danceability',
  'energy',
  'loudness',
  'speechiness',
  'acousticness',
  'instrumentalness',
  'liveness',
  'valence',
  'tempo',
  'mode',
] as const;

/** The vector's layout: names in order (stored with every model as its feature spec). */
export const FORECAST_FEATURES = [
  'rank_fraction', // rank / chart size at t
  'score', // chart score at t (0–100)
  'score_1w_ago', // scores k chart weeks before t, 0 when off the chart
  'score_2w_ago',
  'score_4w_ago',
  'score_8w_ago',
  'score_26w_ago',
  'score_52w_ago', // holiday songs come back a year later
  'log_weeks_on_chart', // log(1 + weeks on this chart up to t)
  'log_current_run', // log(1 + consecutive weeks up to t)
  'peak_score',
  'log_weeks_since_peak',
  'log_weeks_since_debut',
  'debut_score',
  'slope_4w', // least-squares slope of the score over the last 4 chart weeks, points/week
  'reentries', // times the song came back after dropping off
  'rule_20w_run_below_half', // current run ≥ 20 weeks and ranked in the bottom half (Billboard's recurrent rule)
  'rule_52w_run_below_quarter', // current run ≥ 52 weeks and ranked below the top quarter
  'top_quarter', // rank within the top quarter: what a song past 52 weeks needs to stay
  'top_half', // rank within the top half: what a song past 20 weeks needs to stay
  'weeks_ge_20', // weeks on the chart past the recurrent thresholds (at t + 26 a song past 26 weeks is past 52)
  'weeks_ge_26',
  'weeks_ge_52',
  'rule_52w_era', // t on or after 2015-12-05, when Billboard added the 52-week recurrent rule
  'holiday_share', // share of the song's chart weeks between Nov 25 and Jan 10: holiday songs come back
  'log_comebacks', // log(1 + returns after more than 26 chart weeks off): seasonal re-entries
  'holiday_season_now', // t falls between Nov 25 and Jan 10
  'log_holiday_seasons', // log(1 + earlier holiday seasons the song charted in, the current one excluded)
  'charted_52w_window', // on the chart within ±2 weeks of t − 52: back at the same time last year
  'holiday_title', // the title names the holidays (Christmas, Santa, …): in its first season a holiday song looks like any December debut
  'log_artist_prior_songs', // the lead artist's other songs that debuted on this chart before t
  'log_artist_known_outcomes', // … of which the 26-week outcome was known at t
  'artist_lasted_fraction', // … the fraction of those still charting 26 weeks after debut (NaN if none)
  'week_sin', // season: day of year on the unit circle
  'week_cos',
  'december',
  'log_chart_size',
  'chart_history', // min(chart weeks before t, 52) / 52: how much of the look-back window the chart covers
  'chart_survival_26w', // share of the songs on the chart 26 weeks before t still on it at t
  'chart_survival_52w',
  'chart_survival_missing',
  'log_release_age_weeks',
  'release_missing',
  'duration_min',
  'explicit',
  'metadata_missing',
  ...AUDIO_FEATURES,
  'audio_missing',
  ...LINEAR_PATH_FEATURES, // read by the linear paths into the still-charting logits, not by the network (run-shape.ts)
] as const;
export type ForecastFeatureName = (typeof FORECAST_FEATURES)[number];
export const FEATURE_COUNT = FORECAST_FEATURES.length;
/** The leading features, which the network reads; the linear-path ones follow them. */
export const NETWORK_FEATURE_COUNT = FEATURE_COUNT - LINEAR_PATH_FEATURES.length;

/** A song's run on one chart, cut at the as-of week: the last element is week t. */
export interface SongHistoryView {
  /** Index of each charted week in the chart's own week list, strictly increasing. */
  weekIdx: ArrayLike<number>;
  /** Chart score of each charted week (0–100). */
  score: ArrayLike<number>;
  /** Rank of each charted week. */
  ranks: ArrayLike<number>;
}

/** What the chart looked like at t. */
export interface ChartStateAtT {
  /** Day number (days since 1970-01-01, UTC) of week t. */
  day: number;
  /** Index of t in the chart's week list (0 = the first week the chart has data for). */
  weekIdx: number;
  size: number;
  /** Survival shares known at t for 26 and 52 weeks (NaN when not known yet). */
  survival26: number;
  survival52: number;
}

/** The lead artist's record on this chart at t, the song itself excluded. */
export interface ArtistRecord {
  priorSongs: number;
  knownOutcomes: number;
  lasted: number;
}

/** Track metadata; every field may be missing. */
export interface TrackMeta {
  primaryArtistId: number | null;
  title: string | null;
  releaseDay: number | null;
  durationMs: number | null;
  explicit: boolean | null;
  /** AUDIO_FEATURES in order, or null when the song has none. */
  audio: (number | null)[] | null;
}

const MS_PER_DAY = 86_400_000;

/** Billboard's 52-week recurrent rule took effect with the chart of 2015-12-05. */
export const RULE_52W_DAY = 16_774;

/**
 * Billboard's 52-week recurrent rule: a song this long on the chart stays only within the top
 * quarter. Counted over the current run: the rules remove songs on their way down, while holiday
 * classics, past 52 weeks in all after a few Decembers, come back every year at any rank.
 */
export const pastRecurrentBar = (runWeeks: number, rankFraction: number): boolean => runWeeks >= 52 && rankFraction > 0.25;

/**
 * Words of holiday-song titles, in English and Spanish (Feliz Navidad). Classics without such a
 * word ("Underneath The Tree") are recognised by their earlier seasons instead.
 */
const HOLIDAY_TITLE = /christmas|xmas|santa|holidays|holiday season|happy holiday|jingle|sleigh|reindeer|rudolph|mistletoe|navidad|let it snow|snowman|winter wonderland|silent night|grinch|yule|\bnoel\b/i;

/** A return after more than this many chart weeks off counts as a comeback. */
const COMEBACK_GAP_WEEKS = 26;

/**
 * The holiday chart season (Nov 25 … Jan 10) a day falls in, named by the year of its
 * December; null outside the season.
 */
function holidaySeason(day: number): number | null {
  const d = new Date(day * MS_PER_DAY);
  const month = d.getUTCMonth();
  const date = d.getUTCDate();
  if ((month === 10 && date >= 25) || month === 11) return d.getUTCFullYear();
  return month === 0 && date <= 10 ? d.getUTCFullYear() - 1 : null;
}

/** Day number of an ISO date (YYYY-MM-DD), days since 1970-01-01 UTC. */
export function dayNumber(isoDate: string): number {
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  if (!Number.isFinite(ms) || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new RangeError(`not a date: ${isoDate}`);
  return Math.round(ms / MS_PER_DAY);
}

/** ISO date (YYYY-MM-DD) of a day number. */
export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Writes the feature vector of a song at as-of week t (the last element of `song`) into
 * `out` at `offset`, in FORECAST_FEATURES order.
 */
export function writeForecastFeatures(
  song: SongHistoryView,
  chart: ChartStateAtT,
  artist: ArtistRecord,
  meta: TrackMeta,
  out: Float32Array,
  offset = 0,
): void {
  const n = song.weekIdx.length;
  if (n === 0) throw new RangeError('a song history needs at least the as-of week');
  const last = n - 1;
  const wi = song.weekIdx[last] as number;
  if (wi !== chart.weekIdx) throw new RangeError(`history ends at week ${wi}, not at the as-of week ${chart.weekIdx}`);
  const score = song.score[last] as number;

  let peak = -1;
  let peakWeek = 0;
  let reentries = 0;
  let run = 1;
  let holidayWeeks = 0;
  let comebacks = 0;
  const seasonNow = holidaySeason(chart.day);
  // Seasons only grow along the sorted weeks, so counting changes counts distinct seasons.
  let earlierSeasons = 0;
  let lastSeason: number | null = null;
  let lastYearWindow = 0;
  for (let j = 0; j < n; j++) {
    // Chart weeks are 7 days apart, so a week's date follows from its distance to t.
    const ago = wi - (song.weekIdx[j] as number);
    const season = holidaySeason(chart.day - 7 * ago);
    if (season !== null) {
      holidayWeeks++;
      if (season !== lastSeason && season !== seasonNow) earlierSeasons++;
      lastSeason = season;
    }
    if (ago >= 50 && ago <= 54) lastYearWindow = 1;
    if (j > 0 && (song.weekIdx[j] as number) - (song.weekIdx[j - 1] as number) > COMEBACK_GAP_WEEKS) comebacks++;
    const s = song.score[j] as number;
    if (s > peak) {
      peak = s;
      peakWeek = song.weekIdx[j] as number;
    }
    if (j > 0 && (song.weekIdx[j] as number) - (song.weekIdx[j - 1] as number) > 1) reentries++;
  }
  for (let j = last; j > 0 && (song.weekIdx[j] as number) - (song.weekIdx[j - 1] as number) === 1; j--) run++;

  // Least-squares slope over x = -3..0 (mean -1.5, Σ(x - x̄)² = 5).
  let slope = 0;
  for (let k = 0; k < 4; k++) slope += (-k + 1.5) * scoreWeeksAgo(song, last, k);
  slope /= 5;

  const rankFraction = (song.ranks[last] as number) / chart.size;
  const date = new Date(chart.day * MS_PER_DAY);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1) / MS_PER_DAY;
  const angle = (2 * Math.PI * (chart.day - yearStart)) / 365.25;
  const survivalMissing = Number.isNaN(chart.survival26) && Number.isNaN(chart.survival52);
  const releaseWeeks = meta.releaseDay === null ? NaN : Math.max(0, (chart.day - meta.releaseDay) / 7);
  const audio = meta.audio;

  const v: number[] = [
    rankFraction,
    score,
    scoreWeeksAgo(song, last, 1),
    scoreWeeksAgo(song, last, 2),
    scoreWeeksAgo(song, last, 4),
    scoreWeeksAgo(song, last, 8),
    scoreWeeksAgo(song, last, 26),
    scoreWeeksAgo(song, last, 52),
    Math.log1p(n),
    Math.log1p(run),
    peak,
    Math.log1p(wi - peakWeek),
    Math.log1p(wi - (song.weekIdx[0] as number)),
    song.score[0] as number,
    slope,
    reentries,
    run >= 20 && rankFraction > 0.5 ? 1 : 0,
    pastRecurrentBar(run, rankFraction) ? 1 : 0,
    rankFraction <= 0.25 ? 1 : 0,
    rankFraction <= 0.5 ? 1 : 0,
    n >= 20 ? 1 : 0,
    n >= 26 ? 1 : 0,
    n >= 52 ? 1 : 0,
    chart.day >= RULE_52W_DAY ? 1 : 0,
    holidayWeeks / n,
    Math.log1p(comebacks),
    seasonNow === null ? 0 : 1,
    Math.log1p(earlierSeasons),
    lastYearWindow,
    meta.title !== null && HOLIDAY_TITLE.test(meta.title) ? 1 : 0,
    Math.log1p(artist.priorSongs),
    Math.log1p(artist.knownOutcomes),
    artist.knownOutcomes > 0 ? artist.lasted / artist.knownOutcomes : NaN,
    Math.sin(angle),
    Math.cos(angle),
    date.getUTCMonth() === 11 ? 1 : 0,
    Math.log(chart.size),
    Math.min(chart.weekIdx, 52) / 52,
    chart.survival26,
    chart.survival52,
    survivalMissing ? 1 : 0,
    Math.log1p(releaseWeeks),
    meta.releaseDay === null ? 1 : 0,
    meta.durationMs === null ? NaN : meta.durationMs / 60_000,
    meta.explicit === null ? NaN : meta.explicit ? 1 : 0,
    meta.durationMs === null || meta.explicit === null ? 1 : 0,
    ...AUDIO_FEATURES.map((_, k) => audio?.[k] ?? NaN),
    audio === null ? 1 : 0,
    ...linearPathFeatures(song, chart.size, run),
  ];
  for (let k = 0; k < FEATURE_COUNT; k++) out[offset + k] = v[k] as number;
}
