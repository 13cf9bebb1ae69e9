import { describe, expect, it } from 'vitest';
import { syntheticChart } from './__fixtures__/synthetic-chart';
import { FEATURE_COUNT, FORECAST_FEATURES, dayNumber, isoDate, type TrackMeta } from './forecast-features';
import { buildChartRows, type ChartHistory, type ForecastRows } from './forecast-rows';

const W = 7;
const start = dayNumber('2024-01-06');
const f = (rows: ForecastRows, r: number, name: (typeof FORECAST_FEATURES)[number]) =>
  rows.x[r * FEATURE_COUNT + FORECAST_FEATURES.indexOf(name)] as number;

/** A chart of 10 places over `weeks` weeks; `runs` maps track id → [week, rank] pairs. */
function chart(runs: Record<number, [number, number][]>, weeks = 60, tracks = new Map<number, TrackMeta>(), first = start): ChartHistory {
  const entries: { t: number; d: number; r: number }[] = [];
  for (const [t, run] of Object.entries(runs)) for (const [w, r] of run) entries.push({ t: Number(t), d: first + w * W, r });
  // A filler song keeps every week on the chart, so every date exists.
  for (let w = 0; w < weeks; w++) entries.push({ t: 999, d: first + w * W, r: 10 });
  entries.sort((a, b) => a.t - b.t || a.d - b.d);
  return {
    chartId: 1,
    size: 10,
    trackIds: entries.map((e) => e.t),
    days: entries.map((e) => e.d),
    ranks: entries.map((e) => e.r),
    tracks,
  };
}

const rowOf = (rows: ForecastRows, track: number, week: number, first = start) => {
  for (let r = 0; r < rows.n; r++) if (rows.trackId[r] === track && rows.day[r] === first + week * W) return r;
  throw new Error(`no row for track ${track} at week ${week}`);
};

