import { describe, expect, it } from 'vitest';
import { otherModelFigures } from './model-report';

describe('otherModelFigures', () => {
  it('labels a theme model’s accuracy beside the commonest occasion, its occasions and its time per song', () => {
    const metrics = { folds: 5, cv: { accuracy: 0.9582, confusion: [], perClass: [] }, inferenceMs: { p50: 0.05, p95: 0.152 }, labelSource: 'sample-rule', occasions: ['workout', 'party', 'sleep'] };
    expect(otherModelFigures('theme', metrics, { majorityAccuracy: 0.302 })).toEqual([
      { label: 'Accuracy (5-fold cross-validation)', value: '95.8%', against: 'always the commonest occasion 30.2%' },
      { label: 'Occasions', value: '3', against: 'workout, party, sleep' },
      { label: 'Time per song (p95)', value: '0.15 ms' },
    ]);
  });

  it('labels a what-if model’s R², error and interval beside the linear model and the average, minus signs included', () => {
    const metrics = { r2: 0.07405, mae: 13.73, coverage80: 0.865, testRows: 1311, cutoff: '2026-02-06', inferenceMs: { p50: 0.04, p95: 1.87 } };
    const baselines = { mean: { r2: -0.0134, mae: 17.01 }, linear: { r2: 0.0741, mae: 13.7 } };
    expect(otherModelFigures('attributes', metrics, baselines)).toEqual([
      { label: 'R² (1,311 newer songs)', value: '0.074', against: 'linear model 0.074 · always the average −0.013' },
      { label: 'Mean error (popularity points)', value: '13.7', against: 'linear model 13.7 · always the average 17.0' },
      { label: 'Inside the 80% interval', value: '86.5%', against: 'target 80%' },
      { label: 'Time per song (p95)', value: '1.9 ms' },
    ]);
  });

  it('leaves out what an older or malformed report lacks instead of failing', () => {
    expect(otherModelFigures('theme', { cv: { accuracy: 'high' }, inferenceMs: { p95: null } }, null)).toEqual([]);
    expect(otherModelFigures('attributes', '{"r2": 0.5}', undefined)).toEqual([]);
    expect(otherModelFigures('attributes', { r2: 0.5 }, { mean: { r2: 0 } })).toEqual([{ label: 'R²', value: '0.500' }]);
  });
});
