import { describe, expect, it } from 'vitest';
import { FEATURE_COUNT, dayNumber } from '@/lib/features/forecast-features';
import type { ForecastRows } from '@/lib/features/forecast-rows';
import { evaluationSplit, type SplitWindows } from './split';

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
