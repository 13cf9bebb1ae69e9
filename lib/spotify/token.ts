import type { HttpClient } from '@/lib/http/client';
import { HttpStatusError, UnauthorizedError } from '@/lib/http/errors';
import { parseResponse } from '@/lib/http/parse';
import { tokenSchema } from './schemas';

export interface TokenProviderOptions {
  http: HttpClient;
  /** Full URL of the token endpoint (https://accounts.spotify.com/api/token). */
  accountsUrl: string;
  clientId: string;
  clientSecret: string;
  now?: () => number;
  /** A token is renewed this long before it expires (ms), so no request carries one about to lapse. */
  refreshMarginMs?: number;
}

export interface TokenProvider {
  /** A valid access token, fetched or renewed when needed; concurrent callers share one request. */
  get(): Promise<string>;
  /** Drops `token` (after a 401) so the next get() fetches a new one. */
  invalidate(token: string): void;
}

/** Client-credentials tokens for the Spotify Web API. */
export function createTokenProvider(o: TokenProviderOptions): TokenProvider {
  const now = o.now ?? Date.now;
  const margin = o.refreshMarginMs ?? 60_000;
  let current: { token: string; expiresAt: number } | null = null;
  let pending: Promise<string> | null = null;

  async function fetchToken(): Promise<string> {
    const basic = Buffer.from(`${o.clientId}:${o.clientSecret}`).toString('base64');
    const requestedAt = now();
    try {
      const res = await o.http.request(o.accountsUrl, {
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      });
      const body = parseResponse(tokenSchema, res.body, res.url);
      current = { token: body.access_token, expiresAt: requestedAt + body.expires_in * 1000 };
      return body.access_token;
    } catch (err) {
      // Spotify answers bad credentials with 400 invalid_client.
      if (err instanceof HttpStatusError && (err.status === 400 || err.status === 401)) {
        throw new UnauthorizedError(o.accountsUrl, `Spotify rejected the client credentials; check SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET (${err.message})`, err.body);
      }
      throw err;
    }
  }

  return {
    get() {
      if (current && now() < current.expiresAt - margin) return Promise.resolve(current.token);
      pending ??= fetchToken().finally(() => {
        pending = null;
      });
      return pending;
    },
    invalidate(token) {
      if (current?.token === token) current = null;
    },
  };
}
