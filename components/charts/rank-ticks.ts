/**
 * Ticks of a rank axis running from 1 to `lowest`: 1 (the top, which the chart's default ticks leave out)
 * and then round places (every 5, 10, 25 or 50, whichever gives at most about six ticks).
 */
export function rankTicks(lowest: number): number[] {
  const step = [5, 10, 25, 50, 100].find((s) => lowest / s <= 6) ?? Math.ceil(lowest / 6 / 100) * 100;
  const ticks = [1];
  for (let t = step; t <= lowest; t += step) ticks.push(t);
  return ticks;
}
