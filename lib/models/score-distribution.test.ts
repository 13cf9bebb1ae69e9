import { describe, expect, it } from 'vitest';
import { conditionalQuantile, mixtureMean, mixtureQuantile } from './score-distribution';

const q = { c10: 20, c50: 50, c90: 80 };

describe('score mixture quantiles', () => {
  it('interpolates the conditional quantile function between its knots', () => {
    expect(conditionalQuantile(0, q, 1)).toBe(1);
    expect(conditionalQuantile(0.1, q, 1)).toBe(20);
    expect(conditionalQuantile(0.3, q, 1)).toBeCloseTo(35);
    expect(conditionalQuantile(0.95, q, 1)).toBeCloseTo(90);
    expect(conditionalQuantile(1, q, 1)).toBe(100);
  });

  it('keeps knots ordered and inside [floor, 100]', () => {
    expect(conditionalQuantile(0.1, { c10: -5, c50: 30, c90: 20 }, 1)).toBe(1);
    expect(conditionalQuantile(0.9, { c10: -5, c50: 30, c90: 20 }, 1)).toBe(30);
    expect(conditionalQuantile(0.9, { c10: 90, c50: 120, c90: 130 }, 1)).toBe(100);
  });

  it('is 0 below the chance of dropping off, else the conditional quantile at the rescaled level', () => {
    expect(mixtureQuantile(0.5, 0.3, q, 1)).toBe(0);
    expect(mixtureQuantile(0.9, 0.3, q, 1)).toBeCloseTo(50 + (30 * ((0.2 / 0.3 - 0.5) / 0.4)));
    expect(mixtureQuantile(0.1, 1, q, 1)).toBe(20);
    expect(mixtureQuantile(0.9, 0, q, 1)).toBe(0);
  });

  it('has the mean of the piecewise-linear quantile function, times the chance of charting', () => {
    // Trapezoids: 0.1·(1 + 20)/2 + 0.4·(20 + 50)/2 + 0.4·(50 + 80)/2 + 0.1·(80 + 100)/2 = 50.05.
    expect(mixtureMean(1, q, 1)).toBeCloseTo(50.05);
    expect(mixtureMean(0.3, q, 1)).toBeCloseTo(0.3 * 50.05);
    expect(mixtureMean(0, q, 1)).toBe(0);
    expect(mixtureMean(1, { c10: 100, c50: 100, c90: 100 }, 1)).toBeCloseTo(100 - 0.1 * 99 / 2);
  });
});
