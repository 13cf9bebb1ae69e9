import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/models/random';
import { classificationReport, percentile, stratifiedFolds } from './cv';

describe('stratifiedFolds', () => {
  it('spreads every class evenly over the folds', () => {
    const labels = [...new Array(50).fill(0), ...new Array(20).fill(1), ...new Array(5).fill(2)];
    const folds = stratifiedFolds(labels, 5, seededRandom(3));
    for (const c of [0, 1, 2]) {
      const counts = [0, 0, 0, 0, 0];
      labels.forEach((l, i) => l === c && counts[folds[i]!]!++);
      expect(Math.max(...counts) - Math.min(...counts)).toBe(0);
    }
  });

  it('is deterministic for a seed and refuses k < 2', () => {
    const labels = [0, 1, 0, 1, 0, 1, 1, 0];
    expect(stratifiedFolds(labels, 2, seededRandom(9))).toEqual(stratifiedFolds(labels, 2, seededRandom(9)));
    expect(() => stratifiedFolds(labels, 1, seededRandom(9))).toThrow(/k ≥ 2/);
  });
});

describe('classificationReport', () => {
  it('counts the confusion matrix and per-class precision and recall', () => {
    const r = classificationReport([0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 0, 1], 3);
    expect(r.confusion).toEqual([[2, 1, 0], [1, 1, 0], [0, 1, 0]]);
    expect(r.accuracy).toBeCloseTo(3 / 6);
    expect(r.perClass[0]).toEqual({ precision: 2 / 3, recall: 2 / 3, support: 3 });
    expect(r.perClass[1]).toEqual({ precision: 1 / 3, recall: 1 / 2, support: 2 });
    expect(r.perClass[2]).toEqual({ precision: null, recall: 0, support: 1 });
  });
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    expect(percentile([5, 1, 4, 2, 3], 95)).toBe(5);
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([], 95)).toBeNull();
  });
});
