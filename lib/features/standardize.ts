/**
 * Column standardisation for row-major feature matrices. Missing values (NaN) are left
 * out of the statistics and become 0 (the training mean) when standardised, and so does every
 * value of a column that was constant over the training rows.
 */

export interface Standardization {
  mean: number[];
  std: number[];
}

/** Mean and standard deviation of each column over the rows that have a value. */
export function fitStandardization(x: Float32Array, dim: number, rows?: ArrayLike<number>): Standardization {
  const count = new Float64Array(dim);
  const sum = new Float64Array(dim);
  const sumSq = new Float64Array(dim);
  const n = rows ? rows.length : x.length / dim;
  for (let i = 0; i < n; i++) {
    const base = (rows ? (rows[i] as number) : i) * dim;
    for (let k = 0; k < dim; k++) {
      const v = x[base + k] as number;
      if (Number.isNaN(v)) continue;
      count[k]!++;
      sum[k]! += v;
      sumSq[k]! += v * v;
    }
  }
  const mean: number[] = [];
  const std: number[] = [];
  for (let k = 0; k < dim; k++) {
    const c = count[k] as number;
    const m = c > 0 ? (sum[k] as number) / c : 0;
    const variance = c > 0 ? Math.max(0, (sumSq[k] as number) / c - m * m) : 0;
    mean.push(m);
    // A column constant over the training rows gets std 0 and reads as 0 everywhere: the network never
    // saw it vary, so its weights on it are still the random initial ones (Top 50's training months
    // have no holiday season, its test months do).
    std.push(variance > 1e-12 ? Math.sqrt(variance) : 0);
  }
  return { mean, std };
}

/** A standardised copy of the given rows (all rows when `rows` is omitted); NaN → 0. */
export function applyStandardization(x: Float32Array, dim: number, s: Standardization, rows?: ArrayLike<number>): Float32Array {
  if (s.mean.length !== dim || s.std.length !== dim) {
    throw new RangeError(`standardisation has ${s.mean.length} columns, the features have ${dim}`);
  }
  const n = rows ? rows.length : x.length / dim;
  const out = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    const src = (rows ? (rows[i] as number) : i) * dim;
    for (let k = 0; k < dim; k++) {
      const v = x[src + k] as number;
      const std = s.std[k] as number;
      out[i * dim + k] = Number.isNaN(v) || std === 0 ? 0 : (v - (s.mean[k] as number)) / std;
    }
  }
  return out;
}

/** The first `keep` of each row's `dim` values, contiguous (rows whose later columns a reader skips). */
export function leadingColumns(x: Float32Array, dim: number, keep: number): Float32Array {
  const n = x.length / dim;
  const out = new Float32Array(n * keep);
  for (let i = 0; i < n; i++) out.set(x.subarray(i * dim, i * dim + keep), i * keep);
  return out;
}
