/**
 * Logistic regression with an offset: the second stage of a forecast model's fit, which adds a bias-free
 * linear term w·x to a frozen network's still-charting logit. Newton's method on the weighted mean
 * log-loss plus an L2 penalty (strictly convex), so the fit is exact and deterministic; no TF.js variable
 * is involved, so nothing can train the network by accident.
 */
import { sigmoid } from './logistic';

export interface OffsetLogisticData {
  /** Row-major inputs, `dim` values a row. */
  x: Float32Array;
  dim: number;
  /** The fixed logit each row starts from. */
  offset: ArrayLike<number>;
  /** Outcomes, 0 or 1. */
  y: ArrayLike<number>;
  /** Row weights (the loss is their weighted mean). */
  weight: ArrayLike<number>;
}

/** Weighted mean log-loss of σ(offset + w·x) plus l2·Σw². */
function objective(d: OffsetLogisticData, w: readonly number[], l2: number): number {
  let loss = 0;
  let total = 0;
  for (let i = 0; i < d.y.length; i++) {
    let z = d.offset[i] as number;
    for (let k = 0; k < d.dim; k++) z += (w[k] as number) * (d.x[i * d.dim + k] as number);
    // log(1 + e^z) − y·z, stable for large |z|.
    loss += (d.weight[i] as number) * (Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - (d.y[i] as number) * z);
    total += d.weight[i] as number;
  }
  return loss / total + l2 * w.reduce((a, v) => a + v * v, 0);
}

/** Solves A·s = b (A symmetric positive definite, row-major dim × dim) by Gaussian elimination with partial pivoting. */
function solve(a: Float64Array, b: Float64Array, dim: number): Float64Array {
  const m = Float64Array.from(a);
  const s = Float64Array.from(b);
  for (let c = 0; c < dim; c++) {
    let pivot = c;
    for (let r = c + 1; r < dim; r++) if (Math.abs(m[r * dim + c] as number) > Math.abs(m[pivot * dim + c] as number)) pivot = r;
    if (pivot !== c) {
      for (let k = 0; k < dim; k++) [m[c * dim + k], m[pivot * dim + k]] = [m[pivot * dim + k] as number, m[c * dim + k] as number];
      [s[c], s[pivot]] = [s[pivot] as number, s[c] as number];
    }
    for (let r = c + 1; r < dim; r++) {
      const f = (m[r * dim + c] as number) / (m[c * dim + c] as number);
      for (let k = c; k < dim; k++) m[r * dim + k]! -= f * (m[c * dim + k] as number);
      s[r]! -= f * (s[c] as number);
    }
  }
  for (let c = dim - 1; c >= 0; c--) {
    let v = s[c] as number;
    for (let k = c + 1; k < dim; k++) v -= (m[c * dim + k] as number) * (s[k] as number);
    s[c] = v / (m[c * dim + c] as number);
  }
  return s;
}

/**
 * The weights w (no intercept: the offset carries it) minimising the weighted mean log-loss of
 * σ(offset + w·x) plus l2·Σw², from w = 0; all zeros when no row has weight.
 */
export function fitOffsetLogistic(d: OffsetLogisticData, l2: number, maxIterations = 50): number[] {
  const { x, dim } = d;
  let w = new Array<number>(dim).fill(0);
  let total = 0;
  for (let i = 0; i < d.y.length; i++) total += d.weight[i] as number;
  if (!(total > 0)) return w;
  let current = objective(d, w, l2);
  for (let it = 0; it < maxIterations; it++) {
    const g = new Float64Array(dim);
    const h = new Float64Array(dim * dim);
    for (let i = 0; i < d.y.length; i++) {
      const wi = (d.weight[i] as number) / total;
      if (wi === 0) continue;
      let z = d.offset[i] as number;
      for (let k = 0; k < dim; k++) z += (w[k] as number) * (x[i * dim + k] as number);
      const p = sigmoid(z);
      const r = wi * (p - (d.y[i] as number));
      const c = wi * p * (1 - p);
      for (let k = 0; k < dim; k++) {
        const xk = x[i * dim + k] as number;
        g[k]! += r * xk;
        for (let l = 0; l <= k; l++) h[k * dim + l]! += c * xk * (x[i * dim + l] as number);
      }
    }
    for (let k = 0; k < dim; k++) {
      g[k]! += 2 * l2 * (w[k] as number);
      h[k * dim + k]! += 2 * l2;
      for (let l = 0; l < k; l++) h[l * dim + k] = h[k * dim + l] as number;
    }
    const step = solve(h, g, dim);
    // Newton's step, halved while it does not lower the objective (rarely needed: the problem is convex).
    let next: number[] | null = null;
    for (let tries = 0, scale = 1; tries < 30 && !next; tries++, scale /= 2) {
      const candidate = w.map((v, k) => v - scale * (step[k] as number));
      const value = objective(d, candidate, l2);
      if (value <= current) {
        next = candidate;
        current = value;
      }
    }
    if (!next) break;
    const moved = next.reduce((m, v, k) => Math.max(m, Math.abs(v - (w[k] as number))), 0);
    w = next;
    if (moved < 1e-10) break;
  }
  return w;
}
