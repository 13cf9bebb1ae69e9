import { describe, expect, it } from 'vitest';
import { FEATURE_COUNT, dayNumber } from '@/lib/features/forecast-features';
import type { ForecastRows } from '@/lib/features/forecast-rows';
import { evaluationSplit, rollingFold, type SplitWindows } from './split';

const WINDOWS: SplitWindows = { train: ['2000-01-01', '2017-12-31'], validation: ['2018-01-01', '2018-12-31'], test: ['2019-01-01', '2023-06-30'] };

/** Rows at the given as-of dates; `observed` says which horizons have an outcome. */
function rowsAt(specs: { date: string; observed: [0 | 1, 0 | 1] }[]): ForecastRows {
  const n = specs.length;
  return {
    n,
    x: new Float32Array(n * FEATURE_COUNT),
    chartId: new Int32Array(n),
    trackId: Int32Array.from(specs, (_, i) => i),
    day: Int32Array.from(specs, (s) => dayNumber(s.date)),
    score: new Float32Array(n),
    rankFraction: new Float32Array(n),
    targets: {
      26: { observed: Uint8Array.from(specs, (s) => s.observed[0]), charting: new Uint8Array(n), score: new Float32Array(n), keptByOldRules: new Uint8Array(n) },
      52: { observed: Uint8Array.from(specs, (s) => s.observed[1]), charting: new Uint8Array(n), score: new Float32Array(n), keptByOldRules: new Uint8Array(n) },
    },
  };
}

describe('evaluationSplit', () => {
  it('puts each as-of day in its window, window bounds included', () => {
    const rows = rowsAt([
      { date: '1999-12-25', observed: [1, 1] }, // before training: left out
      { date: '2000-01-01', observed: [1, 1] },
      { date: '2017-12-31', observed: [1, 1] },
      { date: '2018-01-06', observed: [1, 1] },
      { date: '2018-12-29', observed: [1, 1] },
      { date: '2019-01-05', observed: [1, 1] },
      { date: '2023-06-30', observed: [1, 1] },
      { date: '2023-07-01', observed: [1, 1] }, // after the test window: left out
    ]);
    const split = evaluationSplit(rows, WINDOWS);
    expect(split.train).toEqual([1, 2]);
    expect(split.validation).toEqual([3, 4]);
    expect(split.test[26]).toEqual([5, 6]);
    expect(split.test[52]).toEqual([5, 6]);
  });

  it('keeps only rows whose outcome is observed, per horizon for the test', () => {
    const rows = rowsAt([
      { date: '2010-05-01', observed: [0, 0] }, // no outcome at all: not a training row
      { date: '2010-05-08', observed: [1, 0] },
      { date: '2020-03-07', observed: [1, 0] },
      { date: '2020-03-14', observed: [0, 1] },
      { date: '2020-03-21', observed: [0, 0] },
    ]);
    const split = evaluationSplit(rows, WINDOWS);
    expect(split.train).toEqual([1]);
    expect(split.test[26]).toEqual([2]);
    expect(split.test[52]).toEqual([3]);
  });

  it('rejects windows out of order', () => {
    const rows = rowsAt([]);
    expect(() => evaluationSplit(rows, { ...WINDOWS, validation: ['2017-06-01', '2018-12-31'] })).toThrow(/in order/);
  });
});

describe('rollingFold', () => {
  it('trains before the fold year and validates on its weeks, never on later ones', () => {
    const rows = rowsAt([
      { date: '1999-06-05', observed: [1, 1] }, // before the training window: left out
      { date: '2000-01-01', observed: [1, 1] },
      { date: '2016-05-07', observed: [1, 1] }, // +26 and +52 weeks both before 2017
      { date: '2017-01-07', observed: [1, 1] },
      { date: '2017-12-30', observed: [1, 1] },
      { date: '2018-01-06', observed: [1, 1] }, // after the fold year: in no set
      { date: '2019-03-02', observed: [1, 1] }, // a test week: in no set
    ]);
    const fold = rollingFold(rows, WINDOWS, 2017);
    expect(fold.train).toEqual([1, 2]);
    expect(fold.validation).toEqual([3, 4]);
    expect(fold.validationByHorizon[26]).toEqual([3, 4]);
    expect(fold.validationByHorizon[52]).toEqual([3, 4]);
  });

  it('counts a training outcome only when it is observed before 1 January of the fold year, per horizon', () => {
    // 2016-07-02 + 26 weeks = 2016-12-31 (before 2017); + 52 weeks = 2017-07-01 (inside it).
    // 2016-07-09 + 26 weeks = 2017-01-07: no outcome before 2017 at either horizon.
    const rows = rowsAt([
      { date: '2016-01-02', observed: [1, 1] }, // + 52 weeks = 2016-12-31
      { date: '2016-01-09', observed: [1, 1] }, // + 52 weeks = 2017-01-07
      { date: '2016-07-02', observed: [1, 1] },
      { date: '2016-07-03', observed: [1, 1] }, // + 26 weeks = 2017-01-01, the origin itself
      { date: '2016-07-09', observed: [1, 1] },
      { date: '2017-03-04', observed: [1, 0] }, // validation week without a +52 outcome in the data
    ]);
    const fold = rollingFold(rows, WINDOWS, 2017);
    expect(fold.train).toEqual([0, 1, 2]);
    expect(Array.from(fold.rows.targets[26].observed)).toEqual([1, 1, 1, 0, 0, 1]);
    expect(Array.from(fold.rows.targets[52].observed)).toEqual([1, 0, 0, 0, 0, 0]);
    expect(fold.validation).toEqual([5]);
    expect(fold.validationByHorizon[26]).toEqual([5]);
    expect(fold.validationByHorizon[52]).toEqual([]);
    // The input rows are not changed.
    expect(Array.from(rows.targets[52].observed)).toEqual([1, 1, 1, 1, 1, 0]);
  });

  it('rejects a fold that reaches the test window or leaves no training weeks', () => {
    const rows = rowsAt([]);
    expect(() => rollingFold(rows, WINDOWS, 2019)).toThrow(/test window/);
    expect(() => rollingFold(rows, WINDOWS, 2018)).not.toThrow();
    expect(() => rollingFold(rows, WINDOWS, 2000)).toThrow(/no training weeks/);
  });
});
