import { describe, expect, it } from 'vitest';
import type { HorizonMetrics } from './metrics';
import { decidePromotion } from './promotion';

const m = (auc: number, intervalScore: number): HorizonMetrics => ({
  rows: 100, baseRate: 0.2, auc, brier: 0.1, brierSkill: 0.3, calibration: [], predictedVsActual: [], maeP50: 5, rmseP50: 10, maeMean: 5, rmseMean: 9,
  coverage: 0.8, coverageNonZero: 0.6, nonZeroRows: 20, intervalScore,
});
const baselines = {
  '26': { baseRate: m(0.5, 70), logisticRank: m(0.7, 60) },
  '52': { baseRate: m(0.5, 50), logisticRank: m(0.65, 45) },
};

describe('promotion rule', () => {
  it('promotes a model that beats every baseline when there is no active model', () => {
    const d = decidePromotion({ candidate: { '26': m(0.8, 50), '52': m(0.85, 30) }, baselines, active: null });
    expect(d.promote).toBe(true);
    expect(d.reasons.join()).toMatch(/no active model/);
  });

  it('keeps a model that loses to a baseline at one horizon, and says why', () => {
    const d = decidePromotion({ candidate: { '26': m(0.8, 50), '52': m(0.85, 46) }, baselines, active: null });
    expect(d.promote).toBe(false);
    expect(d.reasons).toEqual(['h=52: interval score 46.000 ≥ logisticRank 45.000']);
  });

  it('keeps a model that is worse than the active one on the same rows', () => {
    const active = { '26': m(0.85, 40), '52': m(0.9, 25) };
    const d = decidePromotion({ candidate: { '26': m(0.8, 50), '52': m(0.85, 30) }, baselines, active });
    expect(d.promote).toBe(false);
    expect(d.reasons.join()).toMatch(/mean AUC 0.825 < active model's 0.875/);
  });

  it('lets an equal retrain through, and decides on the baselines when the active model is incomparable', () => {
    const same = { '26': m(0.8, 50), '52': m(0.85, 30) };
    expect(decidePromotion({ candidate: same, baselines, active: same }).promote).toBe(true);
    expect(decidePromotion({ candidate: same, baselines, active: 'incomparable' }).reasons.join()).toMatch(/other features/);
  });

  it('refuses when AUC is undefined', () => {
    expect(decidePromotion({ candidate: { '26': m(NaN, 50), '52': m(0.85, 30) }, baselines, active: null }).promote).toBe(false);
  });
});
