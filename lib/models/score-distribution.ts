/**
 * The score at the horizon is a mixture: 0 (off the chart) with probability 1 − p, else a
 * score on the chart, between the chart's lowest positive score (100/size) and 100.
 * The network predicts p and the conditional quantiles c10 ≤ c50 ≤ c90 of the score given
 * that the song charts; the unconditional p10/p50/p90 follow exactly from the mixture:
 *   Q(τ) = 0                       when τ ≤ 1 − p,
 *   Q(τ) = C((τ − (1 − p)) / p)    otherwise,
 * with C the piecewise-linear conditional quantile function through
 * (0, floor), (0.1, c10), (0.5, c50), (0.9, c90), (1, 100).
 * So the intervals inherit the calibration of the still-charting probability.
 */

export interface ConditionalQuantiles {
  c10: number;
  c50: number;
  c90: number;
}

const LEVELS = [0, 0.1, 0.5, 0.9, 1] as const;

/** The conditional quantile function C(u), u ∈ [0, 1], with the knots clamped into [floor, 100] in order. */
export function conditionalQuantile(u: number, q: ConditionalQuantiles, floor: number): number {
  const c10 = Math.min(100, Math.max(floor, q.c10));
  const c50 = Math.min(100, Math.max(c10, q.c50));
  const c90 = Math.min(100, Math.max(c50, q.c90));
  const knots = [floor, c10, c50, c90, 100];
  const v = Math.min(1, Math.max(0, u));
  for (let k = 1; k < LEVELS.length; k++) {
    const hi = LEVELS[k] as number;
    if (v <= hi) {
      const lo = LEVELS[k - 1] as number;
      const a = knots[k - 1] as number;
      const b = knots[k] as number;
      return a + ((b - a) * (v - lo)) / (hi - lo);
    }
  }
  return 100;
}

/** Quantile τ of the mixture (0 w.p. 1 − p, else C). */
export function mixtureQuantile(tau: number, p: number, q: ConditionalQuantiles, floor: number): number {
  if (p <= 0 || tau <= 1 - p) return 0;
  return conditionalQuantile((tau - (1 - p)) / p, q, floor);
}

/**
 * Mean of the mixture: p × the mean of C, which is piecewise linear in u, so its mean is the
 * sum of the trapezoids between the knots. RMSE is scored better on this than on p50.
 */
export function mixtureMean(p: number, q: ConditionalQuantiles, floor: number): number {
  if (p <= 0) return 0;
  let area = 0;
  for (let k = 1; k < LEVELS.length; k++) {
    const lo = LEVELS[k - 1] as number;
    const hi = LEVELS[k] as number;
    area += ((hi - lo) * (conditionalQuantile(lo, q, floor) + conditionalQuantile(hi, q, floor))) / 2;
  }
  return p * area;
}
