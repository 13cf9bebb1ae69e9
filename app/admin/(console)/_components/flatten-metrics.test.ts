import { describe, expect, it } from 'vitest';
import { flattenMetrics, formatMetric, sideBySide } from './flatten-metrics';

describe('flattenMetrics', () => {
  it('lists the finite numbers of any nesting with their paths, skipping arrays, strings and NaN', () => {
    const report = { '26': { auc: 0.81, brier: 0.12, calibration: [{ lo: 0 }], note: 'x' }, rows: 1200, bad: Number.NaN };
    expect(flattenMetrics(report)).toEqual([
      { key: '26 · auc', value: 0.81 },
      { key: '26 · brier', value: 0.12 },
      { key: 'rows', value: 1200 },
    ]);
    expect(flattenMetrics(null)).toEqual([]);
    expect(flattenMetrics('text')).toEqual([]);
  });

  it('puts versions side by side with a gap where a version lacks a metric', () => {
    expect(sideBySide([{ auc: 0.8, mae: 10 }, { auc: 0.7 }])).toEqual([
      { key: 'auc', values: [0.8, 0.7] },
      { key: 'mae', values: [10, null] },
    ]);
  });
});

describe('formatMetric', () => {
  it('keeps four significant digits and shows a dash for a missing value', () => {
    expect(formatMetric(0.812345)).toBe('0.8123');
    expect(formatMetric(12345)).toBe('12,345');
    expect(formatMetric(null)).toBe('–');
  });
});
