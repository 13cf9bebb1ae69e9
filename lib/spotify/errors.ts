import { HttpStatusError } from '@/lib/http/errors';

/**
 * Spotify answered 429 with reason QUOTA_EXCEEDED: the app's quota is spent,
 * waiting a few seconds will not help. The run stops cleanly (what it wrote stays).
 */
export class QuotaExceededError extends HttpStatusError {
  constructor(url: string, body: unknown) {
    super(429, url, `Spotify quota exceeded (429 QUOTA_EXCEEDED) at ${url}: the app's request quota is used up; run again later or ask Spotify for extended quota.`, body);
    this.name = 'QuotaExceededError';
  }
}

/** True when a Spotify error body names QUOTA_EXCEEDED (as `error.reason`, or anywhere in a text body). */
export function isQuotaExceeded(body: unknown): boolean {
  if (typeof body === 'string') return body.includes('QUOTA_EXCEEDED');
  if (!body || typeof body !== 'object') return false;
  const error = (body as { error?: unknown }).error;
  const reason = error && typeof error === 'object' ? (error as { reason?: unknown }).reason : undefined;
  return reason === 'QUOTA_EXCEEDED' || JSON.stringify(body).includes('QUOTA_EXCEEDED');
}
