import { backoffDelay, parseRetryAfter, realSleep } from './backoff';
import {
  ForbiddenError,
  HttpStatusError,
  MalformedResponseError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  UnauthorizedError,
} from './errors';

/** A successful (or interpreted) answer, body parsed as JSON (null when empty). */
export interface HttpResponse {
  url: string;
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * An API's own reading of an answer, before the default rules: retry it (after
 * `delayMs`, else backoff), fail with an error of its own, or `undefined` to
 * let the defaults decide.
 */
export type Verdict = { retry: string; delayMs?: number } | { fail: Error } | undefined;

export interface RetryInfo {
  url: string;
  /** 1 for the first retry. */
  attempt: number;
  reason: string;
  delayMs: number;
}

export interface HttpClientOptions {
  /** Prefix of relative paths, e.g. `https://api.spotify.com/v1`. Absolute URLs (a `next` link) pass through. */
  baseUrl: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** Per attempt, covering the body too (ms). */
  timeoutMs?: number;
  /** Retries after the first attempt. */
  maxRetries?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Longest Retry-After we wait for; beyond it the call fails with a RateLimitError (ms). */
  retryAfterCapMs?: number;
  /** Awaited before every attempt (a client-side rate limit). */
  beforeAttempt?: () => Promise<void>;
  interpret?: (res: HttpResponse) => Verdict;
  onRetry?: (info: RetryInfo) => void;
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  body?: string | URLSearchParams;
}

export type HttpClient = ReturnType<typeof createHttpClient>;

const DEFAULTS = { timeoutMs: 15_000, maxRetries: 4, backoffBaseMs: 500, backoffMaxMs: 30_000, retryAfterCapMs: 60_000 };

/**
 * A small fetch-based JSON client: per-attempt timeouts, retries with
 * exponential backoff + full jitter on 5xx, network errors and timeouts, 429
 * honouring Retry-After up to a cap, and errors that name the URL.
 */
export function createHttpClient(options: HttpClientOptions) {
  const o = { ...DEFAULTS, ...options };
  const doFetch = o.fetch ?? globalThis.fetch;
  const sleep = o.sleep ?? realSleep;
  const now = o.now ?? Date.now;

  function resolve(path: string, query?: RequestOptions['query']): string {
    const url = /^https?:\/\//i.test(path) ? new URL(path) : new URL(`${o.baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.toString();
  }

  /** Sends one request; resolves with a 2xx (or accepted) answer, else throws an error naming the URL. */
  async function request(path: string, req: RequestOptions = {}): Promise<HttpResponse> {
    const url = resolve(path, req.query);
    for (let attempt = 0; ; attempt++) {
      const canRetry = attempt < o.maxRetries;
      const retry = async (reason: string, delayMs?: number) => {
        const wait = delayMs ?? backoffDelay(attempt, { baseMs: o.backoffBaseMs, maxMs: o.backoffMaxMs }, o.random);
        o.onRetry?.({ url, attempt: attempt + 1, reason, delayMs: wait });
        await sleep(wait);
      };
      await o.beforeAttempt?.();
      let res: Response;
      let text: string;
      try {
        res = await doFetch(url, { method: req.method ?? 'GET', headers: req.headers, body: req.body, signal: AbortSignal.timeout(o.timeoutMs) });
        text = await res.text();
      } catch (err) {
        const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
        const reason = timedOut ? `no answer within ${o.timeoutMs} ms` : `network error: ${err instanceof Error ? err.message : String(err)}`;
        if (canRetry) {
          await retry(reason);
          continue;
        }
        throw new NetworkError(url, timedOut, `${reason} from ${url} (after ${attempt + 1} attempts)`, { cause: err });
      }
      const ok = res.status >= 200 && res.status < 300;
      const answer: HttpResponse = { url, status: res.status, headers: res.headers, body: parseBody(url, text, ok) };
      const verdict = o.interpret?.(answer);
      if (verdict && 'fail' in verdict) throw verdict.fail;
      if (verdict && 'retry' in verdict) {
        if (!canRetry) throw new HttpStatusError(res.status, url, `${verdict.retry} at ${url} (after ${attempt + 1} attempts)`, answer.body);
        await retry(verdict.retry, verdict.delayMs);
        continue;
      }
      if (ok) return answer;

      const detail = describe(answer.body, res.statusText);
      if (res.status === 429 || res.status >= 500) {
        const asked = parseRetryAfter(res.headers.get('retry-after'), now());
        const tooLong = asked !== null && asked > o.retryAfterCapMs;
        if (res.status === 429 && tooLong) {
          throw new RateLimitError(url, asked, `the server asks to wait ${Math.ceil(asked / 1000)} s, more than the ${o.retryAfterCapMs / 1000} s cap`);
        }
        if (canRetry) {
          // A 5xx asking for an unreasonable wait gets our own backoff instead.
          await retry(`${res.status} ${detail}`, tooLong ? undefined : (asked ?? undefined));
          continue;
        }
        if (res.status === 429) throw new RateLimitError(url, asked, `still limited after ${attempt + 1} attempts (${detail})`);
        throw new HttpStatusError(res.status, url, `Server error ${res.status} at ${url} after ${attempt + 1} attempts: ${detail}`, answer.body);
      }
      throw statusError(res.status, url, detail, answer.body);
    }
  }

  return {
    request,
    /** GET a JSON document. */
    getJson: async (path: string, query?: RequestOptions['query'], headers?: Record<string, string>) =>
      (await request(path, { query, headers })).body,
    resolve,
  };
}

function parseBody(url: string, text: string, ok: boolean): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    // An error page in HTML is normal for a failed request; for a success it is a broken answer.
    if (!ok) return text;
    throw new MalformedResponseError(url, `not JSON (${text.length} bytes starting ${JSON.stringify(text.slice(0, 40))})`, { cause: err });
  }
}

/** The message an API put in its error body, else the status text. */
function describe(body: unknown, statusText: string): string {
  if (body && typeof body === 'object') {
    const b = body as { error?: unknown; message?: unknown; error_description?: unknown };
    const inner = b.error && typeof b.error === 'object' ? (b.error as { message?: unknown }).message : b.error;
    for (const m of [inner, b.error_description, b.message]) if (typeof m === 'string' && m) return m;
  }
  if (typeof body === 'string' && body.trim()) return body.trim().slice(0, 200);
  return statusText || 'no details';
}

function statusError(status: number, url: string, detail: string, body: unknown): HttpStatusError {
  if (status === 401) return new UnauthorizedError(url, detail, body);
  if (status === 403) return new ForbiddenError(url, detail, body);
  if (status === 404) return new NotFoundError(url, detail, body);
  return new HttpStatusError(status, url, `HTTP ${status} at ${url}: ${detail}`, body);
}
