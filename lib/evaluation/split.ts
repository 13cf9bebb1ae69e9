/**
 * The evaluation's fixed calendar split (issue 4): train on as-of days in the training
 * window whose horizon outcome is observed, pick the epoch on the validation window,
 * score on the test window; and the rolling-origin folds that validate year by year before
 * the test window. Pure, so the windows are unit-tested.
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

/** Rows with an as-of day in [from, to] (day numbers, bounds included) and at least one horizon observed. */
function rowsBetween(rows: ForecastRows, from: number, to: number): number[] {
  const idx: number[] = [];
  for (let r = 0; r < rows.n; r++) {
    const day = rows.day[r] as number;
    if (day >= from && day <= to && HORIZONS.some((h) => rows.targets[h].observed[r])) idx.push(r);
  }
  return idx;
}

/** Per horizon: the rows of `idx` whose outcome at that horizon is observed. */
export function observedByHorizon(rows: ForecastRows, idx: readonly number[]): Record<Horizon, number[]> {
  return Object.fromEntries(HORIZONS.map((h) => [h, idx.filter((r) => rows.targets[h].observed[r])])) as Record<Horizon, number[]>;
}

/** Splits rows by as-of day into the three windows; rows outside every window are left out. */
export function evaluationSplit(rows: ForecastRows, windows: SplitWindows): EvaluationSplit {
  const range = (w: [string, string]) => [dayNumber(w[0]), dayNumber(w[1])] as const;
  const [trainFrom, trainTo] = range(windows.train);
  const [validFrom, validTo] = range(windows.validation);
  const [testFrom, testTo] = range(windows.test);
  if (!(trainTo < validFrom && validTo < testFrom)) throw new RangeError('split windows must be in order: train < validation < test');
  return {
    train: rowsBetween(rows, trainFrom, trainTo),
    validation: rowsBetween(rows, validFrom, validTo),
    test: observedByHorizon(rows, rowsBetween(rows, testFrom, testTo)),
  };
}

/** One rolling-origin fold: train before the origin (1 January of `year`), validate on that year's as-of weeks. */
export interface RollingFold {
  year: number;
  /**
   * The rows with every outcome of an as-of week before the origin that falls on or after the origin
   * (t + 7h days ≥ 1 January) marked unobserved, per horizon: training sees nothing from the year or later.
   */
  rows: ForecastRows;
  /** As-of weeks from the training window's start to the origin with an outcome observed before the origin. */
  train: number[];
  /** As-of weeks in the year with an outcome observed (they pick the epoch and fit the calibration). */
  validation: number[];
  /** Per horizon: the validation weeks whose outcome at that horizon is observed. */
  validationByHorizon: Record<Horizon, number[]>;
}

/**
 * The fold validating on `year`: training starts where the fixed split's does; the year must end
 * before the test window starts, so no fold ever holds a test row.
 */
export function rollingFold(rows: ForecastRows, windows: SplitWindows, year: number): RollingFold {
  if (!Number.isInteger(year)) throw new RangeError(`not a year: ${year}`);
  const origin = dayNumber(`${year}-01-01`);
  const end = dayNumber(`${year}-12-31`);
  const trainFrom = dayNumber(windows.train[0]);
  if (origin <= trainFrom) throw new RangeError(`fold ${year} leaves no training weeks: the training window starts ${windows.train[0]}`);
  if (end >= dayNumber(windows.test[0])) throw new RangeError(`fold ${year} reaches the test window (from ${windows.test[0]}): rolling folds validate before it`);
  const targets = { ...rows.targets };
  for (const h of HORIZONS) {
    const observed = rows.targets[h].observed.slice();
    for (let r = 0; r < rows.n; r++) {
      const day = rows.day[r] as number;
      if (day < origin && day + 7 * h >= origin) observed[r] = 0;
    }
    targets[h] = { ...rows.targets[h], observed };
  }
  const censored: ForecastRows = { ...rows, targets };
  const validation = rowsBetween(censored, origin, end);
  return { year, rows: censored, train: rowsBetween(censored, trainFrom, origin - 1), validation, validationByHorizon: observedByHorizon(censored, validation) };
}
