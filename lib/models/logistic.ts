/** The logistic function and its inverse, shared by the network's outputs, its calibration, the linear path and the baselines. */

/** 1 / (1 + e^−z). */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** log(p / (1 − p)), with p clamped so 0 and 1 stay finite. */
export function logit(p: number): number {
  const q = Math.min(1 - 1e-7, Math.max(1e-7, p));
  return Math.log(q / (1 - q));
}
