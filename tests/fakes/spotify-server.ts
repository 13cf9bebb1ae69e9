import artistsJson from './fixtures/spotify/artists.json';
import featuresJson from './fixtures/spotify/audio-features.json';
import playlistsJson from './fixtures/spotify/playlists.json';
import tracksJson from './fixtures/spotify/tracks.json';
import { startFakeServer, type FakeReply, type FakeRequest, type FakeServer } from './fake-server';

export const FAKE_SPOTIFY_CLIENT = { clientId: 'fake-client-id', clientSecret: 'fake-client-secret' };
export const FAKE_SPOTIFY_TRACKS = tracksJson;
export const FAKE_SPOTIFY_PLAYLIST_ID = '3cEYpjA9oz9GiPac4AsH4n';

export interface FakeSpotifyOptions {
  /** 'development': what new apps get since 2026 (no popularity, followers, genres, audio features, batch, editorial playlists, /tracks). */
  mode: 'development' | 'extended';
  /** Lifetime of issued tokens (s). */
  tokenLifetimeS?: number;
  /** Items per playlist page at most (Spotify allows 50/100; small here to exercise pagination). */
  pageSize?: number;
  /** false: /playlists/{id}/items does not exist (a pre-2026 API), to exercise the /tracks fallback. */
  itemsEndpoint?: boolean;
}

export interface FakeSpotify extends FakeServer {
  apiUrl: string;
  accountsUrl: string;
  /** Tokens issued so far. */
  readonly tokensIssued: number;
  /** Makes every issued token invalid (the next API call gets a 401). */
  revokeTokens(): void;
  /** The playlists served (fixture objects; `entries` lists their items). Shared by every fake in a test file: tests may edit them. */
  playlists: typeof playlistsJson;
}

const error = (status: number, message: string, extra: Record<string, unknown> = {}): FakeReply => ({ status, body: { error: { status, message, ...extra } } });
const DEV_STRIPPED = new Set(['popularity', 'followers', 'genres']);
const strip = <T extends object>(obj: T, dev: boolean): T =>
  dev ? (Object.fromEntries(Object.entries(obj).filter(([k]) => !DEV_STRIPPED.has(k))) as T) : obj;

/**
 * A fake Spotify (accounts token endpoint + Web API v1) on 127.0.0.1 that
 * answers in the real shapes, with the 2026 development-mode restrictions or
 * an extended-quota app's answers. Failures are injected with `inject`.
 */
export async function startSpotifyFake(opts: FakeSpotifyOptions): Promise<FakeSpotify> {
  const dev = opts.mode === 'development';
  const pageSize = opts.pageSize ?? 50;
  const valid = new Set<string>();
  let issued = 0;

  const track = (id: string) => tracksJson.find((t) => t.id === id);
  const trackOut = (t: (typeof tracksJson)[number]) => strip({ ...t, album: t.album, artists: t.artists }, dev);

  function page(req: FakeRequest, base: string, all: unknown[], max: number) {
    const offset = Number(req.query.get('offset') ?? 0);
    const limit = Math.min(Number(req.query.get('limit') ?? 20), max, pageSize);
    const items = all.slice(offset, offset + limit);
    const nextOffset = offset + limit;
    const next = nextOffset < all.length ? `${base}${req.path}?offset=${nextOffset}&limit=${limit}` : null;
    return { href: `${base}${req.path}?offset=${offset}&limit=${limit}`, items, limit, next, offset, previous: null, total: all.length };
  }

  function playlistEntries(id: string, key: 'item' | 'track') {
    const pl = playlistsJson.find((p) => p.id === id);
    return pl?.entries.map((e) => ({
      added_at: e.added_at,
      added_by: { id: 'songcasttests', type: 'user' },
      is_local: false,
      [key]: 'track_id' in e && e.track_id ? trackOut(track(e.track_id)!) : 'episode' in e ? e.episode : null,
    }));
  }

  function api(req: FakeRequest, base: string): FakeReply {
    const token = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (!valid.has(token)) return error(401, 'The access token expired');
    const p = req.path.replace(/^\/v1/, '');
    const ids = (req.query.get('ids') ?? '').split(',').filter(Boolean);
    let m: RegExpMatchArray | null;
    if (p === '/tracks') return dev ? error(403, 'Forbidden') : { body: { tracks: ids.map((id) => (track(id) ? trackOut(track(id)!) : null)) } };
    if (p === '/artists') return dev ? error(403, 'Forbidden') : { body: { artists: ids.map((id) => artistsJson.find((a) => a.id === id) ?? null) } };
    if ((m = p.match(/^\/tracks\/(\w+)$/))) return track(m[1]!) ? { body: trackOut(track(m[1]!)!) } : error(404, 'Resource not found');
    if ((m = p.match(/^\/artists\/(\w+)$/))) {
      const a = artistsJson.find((x) => x.id === m![1]);
      return a ? { body: strip(a, dev) } : error(404, 'Resource not found');
    }
    if ((m = p.match(/^\/audio-features\/(\w+)$/))) {
      if (dev) return error(403, 'Forbidden');
      const f = featuresJson.find((x) => x.id === m![1]);
      return f ? { body: f } : error(404, 'Resource not found');
    }
    if ((m = p.match(/^\/playlists\/(\w+)(\/items|\/tracks)?$/))) {
      const pl = playlistsJson.find((x) => x.id === m![1]);
      const editorial = pl?.owner.id === 'spotify';
      if (!pl || (dev && editorial)) return error(404, 'Resource not found');
      if (m[2] === '/items' && opts.itemsEndpoint === false) return error(404, 'Service not found');
      if (m[2] === '/tracks' && dev) return error(404, 'Service not found');
      if (m[2]) return { body: page(req, base, playlistEntries(pl.id, m[2] === '/items' ? 'item' : 'track')!, m[2] === '/items' ? 50 : 100) };
      const { entries: _entries, ...rest } = pl;
      return { body: strip(rest, dev) };
    }
    if (p === '/search') {
      if (Number(req.query.get('limit') ?? 10) > 10) return error(400, 'Invalid limit');
      const q = (req.query.get('q') ?? '').toLowerCase();
      const hits = tracksJson.filter((t) => t.name.toLowerCase().includes(q)).map(trackOut);
      return { body: { tracks: page(req, base, hits, 10) } };
    }
    return error(404, 'Service not found');
  }

  function tokenEndpoint(req: FakeRequest): FakeReply {
    const expected = Buffer.from(`${FAKE_SPOTIFY_CLIENT.clientId}:${FAKE_SPOTIFY_CLIENT.clientSecret}`).toString('base64');
    if (req.method !== 'POST' || req.headers.authorization !== `Basic ${expected}` || !req.body.includes('grant_type=client_credentials')) {
      return { status: 400, body: { error: 'invalid_client', error_description: 'Invalid client' } };
    }
    issued++;
    const token = `fake-token-${issued}`;
    valid.add(token);
    return { body: { access_token: token, token_type: 'Bearer', expires_in: opts.tokenLifetimeS ?? 3600 } };
  }

  const server = await startFakeServer((req, base) => (req.path === '/api/token' ? tokenEndpoint(req) : api(req, base)));
  return {
    ...server,
    apiUrl: `${server.url}/v1`,
    accountsUrl: `${server.url}/api/token`,
    get tokensIssued() {
      return issued;
    },
    revokeTokens() {
      valid.clear();
    },
    playlists: playlistsJson,
  };
}
