/** Stratified k-fold splits and classification scores (confusion matrix, per-class precision and recall). */
import { shuffleInPlace } from '@/lib/models/random';

/**
 * Assigns each row a fold 0..k−1 so every class is spread evenly over the folds:
 * the rows of each class are shuffled, then dealt out in turn.
 */
export function stratifiedFolds(labels: ArrayLike<number>, k: number, random: () => number): Int32Array {
  if (k < 2) throw new RangeError(`k-fold needs k ≥ 2, got ${k}`);
  const folds = new Int32Array(labels.length);
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i] as number;
    byClass.set(c, [...(byClass.get(c) ?? []), i]);
  }
  let next = 0;
  for (const rows of [...byClass.entries()].sort(([a], [b]) => a - b).map(([, r]) => r)) {
    shuffleInPlace(rows, random);
    // Continue dealing where the last class stopped, so small classes do not all start in fold 0.
    for (const row of rows) folds[row] = next++ % k;
  }
  return folds;
}

export interface ClassScores {
  /** Share of rows predicted as the class that are the class; null when nothing was predicted as it. */
  precision: number | null;
  /** Share of the class's rows predicted as it; null when the class has no rows. */
  recall: number | null;
  support: number;
}

export interface ClassificationReport {
  accuracy: number;
  /** confusion[actual][predicted] row counts. */
  confusion: number[][];
  perClass: ClassScores[];
}

/** Scores predictions against labels over `classes` classes. */
export function classificationReport(actual: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): ClassificationReport {
  if (actual.length !== predicted.length) throw new RangeError(`${actual.length} labels but ${predicted.length} predictions`);
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  let correct = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] as number;
    const p = predicted[i] as number;
    confusion[a]![p]!++;
    if (a === p) correct++;
  }
  const perClass = confusion.map((row, c) => {
    const support = row.reduce((s, v) => s + v, 0);
    const predictedAs = confusion.reduce((s, r) => s + (r[c] ?? 0), 0);
    const hit = row[c] ?? 0;
    return { precision: predictedAs === 0 ? null : hit / predictedAs, recall: support === 0 ? null : hit / support, support };
  });
  return { accuracy: actual.length === 0 ? 0 : correct / actual.length, confusion, perClass };
}

/** The p-th percentile (0–100) of `values` by nearest rank; null for none. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? null;
}
