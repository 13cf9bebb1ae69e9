import 'server-only';
import { z } from 'zod';
import { createHttpClient, type HttpClientOptions, type Verdict } from '@/lib/http/client';
import { MalformedResponseError, NotFoundError } from '@/lib/http/errors';
import { parseResponse } from '@/lib/http/parse';
import { TokenBucket } from '@/lib/http/token-bucket';
import {
  deezerErrorSchema,
  deezerListTrackSchema,
  deezerPageSchema,
  deezerPlaylistSchema,
  deezerTrackSchema,
  type DeezerListTrack,
} from './schemas';

/** Deezer error codes we act on (https://developers.deezer.com/api/errors). */
export const DEEZER_CODES = { quota: 4, serviceBusy: 700, dataNotFound: 800 } as const;

/** An error Deezer reported in a 200 answer that waiting does not fix. */
export class DeezerApiError extends Error {
  constructor(
    readonly url: string,
    readonly code: number | null,
    readonly type: string | null,
    detail: string,
  ) {
    super(`Deezer error ${code ?? '?'} (${type ?? 'unknown type'}) at ${url}: ${detail}`);
    this.name = 'DeezerApiError';
  }
}

export type DeezerClientOptions = Pick<
  HttpClientOptions,
  'fetch' | 'sleep' | 'random' | 'now' | 'timeoutMs' | 'maxRetries' | 'backoffBaseMs' | 'retryAfterCapMs' | 'onRetry'
> & {
  /** e.g. https://api.deezer.com */
  apiUrl: string;
  /** Client-side limit; Deezer allows about 50 requests per 5 s per client, we stay under it. Null: none. */
  rateLimit?: { capacity: number; windowMs: number } | null;
  /** Wait after a quota error (code 4) before trying again (ms): one quota window. */
  quotaBackoffMs?: number;
};

export type DeezerClient = ReturnType<typeof createDeezerClient>;

/** Items per list request; Deezer answers up to 100. */
const PAGE = 100;
const MAX_PAGES = 1_000;

/**
 * Reads a Deezer 200-with-error answer: quota (4) and service busy (700) are
 * retried after a quota window, "no data" (800) is a NotFoundError, anything
 * else a DeezerApiError.
 */
function interpret(quotaBackoffMs: number) {
  return (res: { url: string; body: unknown }): Verdict => {
    const parsed = deezerErrorSchema.safeParse(res.body);
    if (!parsed.success) return undefined;
    const { code = null, type = null, message = 'no message' } = parsed.data.error;
    if (code === DEEZER_CODES.quota || code === DEEZER_CODES.serviceBusy) return { retry: `Deezer error ${code} (${message})`, delayMs: quotaBackoffMs };
    if (code === DEEZER_CODES.dataNotFound) return { fail: new NotFoundError(res.url, `Deezer has no data (${message})`, res.body) };
    return { fail: new DeezerApiError(res.url, code, type, message) };
  };
}

/** The keyless Deezer public API: charts, top-list playlists and tracks, rate-limited client-side. */
export function createDeezerClient(o: DeezerClientOptions) {
  const limit = o.rateLimit === undefined ? { capacity: 45, windowMs: 5_000 } : o.rateLimit;
  const bucket = limit ? new TokenBucket({ ...limit, now: o.now, sleep: o.sleep }) : null;
  const http = createHttpClient({
    ...o,
    baseUrl: o.apiUrl,
    beforeAttempt: bucket ? () => bucket.take() : undefined,
    interpret: interpret(o.quotaBackoffMs ?? 5_000),
  });
  let requests = 0;

  async function get<S extends z.ZodType>(schema: S, path: string, query?: Record<string, number>): Promise<z.infer<S>> {
    requests++;
    const res = await http.request(path, { query });
    return parseResponse(schema, res.body, res.url);
  }

  /** Up to `max` items of a list, following `next` (which carries `index` and `limit`). */
  async function list(path: string, max: number): Promise<DeezerListTrack[]> {
    const page = deezerPageSchema(deezerListTrackSchema);
    const out: DeezerListTrack[] = [];
    let next: string | undefined = path;
    let query: Record<string, number> | undefined = { index: 0, limit: Math.min(PAGE, max) };
    for (let n = 0; next !== undefined && out.length < max; n++) {
      if (n >= MAX_PAGES) throw new MalformedResponseError(next, `more than ${MAX_PAGES} pages; the next links seem to loop`);
      const body: z.infer<typeof page> = await get(page, next, query);
      out.push(...body.data);
      next = body.data.length === 0 ? undefined : body.next;
      query = undefined;
    }
    return out.slice(0, max);
  }

  return {
    /** How many API requests this client made (retries not counted). */
    get requests() {
      return requests;
    },
    /** Deezer's overall chart (`/chart/0/tracks`), in chart order. */
    chartTracks: (max = 100) => list('chart/0/tracks', max),
    getPlaylist: (id: number) => get(deezerPlaylistSchema, `playlist/${id}`),
    /** A playlist's tracks in playlist order (for a top list: rank order). */
    playlistTracks: (id: number, max = 100) => list(`playlist/${id}/tracks`, max),
    /** The full track: ISRC, rank, bpm, release date, contributors. */
    getTrack: (id: number) => get(deezerTrackSchema, `track/${id}`),
  };
}
