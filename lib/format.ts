/** Display formats shared by every page: dates as "12 Jun 2025", weeks as "wk 24", chances as "45%". */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MS = 86_400_000;

/** "2025-06-12" → "12 Jun 2025" (calendar dates, read as UTC so no time zone shifts them). */
export function formatDate(iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "2025-06-12" → "Jun ’25" (axis ticks). */
export function formatMonthYear(iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return `${MONTHS[d.getUTCMonth()]} ’${String(d.getUTCFullYear()).slice(2)}`;
}

/** ISO 8601 week number of a calendar date. */
export function isoWeek(iso: string): number {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * DAY_MS);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return 1 + Math.floor((thursday.getTime() - yearStart) / DAY_MS / 7);
}

/** "2025-06-12" → "wk 24 · 12 Jun 2025". */
export function formatWeek(iso: string): string {
  return `wk ${isoWeek(iso)} · ${formatDate(iso)}`;
}

/** A probability 0–1 as a whole percentage; the ends say "<1%" / ">99%" rather than a false 0% or 100%. */
export function formatPercent(p: number): string {
  if (p < 0.005) return '<1%';
  if (p > 0.995) return '>99%';
  return `${Math.round(p * 100)}%`;
}

/** A share 0–1 as a percentage with one decimal ("95.8%"): accuracies, coverages, audited shares. */
export function formatShare(v: number): string {
  return `${(100 * v).toFixed(1)}%`;
}

/** A number with `digits` decimals and a true minus sign (U+2212) when negative: "−0.013", not "-0.013"; never "−0.000". */
export function formatDecimal(v: number, digits: number): string {
  const s = v.toFixed(digits);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s.replace('-', '−');
}

/** A 0–100 popularity score, whole numbers (the model is not more precise than that). */
export function formatScore(score: number): string {
  return String(Math.round(score));
}

/** "3 days ago", "5 hours ago", "just now": how long before `now` an ISO timestamp was. */
export function formatAgo(iso: string, now: Date = new Date()): string {
  const seconds = Math.max(0, (now.getTime() - new Date(iso).getTime()) / 1000);
  const steps: [number, string][] = [
    [365 * 86_400, 'year'],
    [30 * 86_400, 'month'],
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, unit] of steps) {
    const n = Math.floor(seconds / size);
    if (n >= 1) return `${n} ${unit}${n === 1 ? '' : 's'} ago`;
  }
  return 'just now';
}

/** A short time in milliseconds, two decimals below 1 ms ("0.24 ms"), else one ("1.9 ms"): model inference per song. */
export function formatMs(ms: number): string {
  return `${ms < 1 ? ms.toFixed(2) : ms.toFixed(1)} ms`;
}

/** 215_000 ms → "3:35". */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** Pitch classes 0–11 by name, C = 0 (the key field of audio-feature catalogs). */
export const KEY_NAMES = ['C', 'C♯/D♭', 'D', 'D♯/E♭', 'E', 'F', 'F♯/G♭', 'G', 'G♯/A♭', 'A', 'A♯/B♭', 'B'] as const;

/** Pitch class and mode (1 major, 0 minor) → "F♯/G♭ minor"; the mode alone is left out when unknown. */
export function formatKey(key: number, mode: number | null): string {
  const name = KEY_NAMES[key];
  if (name === undefined) throw new RangeError(`not a pitch class: ${key}`);
  return mode === null ? name : `${name} ${mode === 1 ? 'major' : 'minor'}`;
}

export type Movement = { kind: 'up' | 'down'; places: number } | { kind: 'same' | 'new' | 're' };

/** Chart movement since the previous week: up/down by places, same, NEW (first week) or RE (back after a gap). */
export function movement(rank: number, previousRank: number | null, weeksOnChart: number): Movement {
  if (previousRank === null) return { kind: weeksOnChart <= 1 ? 'new' : 're' };
  if (previousRank === rank) return { kind: 'same' };
  return previousRank > rank ? { kind: 'up', places: previousRank - rank } : { kind: 'down', places: rank - previousRank };
}

export type ChanceBand = 'high' | 'mid' | 'low';

/** The colour band of a still-charting chance: ≥ 60% high, ≥ 30% mid, else low. */
export function chanceBand(p: number): ChanceBand {
  if (p >= 0.6) return 'high';
  if (p >= 0.3) return 'mid';
  return 'low';
}
