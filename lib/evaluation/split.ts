/**
 * The evaluation's fixed calendar split (issue 4): train on as-of days in the training
 * window whose horizon outcome is observed, pick the epoch on the validation window,
 * score on the test window. Pure, so the windows are unit-tested.
 */
import { dayNumber } from '@/lib/features/forecast-features';
import { HORIZONS, type ForecastRows, type Horizon } from '@/lib/features/forecast-rows';

/** Inclusive ISO date windows of one data set's split. */
export interface SplitWindows {
  train: [string, string];
  validation: [string, string];
  test: [string, string];
}

export interface EvaluationSplit {
  /** Rows with an as-of day in the training window and at least one horizon observed. */
  train: number[];
  validation: number[];
  /** Per horizon: test-window rows whose outcome at that horizon is observed. */
  test: Record<Horizon, number[]>;
}

/** Splits rows by as-of day into the three windows; rows outside every window are left out. */
export function evaluationSplit(rows: ForecastRows, windows: SplitWindows): EvaluationSplit {
  const range = (w: [string, string]) => [dayNumber(w[0]), dayNumber(w[1])] as const;
  const [trainFrom, trainTo] = range(windows.train);
  const [validFrom, validTo] = range(windows.validation);
  const [testFrom, testTo] = range(windows.test);
  if (!(trainTo < validFrom && validTo < testFrom)) throw new RangeError('split windows must be in order: train < validation < test');
  const split: EvaluationSplit = { train: [], validation: [], test: { 26: [], 52: [] } };
  for (let r = 0; r < rows.n; r++) {
    const day = rows.day[r] as number;
    const observed = HORIZONS.filter((h) => rows.targets[h].observed[r]);
    if (observed.length === 0) continue;
    if (day >= trainFrom && day <= trainTo) split.train.push(r);
    else if (day >= validFrom && day <= validTo) split.validation.push(r);
    else if (day >= testFrom && day <= testTo) for (const h of observed) split.test[h].push(r);
  }
  return split;
}
