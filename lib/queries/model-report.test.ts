import { describe, expect, it } from 'vitest';
import { modelFigures } from './model-report';

describe('modelFigures', () => {
  it('labels a theme model’s accuracy beside the commonest occasion, its occasions and its time per song', () => {
    const metrics = { folds: 5, cv: { accuracy: 0.9582, confusion: [], perClass: [] }, inferenceMs: { p50: 0.05, p95: 0.152 }, labelSource: 'sample-rule', occasions: ['workout', 'party', 'sleep'] };
    expect(modelFigures('theme', metrics, { majorityAccuracy: 0.302 })).toEqual([
      { label: 'Accuracy (5-fold cross-validation)', value: '95.8%', against: 'always the commonest occasion 30.2%' },
      { label: 'Occasions', value: '3', against: 'workout, party, sleep' },
      { label: 'Time per song (p95)', value: '0.15 ms' },
    ]);
  });

  it('labels a what-if model’s R², error and interval beside the linear model and the average, minus signs included', () => {
    const metrics = { r2: 0.07405, mae: 13.73, coverage80: 0.865, testRows: 1311, cutoff: '2026-02-06', inferenceMs: { p50: 0.04, p95: 1.87 } };
    const baselines = { mean: { r2: -0.0134, mae: 17.01 }, linear: { r2: 0.0741, mae: 13.7 } };
    expect(modelFigures('attributes', metrics, baselines)).toEqual([
      { label: 'R² (1,311 newer songs)', value: '0.074', against: 'linear model 0.074 · always the average −0.013' },
      { label: 'Mean error (popularity points)', value: '13.7', against: 'linear model 13.7 · always the average 17.0' },
      { label: 'Inside the 80% interval', value: '86.5%', against: 'target 80%' },
      { label: 'Time per song (p95)', value: '1.9 ms' },
    ]);
  });

  it('gives a forecast model’s test figures per horizon beside logistic on rank', () => {
    const horizon = (auc: number, brierSkill: number) => ({ rows: 100, baseRate: 0.1, auc, brierSkill, maeP50: 5, rmseP50: 9, rmseMean: 8.456, coverage: 0.812, coverageNonZero: 0.5, intervalScore: 40.5 });
    const metrics = { horizons: { '26': horizon(0.8583, 0.3341), '52': horizon(0.8917, 0.3393) }, trainSeconds: 56.6 };
    const baselines = { horizons: { '26': { logisticRank: horizon(0.703, -0.0971) }, '52': { baseRate: horizon(0.5, 0) } } };
    const figures = modelFigures('forecast', metrics, baselines);
    expect(figures.slice(0, 5)).toEqual([
      { label: 'AUC, 26 weeks', value: '0.858', against: 'logistic on rank 0.703' },
      { label: 'Brier skill, 26 weeks', value: '0.334', against: 'logistic on rank −0.097' },
      { label: 'RMSE of the mean, 26 weeks', value: '8.46', against: 'logistic on rank 8.46' },
      { label: 'Inside p10–p90, 26 weeks', value: '81.2%', against: 'target 80%' },
      { label: 'Interval score, 26 weeks', value: '40.50', against: 'logistic on rank 40.50' },
    ]);
    // No logistic-on-rank row stored at 52 weeks: the figures stand alone.
    expect(figures[5]).toEqual({ label: 'AUC, 52 weeks', value: '0.892', against: undefined });
    expect(figures).toHaveLength(10);
  });

  it('leaves out what an older or malformed report lacks instead of failing', () => {
    expect(modelFigures('forecast', { horizons: { '26': { auc: 'x' } } }, null)).toEqual([]);
    expect(modelFigures('theme', { cv: { accuracy: 'high' }, inferenceMs: { p95: null } }, null)).toEqual([]);
    expect(modelFigures('attributes', '{"r2": 0.5}', undefined)).toEqual([]);
    expect(modelFigures('attributes', { r2: 0.5 }, { mean: { r2: 0 } })).toEqual([{ label: 'R²', value: '0.500' }]);
  });
});
