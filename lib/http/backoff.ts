/** Retry timing shared by every outside API client. */

export interface BackoffOptions {
  /** Delay ceiling of the first retry, in ms; doubles with each attempt. */
  baseMs: number;
  /** Ceiling of any single delay, in ms. */
  maxMs: number;
}

/**
 * Exponential backoff with full jitter: a uniformly random delay between 0 and
 * min(maxMs, baseMs·2^attempt), so many clients retrying at once spread out.
 * `attempt` counts from 0 (the first retry).
 */
export function backoffDelay(attempt: number, { baseMs, maxMs }: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/**
 * Milliseconds a `Retry-After` header asks us to wait: either delay-seconds
 * ("120", decimals tolerated) or an HTTP date (a date in the past means now).
 * Null when the header is missing or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text === '') return null;
  if (/^\d+(?:\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // HTTP dates always name a weekday or month in letters; a bare number was handled above.
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Waits `ms` milliseconds (the default `sleep` of clients; tests inject their own). */
export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
