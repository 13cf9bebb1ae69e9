/**
 * The `spotify` source: follows the playlists in SPOTIFY_PLAYLISTS (their
 * items, added and removed songs) and enriches every track that has a Spotify
 * id with what the app may read: metadata for every app; audio features,
 * artist followers and popularity snapshots (source 'spotify') only when the
 * capability probe finds them. What is unavailable is listed in the stats and
 * stored as missing, never as 0. A 429 QUOTA_EXCEEDED stops the run with a
 * QuotaExceededError after the last finished batch; a re-run resumes there.
 * Trigger: `update --sources spotify` (weekly) and `init`.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { playlists, tracks } from '@/lib/db/schema';
import { ForbiddenError, NotFoundError } from '@/lib/http/errors';
import { writeSnapshots } from '@/lib/ingest/chart-writer';
import { upsertPlaylists, writePlaylistTracks } from '@/lib/ingest/playlist-writer';
import { TrackResolver } from '@/lib/ingest/track-resolver';
import type { JobContext } from '@/lib/jobs/types';
import { detectCapabilities, PROBE_TRACK_ID, unavailableCapabilities, type SpotifyCapabilities } from '@/lib/spotify/capabilities';
import { createSpotifyClient, type SpotifyClient, type SpotifyClientOptions } from '@/lib/spotify/client';
import { fetchFeatures, fetchTracks, refreshArtists } from '@/lib/spotify/enrich';
import { spotifyEnv } from '@/lib/spotify/env';
import { spotifyPopularity, spotifyTrackToInput } from '@/lib/spotify/map';
import type { PlaylistEntry } from '@/lib/spotify/schemas';
import { sourceCheckpoint, type SourceCheckpoint } from './checkpoint';
import type { SourceRunOptions, WeeklySource } from './types';
import { startPhase, walkTracks } from './walk-tracks';

const PHASES = ['playlists', 'tracks'] as const;
const TRACK_BATCH = 50;

export interface SpotifySourceDeps {
  /** Default: SPOTIFY_* from the environment. */
  config?: { apiUrl: string; accountsUrl: string; clientId: string; clientSecret: string; playlists: string[] };
  /** Client overrides (tests: sleep, timeouts). */
  client?: Partial<SpotifyClientOptions>;
}

interface SpotifyState {
  asOf: string;
  playlistsDone: string[];
  afterTrackId: number;
}

interface Run {
  ctx: JobContext;
  opts: SourceRunOptions;
  client: SpotifyClient;
  caps: SpotifyCapabilities;
  resolver: TrackResolver;
  state: SpotifyState;
  checkpoint: SourceCheckpoint<SpotifyState>;
  stats: { playlists: Record<string, number>; playlistsUnchanged: string[]; playlistsUnavailable: string[]; tracksRead: number; tracksGone: number; snapshots: number; artistsRead: number };
}

/** Builds the Spotify source; `spotifySource` is the one configured from the environment. */
export function createSpotifySource(deps: SpotifySourceDeps = {}): WeeklySource {
  return {
    name: 'spotify',
    description: 'Spotify Web API: SPOTIFY_PLAYLISTS\' items, metadata of every track with a Spotify id, popularity/features only when the app has them (limit = tracks)',
    phases: PHASES,
    async run(ctx, opts) {
      const start = startPhase('spotify', PHASES, opts.skipTo);
      const config = deps.config ?? fromEnv();
      const client = createSpotifyClient({ ...config, onRetry: (info) => ctx.log.warn(info, 'spotify: retrying'), ...deps.client });
      const [probe] = await ctx.db.select({ id: tracks.spotifyId }).from(tracks).where(isNotNull(tracks.spotifyId)).orderBy(tracks.id).limit(1);
      const caps = await detectCapabilities(client, probe?.id ?? PROBE_TRACK_ID);
      const unavailable = unavailableCapabilities(caps);
      if (unavailable.length > 0) ctx.log.info({ unavailable }, 'spotify: this app cannot use everything; missing values stay missing');
      const checkpoint = sourceCheckpoint<SpotifyState>(ctx, 'spotify', opts.asOf);
      const run: Run = {
        ctx,
        opts,
        client,
        caps,
        resolver: new TrackResolver(ctx.pool),
        checkpoint,
        state: checkpoint.resume ?? { asOf: opts.asOf, playlistsDone: [], afterTrackId: 0 },
        stats: { playlists: {}, playlistsUnchanged: [], playlistsUnavailable: [], tracksRead: 0, tracksGone: 0, snapshots: 0, artistsRead: 0 },
      };
      if (start === 0) await playlistsPhase(run, config.playlists);
      await tracksPhase(run);
      return { asOf: opts.asOf, capabilities: caps, unavailable, ...run.stats, requests: client.requests, matches: run.resolver.stats, resumed: checkpoint.resume !== null };
    },
  };
}

