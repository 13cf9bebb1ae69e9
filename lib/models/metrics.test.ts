import { describe, expect, it } from 'vitest';
import { auc, brier, brierSkill, calibrationBins, coverage, intervalScore, mae, rmse, scoreBins, scoreHorizon } from './metrics';

describe('metrics on hand-computed cases', () => {
  const p = [0.1, 0.4, 0.35, 0.8];
  const y = [0, 0, 1, 1];

  it('AUC: pairs ranked right, ties half, undefined for one class', () => {
    expect(auc(p, y)).toBeCloseTo(0.75); // 3 of the 4 (positive, negative) pairs are ordered right
    expect(auc([0.5, 0.5], [0, 1])).toBeCloseTo(0.5);
    expect(auc([0.2, 0.9, 0.9], [0, 1, 0])).toBeCloseTo(0.75); // one win, one tie
    expect(auc([0.1, 0.2], [1, 1])).toBeNaN();
  });

  it('Brier score and skill against the base rate', () => {
    expect(brier(p, y)).toBeCloseTo((0.01 + 0.16 + 0.4225 + 0.04) / 4);
    expect(brierSkill(0.158125, 0.5)).toBeCloseTo(1 - 0.158125 / 0.25);
    expect(brierSkill(0.1, 0)).toBeNaN();
  });

  it('calibration bins', () => {
    expect(calibrationBins([0.05, 0.15, 0.12, 0.95, 1], [0, 1, 0, 1, 1])).toEqual([
      { lo: 0, hi: 0.1, count: 1, meanPredicted: 0.05, observedRate: 0 },
      { lo: 0.1, hi: 0.2, count: 2, meanPredicted: expect.closeTo(0.135) as unknown as number, observedRate: 0.5 },
      { lo: 0.9, hi: 1, count: 2, meanPredicted: expect.closeTo(0.975) as unknown as number, observedRate: 1 },
    ]);
  });

  it('predicted-against-actual score bins', () => {
    expect(scoreBins([0, 0, 4, 55, 100], [0, 10, 20, 40, 90])).toEqual([
      { lo: 0, hi: 10, count: 3, meanPredicted: expect.closeTo(4 / 3) as unknown as number, meanActual: 10 },
      { lo: 50, hi: 60, count: 1, meanPredicted: 55, meanActual: 40 },
      { lo: 90, hi: 100, count: 1, meanPredicted: 100, meanActual: 90 },
    ]);
  });

  it('MAE, RMSE, coverage and the interval score', () => {
    expect(mae([1, 2, 3], [2, 2, 5])).toBeCloseTo(1);
    expect(rmse([1, 2, 3], [2, 2, 5])).toBeCloseTo(Math.sqrt(5 / 3));
    expect(coverage([0, 0, 10], [10, 5, 20], [10, 6, 0])).toBeCloseTo(1 / 3);
    expect(coverage([0, 0, 10], [10, 5, 20], [10, 6, 0], (i) => [10, 6, 0][i]! > 0)).toBeCloseTo(0.5);
    // width 10 each; 5 is 5 below → +50; 30 is 10 above → +100.
    expect(intervalScore([10, 10, 10], [20, 20, 20], [15, 5, 30])).toBeCloseTo((10 + 60 + 110) / 3);
  });

  it('scores one horizon as a whole', () => {
    const m = scoreHorizon({ pCharting: p, p10: [0, 0, 0, 40], p50: [0, 0, 0, 60], p90: [0, 10, 50, 80], mean: [0, 5, 20, 60] }, y, [0, 0, 30, 70]);
    expect(m).toMatchObject({ rows: 4, baseRate: 0.5, nonZeroRows: 2, coverage: 1, coverageNonZero: 1 });
    expect(m.maeP50).toBeCloseTo((30 + 10) / 4);
    expect(m.maeMean).toBeCloseTo((5 + 10 + 10) / 4);
    expect(m.rmseMean).toBeCloseTo(Math.sqrt((25 + 100 + 100) / 4));
    expect(m.predictedVsActual).toEqual([
      { lo: 0, hi: 10, count: 2, meanPredicted: 2.5, meanActual: 0 },
      { lo: 20, hi: 30, count: 1, meanPredicted: 20, meanActual: 30 },
      { lo: 60, hi: 70, count: 1, meanPredicted: 60, meanActual: 70 },
    ]);
    expect(m.intervalScore).toBeCloseTo((0 + 10 + 50 + 40) / 4);
  });
});
