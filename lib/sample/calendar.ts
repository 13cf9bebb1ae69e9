/** Date arithmetic on ISO calendar dates (YYYY-MM-DD), in UTC so time zones never shift a day. */

const DAY_MS = 86_400_000;

const toTime = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const toIso = (time: number) => new Date(time).toISOString().slice(0, 10);

/** `iso` moved by `days` (negative goes back). */
export function addDays(iso: string, days: number): string {
  return toIso(toTime(iso) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY_MS);
}

/** Day of week, 0 = Sunday … 4 = Thursday … 6 = Saturday. */
export function dayOfWeek(iso: string): number {
  return new Date(toTime(iso)).getUTCDay();
}

/** `count` weekly dates ending with `end`, oldest first. */
export function weekDates(end: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(end, -7 * (count - 1 - i)));
}
