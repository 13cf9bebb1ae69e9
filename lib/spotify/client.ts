import 'server-only';
import { z } from 'zod';
import { createHttpClient, type HttpClientOptions } from '@/lib/http/client';
import { ForbiddenError, MalformedResponseError, NotFoundError, UnauthorizedError } from '@/lib/http/errors';
import { parseResponse } from '@/lib/http/parse';
import { QuotaExceededError, isQuotaExceeded } from './errors';
import {
  albumSchema,
  artistSchema,
  audioFeaturesSchema,
  pagingSchema,
  playlistEntrySchema,
  playlistSchema,
  trackSchema,
  type PlaylistEntry,
} from './schemas';
import { createTokenProvider } from './token';

export type SpotifyClientOptions = Pick<
  HttpClientOptions,
  'fetch' | 'sleep' | 'random' | 'now' | 'timeoutMs' | 'maxRetries' | 'backoffBaseMs' | 'retryAfterCapMs' | 'onRetry'
> & {
  /** e.g. https://api.spotify.com/v1 */
  apiUrl: string;
  /** Token endpoint, e.g. https://accounts.spotify.com/api/token */
  accountsUrl: string;
  clientId: string;
  clientSecret: string;
  refreshMarginMs?: number;
};

export type SpotifyClient = ReturnType<typeof createSpotifyClient>;

/** Most ids per batch request (/tracks?ids=, /artists?ids=). */
export const SPOTIFY_BATCH = 50;
/** Search answers at most this many items per page since 2026. */
export const SEARCH_PAGE_MAX = 10;
/** Pages followed per listing before we assume the API loops. */
const MAX_PAGES = 1_000;

/**
 * The project's own Spotify Web API client: client-credentials tokens (renewed
 * before expiry and once on a 401), retries and Retry-After from lib/http, a
 * 429 QUOTA_EXCEEDED as QuotaExceededError, zod-checked answers.
 */
export function createSpotifyClient(o: SpotifyClientOptions) {
  const http = createHttpClient({
    ...o,
    baseUrl: o.apiUrl,
    interpret: (res) => (res.status === 429 && isQuotaExceeded(res.body) ? { fail: new QuotaExceededError(res.url, res.body) } : undefined),
  });
  const tokens = createTokenProvider({ http, accountsUrl: o.accountsUrl, clientId: o.clientId, clientSecret: o.clientSecret, now: o.now, refreshMarginMs: o.refreshMarginMs });
  let requests = 0;

  async function get<S extends z.ZodType>(schema: S, path: string, query?: Record<string, string | number | undefined>): Promise<z.infer<S>> {
    for (let attempt = 0; ; attempt++) {
      const token = await tokens.get();
      try {
        requests++;
        const res = await http.request(path, { query, headers: { authorization: `Bearer ${token}` } });
        return parseResponse(schema, res.body, res.url);
      } catch (err) {
        // A token revoked or expired early: fetch a new one, once.
        if (err instanceof UnauthorizedError && attempt === 0) {
          tokens.invalidate(token);
          continue;
        }
        throw err;
      }
    }
  }

  async function* paginate<S extends z.ZodType>(item: S, path: string, query: Record<string, string | number>): AsyncGenerator<z.infer<S>> {
    const page = pagingSchema(item);
    let next: string | null = path;
    let params: Record<string, string | number> | undefined = query;
    for (let n = 0; next !== null; n++) {
      if (n >= MAX_PAGES) throw new MalformedResponseError(next, `more than ${MAX_PAGES} pages; the next links seem to loop`);
      const body: z.infer<typeof page> = await get(page, next, params);
      for (const entry of body.items) yield entry as z.infer<S>;
      next = body.next;
      // `next` carries offset and limit itself.
      params = undefined;
    }
  }

  const ids = (list: string[]) => {
    if (list.length === 0 || list.length > SPOTIFY_BATCH) throw new RangeError(`a batch takes 1–${SPOTIFY_BATCH} ids, got ${list.length}`);
    return list.map(encodeURIComponent).join(',');
  };

  return {
    /** How many API requests this client made (token requests excluded). */
    get requests() {
      return requests;
    },
    getTrack: (id: string) => get(trackSchema, `tracks/${encodeURIComponent(id)}`),
    /** Batch lookup; development-mode apps get a 403/404 here since 2026. Unknown ids come back null. */
    getTracks: async (list: string[]) => (await get(z.object({ tracks: z.array(trackSchema.nullable()) }), 'tracks', { ids: ids(list) })).tracks,
    getArtist: (id: string) => get(artistSchema, `artists/${encodeURIComponent(id)}`),
    getArtists: async (list: string[]) => (await get(z.object({ artists: z.array(artistSchema.nullable()) }), 'artists', { ids: ids(list) })).artists,
    getAlbum: (id: string) => get(albumSchema, `albums/${encodeURIComponent(id)}`),
    getPlaylist: (id: string) => get(playlistSchema, `playlists/${encodeURIComponent(id)}`),
    getAudioFeatures: (id: string) => get(audioFeaturesSchema, `audio-features/${encodeURIComponent(id)}`),

    /**
     * Every track of a playlist, page by page, from `/playlists/{id}/items`
     * (the 2026 endpoint); when `allowTracksFallback` (the app still has the
     * old endpoint) and /items answers 404, from `/playlists/{id}/tracks`.
     * Episodes and unavailable entries come back with `track: null`.
     */
    async *playlistEntries(id: string, { allowTracksFallback = false } = {}): AsyncGenerator<PlaylistEntry> {
      const base = `playlists/${encodeURIComponent(id)}`;
      let seen = 0;
      try {
        for await (const entry of paginate(playlistEntrySchema, `${base}/items`, { limit: 50, offset: 0 })) {
          seen++;
          yield entry;
        }
      } catch (err) {
        // Only a first page that does not exist means the endpoint is missing.
        if (!(allowTracksFallback && seen === 0 && err instanceof NotFoundError)) throw err;
        yield* paginate(playlistEntrySchema, `${base}/tracks`, { limit: 100, offset: 0 });
      }
    },

    /** One page of track search (at most 10 per page since 2026; a larger limit is clamped). */
    searchTracks: async (q: string, { limit = SEARCH_PAGE_MAX, offset = 0 } = {}) =>
      (await get(z.object({ tracks: pagingSchema(trackSchema) }), 'search', { q, type: 'track', limit: Math.min(limit, SEARCH_PAGE_MAX), offset })).tracks,
  };
}

/** True for the answers that mean "this app may not use that": 403 and 404. */
export const isUnavailable = (err: unknown): boolean => err instanceof ForbiddenError || err instanceof NotFoundError;
