import { describe, expect, it } from 'vitest';
import { conditionalQuantile, mixtureQuantile } from './score-distribution';

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
});