function fromEnv() {
  const env = spotifyEnv();
  return { apiUrl: env.SPOTIFY_API_URL, accountsUrl: env.SPOTIFY_ACCOUNTS_URL, clientId: env.SPOTIFY_CLIENT_ID, clientSecret: env.SPOTIFY_CLIENT_SECRET, playlists: env.SPOTIFY_PLAYLISTS };
}

export const spotifySource = createSpotifySource();

/** Reads each followed playlist whose snapshot changed: membership, positions, added and removed dates. */
async function playlistsPhase(run: Run, ids: string[]) {
  const { ctx, opts, client, state, stats } = run;
  for (const [i, id] of ids.entries()) {
    ctx.progress(i, ids.length, 'playlists');
    if (state.playlistsDone.includes(id)) continue;
    let playlist;
    try {
      playlist = await client.getPlaylist(id);
    } catch (err) {
      if (!(err instanceof NotFoundError || err instanceof ForbiddenError)) throw err;
      stats.playlistsUnavailable.push(`${id}: ${err.message}`);
      continue;
    }
    const [known] = await ctx.db
      .select({ snapshotId: playlists.snapshotId })
      .from(playlists)
      .where(and(eq(playlists.source, 'spotify'), eq(playlists.externalId, id)));
    if (known?.snapshotId && known.snapshotId === playlist.snapshot_id && opts.limit === undefined) {
      stats.playlistsUnchanged.push(id);
    } else {
      const entries: PlaylistEntry[] = [];
      for await (const entry of client.playlistEntries(id, { allowTracksFallback: run.caps.batch })) {
        if (entry.track) entries.push(entry);
        if (opts.limit !== undefined && entries.length >= opts.limit) break;
      }
      const trackIds = await run.resolver.resolve(entries.map((e) => spotifyTrackToInput(e.track!)));
      const playlistId = (await upsertPlaylists(ctx.pool, [{ externalId: id, source: 'spotify', name: playlist.name, snapshotId: playlist.snapshot_id ?? null }])).get(`spotify|${id}`)!;
      await writePlaylistTracks(
        ctx.pool,
        trackIds.map((trackId, n) => ({ playlistId, trackId, position: n + 1, addedOn: entries[n]!.addedAt?.slice(0, 10) ?? null, removedOn: null })),
      );
      // Songs no longer in the playlist left it this week (only knowable from a full read).
      if (opts.limit === undefined) {
        const stillIn = trackIds.length > 0 ? ' AND track_id NOT IN (?)' : '';
        await ctx.pool.query(`UPDATE playlist_tracks SET removed_on = ? WHERE playlist_id = ? AND removed_on IS NULL${stillIn}`, [
          opts.asOf,
          playlistId,
          ...(stillIn ? [trackIds] : []),
        ]);
      }
      stats.playlists[id] = trackIds.length;
    }
    state.playlistsDone.push(id);
    await run.checkpoint.save(state);
  }
  ctx.progress(ids.length, ids.length, 'playlists');
}

/** Enriches every track with a Spotify id (id order, resumable); popularity snapshots when the app has them. */
async function tracksPhase(run: Run) {
  const { ctx, opts, client, caps, state, stats } = run;
  const walk = { after: state.afterTrackId, limit: opts.limit, batchSize: TRACK_BATCH, phase: 'tracks' };
  const save = async (lastId: number) => {
    state.afterTrackId = lastId;
    await run.checkpoint.save(state);
  };
  await walkTracks<string>(ctx, tracks.spotifyId, walk, async (batch) => {
    const ids = batch.map((r) => r.externalId);
    const [found, features] = await Promise.all([fetchTracks(client, caps, ids), fetchFeatures(client, caps, ids)]);
    const read = batch.flatMap((row, i) => (found[i] ? [{ row, track: found[i], features: features[i] ?? null }] : []));
    await run.resolver.resolve(read.map((r) => spotifyTrackToInput(r.track, r.features)));
    const snapshots = read.flatMap(({ row, track }) => {
      const popularity = spotifyPopularity(track);
      return popularity === null ? [] : [{ trackId: row.id, observedOn: opts.asOf, source: 'spotify', popularity }];
    });
    await writeSnapshots(ctx.pool, snapshots);
    const artistIds = [...new Set(read.flatMap((r) => r.track.artists.map((a) => a.id).filter((a): a is string => a !== null)))];
    stats.artistsRead += await refreshArtists(ctx.pool, client, caps, artistIds);
    stats.tracksRead += read.length;
    stats.tracksGone += batch.length - read.length;
    stats.snapshots += snapshots.length;
  }, save);
}
