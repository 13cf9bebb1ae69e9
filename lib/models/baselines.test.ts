import { describe, expect, it } from 'vitest';
import { fitBaselines, fitLogistic, predictBaseline } from './baselines';
import type { HorizonPrediction } from './metrics';

const plain = (p: HorizonPrediction) => ({ pCharting: Array.from(p.pCharting), p10: Array.from(p.p10), p50: Array.from(p.p50), p90: Array.from(p.p90), mean: Array.from(p.mean) });

describe('baselines', () => {
  it('fits the logistic on rank exactly on grouped data', () => {
    // 80% still charting at rank fraction 0, 20% at 1: σ(a) = 0.8, σ(a + b) = 0.2.
    const x = [...Array(1000).fill(0), ...Array(1000).fill(1)];
    const y = [...Array(800).fill(1), ...Array(200).fill(0), ...Array(200).fill(1), ...Array(800).fill(0)];
    const { a, b } = fitLogistic(x, y);
    expect(a).toBeCloseTo(Math.log(4), 5);
    expect(b).toBeCloseTo(-2 * Math.log(4), 5);
  });

  it('predicts base rate, persistence, zero and the rank logistic’s mixture quantiles', () => {
    const train = { charting: [1, 0, 0, 0, 1], score: [50, 0, 0, 0, 100], currentScore: [90, 10, 20, 30, 95], rankFraction: [0.1, 0.9, 0.8, 0.7, 0.05] };
    const fit = fitBaselines(train);
    expect(fit.baseRate).toBeCloseTo(0.4);
    expect(fit.scoreQuantiles).toEqual([0, 0, expect.closeTo(80) as unknown as number]);
    expect(fit.scoreMean).toBeCloseTo(30);
    const rows = { charting: [1], score: [60], currentScore: [70], rankFraction: [0.3] };
    expect(plain(predictBaseline('persistence', fit, rows))).toEqual({ pCharting: [1], p10: [70], p50: [70], p90: [70], mean: [70] });
    expect(plain(predictBaseline('zero', fit, rows))).toEqual({ pCharting: [0], p10: [0], p50: [0], p90: [0], mean: [0] });
    expect(Array.from(predictBaseline('baseRate', fit, rows).pCharting)).toEqual([0.4]);
    expect(Array.from(predictBaseline('baseRate', fit, rows).mean)).toEqual([30]);
    const logistic = { ...fit, logistic: { a: 0, b: 0 } }; // P = 0.5: p10 = 0, p50 = p90 = current
    expect(plain(predictBaseline('logisticRank', logistic, rows))).toEqual({ pCharting: [0.5], p10: [0], p50: [70], p90: [70], mean: [35] });
  });
});
