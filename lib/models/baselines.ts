/**
 * The baselines every forecast model must beat, fitted on the training rows of one horizon
 * and applied to the same held-out rows as the model:
 * - baseRate: P = training base rate, score quantiles = the training outcomes' quantiles;
 * - persistence: the song stays as it is (P = 1, score = current score);
 * - zero: the song is gone (P = 0, score 0);
 * - logisticRank: P = σ(a + b·rank/size) fitted on the training rows; its score quantiles
 *   are those of "current score with probability P, else 0".
 */
import { sigmoid } from './logistic';
import type { HorizonPrediction } from './metrics';

export const BASELINES = ['baseRate', 'persistence', 'zero', 'logisticRank'] as const;
export type BaselineName = (typeof BASELINES)[number];

/** One horizon's rows: outcomes plus what the baselines look at. */
export interface HorizonRows {
  charting: ArrayLike<number>;
  /** Outcome score 0–100 (0 off the chart). */
  score: ArrayLike<number>;
  currentScore: ArrayLike<number>;
  rankFraction: ArrayLike<number>;
}

export interface BaselineFit {
  baseRate: number;
  /** Training outcome score quantiles p10, p50, p90, and its mean. */
  scoreQuantiles: [number, number, number];
  scoreMean: number;
  logistic: { a: number; b: number };
}

/** Empirical quantile (linear interpolation) of a sorted array. */
function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}

/**
 * Logistic regression of a 0/1 outcome on one variable, P = σ(a + b·x), by Newton's method
 * (two parameters, exact): the rank baseline, and the forecast's Platt calibration.
 */
export function fitLogistic(xs: ArrayLike<number>, charting: ArrayLike<number>, iterations = 30): { a: number; b: number } {
  let a = 0;
  let b = 0;
  for (let it = 0; it < iterations; it++) {
    // Gradient g and Hessian H of the mean log-likelihood, with a tiny ridge for separable data.
    let g0 = 0, g1 = 0, h00 = 1e-6, h01 = 0, h11 = 1e-6;
    for (let i = 0; i < charting.length; i++) {
      const x = xs[i] as number;
      const p = sigmoid(a + b * x);
      const r = (charting[i] as number) - p;
      const w = p * (1 - p);
      g0 += r;
      g1 += r * x;
      h00 += w;
      h01 += w * x;
      h11 += w * x * x;
    }
    const det = h00 * h11 - h01 * h01;
    if (!(Math.abs(det) > 1e-12)) break;
    const da = (h11 * g0 - h01 * g1) / det;
    const db = (h00 * g1 - h01 * g0) / det;
    a += da;
    b += db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { a, b };
}

/** Fits every baseline on one horizon's training rows. */
export function fitBaselines(train: HorizonRows): BaselineFit {
  const n = train.charting.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += train.charting[i] as number;
  const sorted = Float64Array.from(train.score).sort();
  return {
    scoreMean: n ? sorted.reduce((a, b) => a + b, 0) / n : 0,
    baseRate: n ? positives / n : 0,
    scoreQuantiles: [quantile(sorted, 0.1), quantile(sorted, 0.5), quantile(sorted, 0.9)],
    logistic: fitLogistic(train.rankFraction, train.charting),
  };
}

/** A baseline's forecast for the given rows. */
export function predictBaseline(name: BaselineName, fit: BaselineFit, rows: HorizonRows): HorizonPrediction {
  const n = rows.charting.length;
  const p = new Float64Array(n);
  const p10 = new Float64Array(n);
  const p50 = new Float64Array(n);
  const p90 = new Float64Array(n);
  const mean = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const current = rows.currentScore[i] as number;
    if (name === 'baseRate') {
      p[i] = fit.baseRate;
      [p10[i], p50[i], p90[i]] = fit.scoreQuantiles;
      mean[i] = fit.scoreMean;
    } else if (name === 'persistence') {
      p[i] = 1;
      p10[i] = p50[i] = p90[i] = mean[i] = current;
    } else if (name === 'logisticRank') {
      const pi = sigmoid(fit.logistic.a + fit.logistic.b * (rows.rankFraction[i] as number));
      p[i] = pi;
      // Quantile τ of {0 w.p. 1 − P, current w.p. P} is current once τ ≥ 1 − P.
      p10[i] = 0.1 >= 1 - pi ? current : 0;
      p50[i] = 0.5 >= 1 - pi ? current : 0;
      p90[i] = 0.9 >= 1 - pi ? current : 0;
      mean[i] = pi * current;
    }
    // 'zero' leaves everything at 0.
  }
  return { pCharting: p, p10, p50, p90, mean };
}
