/**
 * Forecast metrics: the still-charting probability (AUC, Brier, Brier skill, calibration)
 * and the score (MAE/RMSE of p50 and of the mean, p10–p90 coverage, interval score).
 * Arrays are parallel; `y` is 0/1 for probabilities and a 0–100 score for intervals.
 */

type Vec = ArrayLike<number>;

function mean(values: Vec): number {
  if (values.length === 0) return NaN;
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] as number;
  return s / values.length;
}

/** Area under the ROC curve (Mann–Whitney, ties count half); NaN when a class is absent. */
export function auc(p: Vec, y: Vec): number {
  const order = Array.from({ length: p.length }, (_, i) => i).sort((a, b) => (p[a] as number) - (p[b] as number));
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && p[order[j + 1] as number] === p[order[i] as number]) j++;
    const midRank = (i + j) / 2 + 1; // average 1-based rank of the tie group
    for (let k = i; k <= j; k++) {
      if (y[order[k] as number] === 1) {
        positives++;
        rankSum += midRank;
      }
    }
    i = j + 1;
  }
  const negatives = p.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Mean squared error of probabilities against 0/1 outcomes. */
export function brier(p: Vec, y: Vec): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += ((p[i] as number) - (y[i] as number)) ** 2;
  return p.length ? s / p.length : NaN;
}

/** 1 − Brier / (p(1 − p)) with p the base rate of the rows scored: > 0 beats the constant base rate. */
export function brierSkill(brierScore: number, baseRate: number): number {
  const reference = baseRate * (1 - baseRate);
  return reference > 0 ? 1 - brierScore / reference : NaN;
}

export interface CalibrationBin {
  /** Bin bounds on the predicted probability, [lo, hi). */
  lo: number;
  hi: number;
  count: number;
  meanPredicted: number;
  observedRate: number;
}

/** Equal-width bins of `pred` over [0, max): the mean prediction and the mean outcome in each (empty bins left out). */
function binMeans(pred: Vec, y: Vec, max: number, bins: number): { lo: number; hi: number; count: number; meanPredicted: number; meanActual: number }[] {
  const count = new Array<number>(bins).fill(0);
  const sumP = new Array<number>(bins).fill(0);
  const sumY = new Array<number>(bins).fill(0);
  for (let i = 0; i < pred.length; i++) {
    const v = pred[i] as number;
    const b = Math.min(bins - 1, Math.max(0, Math.floor((v * bins) / max)));
    count[b]!++;
    sumP[b]! += v;
    sumY[b]! += y[i] as number;
  }
  const out = [];
  for (let b = 0; b < bins; b++) {
    const c = count[b] as number;
    if (c > 0) out.push({ lo: (b * max) / bins, hi: ((b + 1) * max) / bins, count: c, meanPredicted: (sumP[b] as number) / c, meanActual: (sumY[b] as number) / c });
  }
  return out;
}

/** Reliability table: equal-width probability bins (empty bins are left out). */
export function calibrationBins(p: Vec, y: Vec, bins = 10): CalibrationBin[] {
  return binMeans(p, y, 1, bins).map(({ meanActual, ...bin }) => ({ ...bin, observedRate: meanActual }));
}

export interface ScoreBin {
  /** Bin bounds on the predicted score (0–100), [lo, hi). */
  lo: number;
  hi: number;
  count: number;
  meanPredicted: number;
  meanActual: number;
}

/** Predicted against actual score: equal-width bins of the predicted score (0–100), empty bins left out. */
export function scoreBins(pred: Vec, y: Vec, bins = 10): ScoreBin[] {
  return binMeans(pred, y, 100, bins);
}

/** Mean absolute error. */
export function mae(pred: Vec, y: Vec): number {
  let s = 0;
  for (let i = 0; i < pred.length; i++) s += Math.abs((pred[i] as number) - (y[i] as number));
  return pred.length ? s / pred.length : NaN;
}

/** Root mean squared error. */
export function rmse(pred: Vec, y: Vec): number {
  let s = 0;
  for (let i = 0; i < pred.length; i++) s += ((pred[i] as number) - (y[i] as number)) ** 2;
  return pred.length ? Math.sqrt(s / pred.length) : NaN;
}

/** Share of outcomes inside [lo, hi] (bounds included), over the rows where `keep` is true. */
export function coverage(lo: Vec, hi: Vec, y: Vec, keep?: (i: number) => boolean): number {
  let inside = 0;
  let n = 0;
  for (let i = 0; i < y.length; i++) {
    if (keep && !keep(i)) continue;
    n++;
    const v = y[i] as number;
    if (v >= (lo[i] as number) && v <= (hi[i] as number)) inside++;
  }
  return n ? inside / n : NaN;
}

/**
 * Mean interval score of central (1 − alpha) intervals (lower is better):
 * (hi − lo) + (2/alpha)·(lo − y)⁺ + (2/alpha)·(y − hi)⁺; alpha = 0.2 for p10–p90.
 */
export function intervalScore(lo: Vec, hi: Vec, y: Vec, alpha = 0.2): number {
  const k = 2 / alpha;
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const l = lo[i] as number;
    const h = hi[i] as number;
    const v = y[i] as number;
    s += h - l + k * Math.max(0, l - v) + k * Math.max(0, v - h);
  }
  return y.length ? s / y.length : NaN;
}

/** A forecast for a set of rows at one horizon. */
export interface HorizonPrediction {
  pCharting: Vec;
  p10: Vec;
  p50: Vec;
  p90: Vec;
  /** Expected score (0 off the chart counted in). */
  mean: Vec;
}

/** The report of one horizon, as stored with the model. */
export interface HorizonMetrics {
  rows: number;
  baseRate: number;
  auc: number;
  brier: number;
  brierSkill: number;
  calibration: CalibrationBin[];
  /** Mean actual score per bin of the predicted mean score. */
  predictedVsActual: ScoreBin[];
  maeP50: number;
  rmseP50: number;
  maeMean: number;
  rmseMean: number;
  coverage: number;
  /** Coverage over outcomes that are on the chart: a [0, 0] interval scores 0 here. */
  coverageNonZero: number;
  nonZeroRows: number;
  intervalScore: number;
}

/** Scores one horizon's predictions against the outcomes (charting 0/1, score 0–100). */
export function scoreHorizon(pred: HorizonPrediction, charting: Vec, score: Vec): HorizonMetrics {
  const baseRate = mean(charting);
  const b = brier(pred.pCharting, charting);
  let nonZero = 0;
  for (let i = 0; i < score.length; i++) if ((score[i] as number) > 0) nonZero++;
  return {
    rows: charting.length,
    baseRate,
    auc: auc(pred.pCharting, charting),
    brier: b,
    brierSkill: brierSkill(b, baseRate),
    calibration: calibrationBins(pred.pCharting, charting),
    predictedVsActual: scoreBins(pred.mean, score),
    maeP50: mae(pred.p50, score),
    rmseP50: rmse(pred.p50, score),
    maeMean: mae(pred.mean, score),
    rmseMean: rmse(pred.mean, score),
    coverage: coverage(pred.p10, pred.p90, score),
    coverageNonZero: coverage(pred.p10, pred.p90, score, (i) => (score[i] as number) > 0),
    nonZeroRows: nonZero,
    intervalScore: intervalScore(pred.p10, pred.p90, score),
  };
}
