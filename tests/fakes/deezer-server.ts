import chartJson from './fixtures/deezer/chart.json';
import playlistsJson from './fixtures/deezer/playlists.json';
import tracksJson from './fixtures/deezer/tracks.json';
import { startFakeServer, type FakeReply, type FakeRequest, type FakeServer } from './fake-server';

export type FakeDeezerTrack = (typeof tracksJson)[number];

export interface FakeDeezerOptions {
  /** Items per list page at most (Deezer allows 100; small here to exercise pagination). */
  pageSize?: number;
}

export interface FakeDeezer extends FakeServer {
  /** The full tracks the fake serves, by id; tests may change a rank between runs. */
  tracks: Map<number, FakeDeezerTrack>;
  /** Track ids of `/chart/0/tracks`, in chart order. */
  chart: number[];
}

/** Deezer's own error body: HTTP 200 with an `error` object. */
export const deezerError = (code: number, type: string, message: string): FakeReply => ({ body: { error: { type, message, code } } });
export const DEEZER_QUOTA_ERROR = deezerError(4, 'Exception', 'Quota limit exceeded');
const NO_DATA = deezerError(800, 'DataException', 'no data');

/** A track as Deezer's lists show it: no ISRC, bpm, release date or contributors. */
function listTrack(t: FakeDeezerTrack, position?: number) {
  const { isrc: _i, bpm: _b, release_date: _r, contributors: _c, track_position: _t, disk_number: _d, gain: _g, available_countries: _a, ...rest } = t;
  const { release_date: _ar, ...album } = t.album;
  return { ...rest, album, ...(position === undefined ? {} : { position }) };
}

/**
 * A fake Deezer public API on 127.0.0.1 in the real shapes: `/chart/0/tracks`,
 * `/playlist/{id}`, `/playlist/{id}/tracks`, `/track/{id}`, with `index`/`limit`
 * paging and `next` links, and errors as HTTP 200 `{ error: { type, message, code } }`.
 */
export async function startDeezerFake(opts: FakeDeezerOptions = {}): Promise<FakeDeezer> {
  const pageSize = opts.pageSize ?? 100;
  const tracks = new Map(tracksJson.map((t) => [t.id, structuredClone(t)]));
  const chart = [...chartJson.track_ids];

  function page(req: FakeRequest, base: string, ids: number[], positions: boolean) {
    const index = Number(req.query.get('index') ?? 0);
    const limit = Math.min(Number(req.query.get('limit') ?? 25), pageSize);
    const data = ids.slice(index, index + limit).map((id, i) => listTrack(tracks.get(id)!, positions ? index + i + 1 : undefined));
    const next = index + limit < ids.length ? `${base}${req.path}?index=${index + limit}&limit=${limit}` : undefined;
    return { data, total: ids.length, ...(next ? { next } : {}) };
  }

  function handle(req: FakeRequest, base: string): FakeReply {
    let m: RegExpMatchArray | null;
    if (req.path === '/chart/0/tracks') return { body: page(req, base, chart, true) };
    if ((m = req.path.match(/^\/playlist\/(\d+)(\/tracks)?$/))) {
      const pl = playlistsJson.find((p) => p.id === Number(m![1]));
      if (!pl) return NO_DATA;
      if (m[2]) return { body: page(req, base, pl.track_ids, false) };
      const { track_ids: _ids, ...rest } = pl;
      return { body: rest };
    }
    if ((m = req.path.match(/^\/track\/(\d+)$/))) {
      const t = tracks.get(Number(m[1]));
      return t ? { body: t } : NO_DATA;
    }
    return deezerError(600, 'QueryException', 'Invalid query');
  }

  const server = await startFakeServer(handle);
  return { ...server, tracks, chart };
}