describe('forecast features', () => {
  it('round-trips ISO dates through day numbers', () => {
    expect(isoDate(dayNumber('2024-02-29'))).toBe('2024-02-29');
    expect(() => dayNumber('2024-13-01')).toThrow();
  });

  it('computes a song history by hand', () => {
    // Weeks 0–3 at ranks 5,3,1,2; off at 4; back at 5 with rank 4.
    const rows = buildChartRows(chart({ 1: [[0, 5], [1, 3], [2, 1], [3, 2], [5, 4]] }));
    const r = rowOf(rows, 1, 5);
    expect(f(rows, r, 'score')).toBeCloseTo(70); // 100·(11 − 4)/10
    expect(f(rows, r, 'rank_fraction')).toBeCloseTo(0.4);
    expect(f(rows, r, 'score_1w_ago')).toBe(0);
    expect(f(rows, r, 'score_2w_ago')).toBeCloseTo(90);
    expect(f(rows, r, 'score_4w_ago')).toBeCloseTo(80);
    expect(f(rows, r, 'peak_score')).toBeCloseTo(100);
    expect(f(rows, r, 'log_weeks_since_peak')).toBeCloseTo(Math.log1p(3));
    expect(f(rows, r, 'log_weeks_on_chart')).toBeCloseTo(Math.log1p(5));
    expect(f(rows, r, 'log_current_run')).toBeCloseTo(Math.log1p(1));
    expect(f(rows, r, 'log_weeks_since_debut')).toBeCloseTo(Math.log1p(5));
    expect(f(rows, r, 'debut_score')).toBeCloseTo(60);
    expect(f(rows, r, 'reentries')).toBe(1);
    // Scores over weeks 2..5 are 100, 90, 0, 70: slope = Σ(x − x̄)(y)/5 with x = −3..0.
    expect(f(rows, r, 'slope_4w')).toBeCloseTo((-1.5 * 100 - 0.5 * 90 + 0.5 * 0 + 1.5 * 70) / 5);
    expect(f(rows, r, 'audio_missing')).toBe(1);
    expect(Number.isNaN(f(rows, r, 'danceability'))).toBe(true);
  });

  it('computes the rules ahead and the shape of the run by hand', () => {
    // Song 1: weeks 0–3 at ranks 5,3,1,2 (scores 60, 80, 100, 90); off at 4; back at 5 at rank 4 (70).
    // Song 2: rank 5 at week 0, 10 at week 1, then one place better every week up to rank 2 at week 9.
    const rising = [[0, 5], ...Array.from({ length: 9 }, (_, k) => [k + 1, 10 - k])] as [number, number][];
    const rows = buildChartRows(chart({ 1: [[0, 5], [1, 3], [2, 1], [3, 2], [5, 4]], 2: rising }));
    const r = rowOf(rows, 1, 5);
    expect(f(rows, r, 'rule_ahead_26_margin')).toBeCloseTo(0.5 - 0.4); // a run of 1 week: the top half at t + 26
    expect(f(rows, r, 'rule_ahead_26_best_margin')).toBeCloseTo(0.5 - 0.1); // best of weeks 2, 3, 5: #1
    expect(f(rows, r, 'rule_ahead_52_best_margin')).toBeCloseTo(0.25 - 0.1);
    expect(f(rows, r, 'best_4w_score_vs_now')).toBeCloseTo(100 - 70);
    // Five steps since debut: +20, +20, −10, −90 (off the chart), +70.
    expect(f(rows, r, 'improved_share_8w')).toBeCloseTo(3 / 5);
    expect(f(rows, r, 'score_volatility_8w')).toBeCloseTo(Math.sqrt((400 + 400 + 100 + 8100 + 4900) / 5), 4);
    expect(f(rows, r, 'log_weeks_since_top_quarter')).toBeCloseTo(Math.log1p(2)); // #2 at week 3 (top quarter of 10: #1–#2)
    expect(f(rows, r, 'log_weeks_since_top_tenth')).toBeCloseTo(Math.log1p(3)); // #1 at week 2
    const debut = rowOf(rows, 1, 0);
    expect([f(rows, debut, 'improved_share_8w'), f(rows, debut, 'score_volatility_8w'), f(rows, debut, 'best_4w_score_vs_now')]).toEqual([0, 0, 0]);
    expect(f(rows, debut, 'rule_ahead_52_best_margin')).toBeCloseTo(0.25 - 0.5);
    expect(f(rows, debut, 'log_weeks_since_top_quarter')).toBeCloseTo(Math.log1p(1)); // never: from the week before its debut
    // Only the last 8 steps count: the fall at week 1 is out of the window at week 9.
    const up = rowOf(rows, 2, 9);
    expect(f(rows, up, 'improved_share_8w')).toBeCloseTo(1);
    expect(f(rows, up, 'score_volatility_8w')).toBeCloseTo(10, 4);
    expect(f(rows, up, 'log_weeks_since_top_quarter')).toBeCloseTo(0);
    expect(f(rows, up, 'log_weeks_since_top_tenth')).toBeCloseTo(Math.log1p(10));
    // The filler at #10 every week: 26 weeks into its run, the rules will ask for the top quarter at t + 26.
    expect(f(rows, rowOf(rows, 999, 24), 'rule_ahead_26_margin')).toBeCloseTo(0.5 - 1);
    expect(f(rows, rowOf(rows, 999, 25), 'rule_ahead_26_margin')).toBeCloseTo(0.25 - 1);
    expect(f(rows, rowOf(rows, 999, 30), 'improved_share_8w')).toBe(0);
    expect(f(rows, rowOf(rows, 999, 30), 'log_weeks_since_top_tenth')).toBeCloseTo(Math.log1p(31));
  });

  it('recognises a holiday song coming back: the season now, earlier seasons, and the same weeks last year', () => {
    // Week 0 is 2024-01-06 (the 2023 season), weeks 48–49 are December 2024, weeks 99–100 are Nov 29 / Dec 6 2025.
    const rows = buildChartRows(chart({ 1: [[0, 5], [48, 3], [49, 2], [99, 4], [100, 1]] }, 101));
    const now = rowOf(rows, 1, 100);
    expect(f(rows, now, 'holiday_season_now')).toBe(1);
    expect(f(rows, now, 'log_holiday_seasons')).toBeCloseTo(Math.log1p(2)); // 2023 and 2024; 2025 is the current one
    expect(f(rows, now, 'charted_52w_window')).toBe(1); // weeks 48–49 lie within 50–54 weeks before week 100
    expect(f(rows, now, 'holiday_share')).toBeCloseTo(1);
    const lastYear = rowOf(rows, 1, 48);
    expect(f(rows, lastYear, 'log_holiday_seasons')).toBeCloseTo(Math.log1p(1));
    expect(f(rows, lastYear, 'charted_52w_window')).toBe(0);
    const filler = rowOf(rows, 999, 60); // 2025-03-01: out of season, charting every week
    expect(f(rows, filler, 'holiday_season_now')).toBe(0);
    expect(f(rows, filler, 'log_holiday_seasons')).toBeCloseTo(Math.log1p(2));
    expect(f(rows, filler, 'charted_52w_window')).toBe(1);
  });

  it('recognises a holiday song by its title, in English or Spanish', () => {
    const meta = (title: string | null): TrackMeta => ({ primaryArtistId: null, title, releaseDay: null, durationMs: null, explicit: null, audio: null });
    const tracks = new Map([[1, meta("Rockin' Around The Christmas Tree")], [2, meta('Feliz Navidad')], [3, meta('Blinding Lights')], [4, meta(null)]]);
    const rows = buildChartRows(chart({ 1: [[0, 1]], 2: [[0, 2]], 3: [[0, 3]], 4: [[0, 4]] }, 5, tracks));
    expect([1, 2, 3, 4].map((t) => f(rows, rowOf(rows, t, 0), 'holiday_title'))).toEqual([1, 1, 0, 0]);
  });

  it('marks outcomes that only the rules before the 52-week recurrent rule kept on the chart', () => {
    // 80 weeks at #4 of 10 (below the top quarter) and at #2 (within it).
    const runs = { 1: Array.from({ length: 80 }, (_, w) => [w, 4] as [number, number]), 2: Array.from({ length: 80 }, (_, w) => [w, 2] as [number, number]) };
    const before = dayNumber('2014-01-04');
    const old = buildChartRows(chart(runs, 80, undefined, before));
    const low = rowOf(old, 1, 10, before);
    expect(old.targets[52].charting[low]).toBe(1);
    expect(old.targets[52].keptByOldRules[low]).toBe(1); // 63 weeks on at 2015-03-07, below the top quarter
    expect(old.targets[26].keptByOldRules[low]).toBe(0); // 37 weeks on then
    expect(old.targets[52].keptByOldRules[rowOf(old, 2, 10, before)]).toBe(0);
    const after = dayNumber('2016-01-02');
    const today = buildChartRows(chart(runs, 80, undefined, after));
    expect(today.targets[52].keptByOldRules[rowOf(today, 1, 10, after)]).toBe(0); // the rule was in force then
  });

  it('applies the recurrent rules to the current run, not to the weeks of earlier runs', () => {
    // 60 weeks at #4, four weeks off, back at #4 from week 64: 61+ weeks in all, a run of a few.
    const back = [...Array.from({ length: 60 }, (_, w) => [w, 4] as [number, number]), ...Array.from({ length: 16 }, (_, w) => [64 + w, 4] as [number, number])];
    const before = dayNumber('2014-01-04');
    const rows = buildChartRows(chart({ 1: back }, 80, undefined, before));
    const returned = rowOf(rows, 1, 12, before); // its +52-week target is week 64, the comeback's first week
    expect(rows.targets[52].charting[returned]).toBe(1);
    expect(rows.targets[52].keptByOldRules[returned]).toBe(0);
    expect(f(rows, rowOf(rows, 1, 59, before), 'rule_52w_run_below_quarter')).toBe(1);
    expect(f(rows, rowOf(rows, 1, 70, before), 'rule_52w_run_below_quarter')).toBe(0);
    expect(f(rows, rowOf(rows, 1, 70, before), 'weeks_ge_52')).toBe(1);
  });

  it('sets targets only where the horizon week exists, with the score then', () => {
    const rows = buildChartRows(chart({ 1: [[0, 1], [26, 3]] }, 40));
    const r0 = rowOf(rows, 1, 0);
    expect(rows.targets[26].observed[r0]).toBe(1);
    expect(rows.targets[26].charting[r0]).toBe(1);
    expect(rows.targets[26].score[r0]).toBeCloseTo(80);
    expect(rows.targets[52].observed[r0]).toBe(0);
    const r26 = rowOf(rows, 1, 26);
    expect(rows.targets[26].observed[r26]).toBe(0);
  });

  it('counts the lead artist’s earlier songs and whether they lasted, once known', () => {
    const meta = (artist: number): TrackMeta => ({ primaryArtistId: artist, title: null, releaseDay: null, durationMs: null, explicit: null, audio: null });
    const tracks = new Map([[1, meta(7)], [2, meta(7)], [3, meta(7)]]);
    const lasted = Array.from({ length: 30 }, (_, w) => [w, 1] as [number, number]);
    const rows = buildChartRows(chart({ 1: lasted, 2: [[2, 2]], 3: [[40, 5], [41, 5]] }, 60, tracks));
    const early = rowOf(rows, 3, 40);
    expect(f(rows, early, 'log_artist_prior_songs')).toBeCloseTo(Math.log1p(2));
    // Song 1's outcome (week 26) and song 2's (week 28) are known by week 40; only song 1 lasted.
    expect(f(rows, early, 'log_artist_known_outcomes')).toBeCloseTo(Math.log1p(2));
    expect(f(rows, early, 'artist_lasted_fraction')).toBeCloseTo(0.5);
    const song1 = rowOf(rows, 1, 10);
    expect(f(rows, song1, 'log_artist_prior_songs')).toBeCloseTo(Math.log1p(1)); // song 2 debuted at week 2, itself excluded
    expect(Number.isNaN(f(rows, song1, 'artist_lasted_fraction'))).toBe(true);
  });

  it('does not leak: altering everything after t leaves the vectors at t unchanged', () => {
    const { chart: full } = syntheticChart({ weeks: 90, size: 15 });
    const weeks = [...new Set(Array.from(full.days))].sort((a, b) => a - b);
    const t = weeks[50]!;
    // The future rewritten: songs with an even id vanish after t, the others change rank,
    // and a new song takes #1 every later week.
    const entries = Array.from(full.trackIds, (trackId, i) => ({ trackId, day: full.days[i]!, rank: full.ranks[i]! }))
      .filter((e) => e.day <= t || e.trackId % 2 === 1)
      .map((e) => (e.day > t ? { ...e, rank: 1 + (e.rank % 15) } : e));
    for (const day of weeks.filter((d) => d > t)) entries.push({ trackId: 1e6, day, rank: 1 });
    entries.sort((a, b) => a.trackId - b.trackId || a.day - b.day);
    const altered: ChartHistory = {
      ...full,
      trackIds: entries.map((e) => e.trackId),
      days: entries.map((e) => e.day),
      ranks: entries.map((e) => e.rank),
    };
    const a = buildChartRows(full, { onlyDays: new Set([t]) });
    const b = buildChartRows(altered, { onlyDays: new Set([t]) });
    expect(a.n).toBe(15);
    expect(Array.from(b.trackId)).toEqual(Array.from(a.trackId));
    expect(Array.from(b.x)).toEqual(Array.from(a.x));
    // …while the targets, which do look ahead, see the change.
    expect(Array.from(b.targets[26].charting)).not.toEqual(Array.from(a.targets[26].charting));
  });

  it('rejects entries that are not sorted by (track, date)', () => {
    const c = chart({ 1: [[0, 1]] });
    expect(() => buildChartRows({ ...c, trackIds: Array.from(c.trackIds).reverse() })).toThrow(/sorted by \(track, date\)/);
  });
});
