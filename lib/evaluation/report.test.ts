import { describe, expect, it } from 'vitest';
import type { HorizonMetrics } from '@/lib/models/metrics';
import { rollingTable, type RollingLine } from './report';

const metrics = (auc: number, brierSkill: number) => ({ rows: 10, baseRate: 0.1, auc, brierSkill }) as HorizonMetrics;

const line = (fold: number, group: string, model: string, auc: number, skill: number): RollingLine => ({
  fold,
  group,
  model,
  trainRows: 100,
  metrics: { 26: metrics(auc, skill), 52: metrics(auc / 2, skill / 2) },
  note: '',
});

describe('rollingTable', () => {
  it('prints every line, then each group\'s mean and min – max over its lines', () => {
    const table = rollingTable([
      line(2017, 'logistic on rank', 'logistic on rank', 0.7, 0.02),
      line(2017, 'forecast (ours)', 'forecast (ours), seed 1', 0.74, 0.1),
      line(2018, 'logistic on rank', 'logistic on rank', 0.72, 0.04),
      line(2018, 'forecast (ours)', 'forecast (ours), seed 1', 0.78, 0.06),
    ]);
    expect(table).toContain('| 2018 | forecast (ours), seed 1 | 100 | 10 | 0.100 | 0.780 | 0.060 | 10 | 0.100 | 0.390 | 0.030 |  |');
    expect(table).toContain('| logistic on rank | 2 | 0.710 (0.700 – 0.720) | 0.030 (0.020 – 0.040) | 0.355 (0.350 – 0.360) | 0.015 (0.010 – 0.020) |');
    expect(table).toContain('| forecast (ours) | 2 | 0.760 (0.740 – 0.780) | 0.080 (0.060 – 0.100) | 0.380 (0.370 – 0.390) | 0.040 (0.030 – 0.050) |');
  });
});
