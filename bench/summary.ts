/** What every benchmark prints beside its figures: medians of its runs and the machine's load. */
import { loadavg } from 'node:os';

/** The median of `xs` (the mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median of no values');
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The 1, 5 and 15 minute load averages, as `uptime` shows them: timings on a shared machine need them beside. */
export const loadAverage = () => loadavg().map((l) => l.toFixed(2)).join(' ');
