/**
 * The `deezer` source (keyless, works for anyone): the week's Deezer top
 * lists become weekly charts `deezer-weekly-<country>` dated as-of, then every
 * track Deezer knows is re-read for its `rank`, stored as a popularity
 * snapshot (source 'deezer', see deezerPopularity), so a song's history goes on
 * after it leaves every chart.
 * Trigger: `update --sources deezer` (weekly) and `init`. Re-runs for the same
 * as-of rewrite the same rows; a killed run resumes from its checkpoint.
 */
import type { DeezerClientOptions } from '@/lib/deezer/client';
import { createDeezerClient, DeezerApiError, type DeezerClient } from '@/lib/deezer/client';
import type { DeezerTopList } from '@/lib/deezer/countries';
import { deezerEnv } from '@/lib/deezer/env';
import { deezerPopularity, deezerTrackToInput } from '@/lib/deezer/map';
import type { DeezerListTrack, DeezerTrack } from '@/lib/deezer/schemas';
import { tracks } from '@/lib/db/schema';
import { NotFoundError } from '@/lib/http/errors';
import { mapLimit } from '@/lib/http/map-limit';
import { upsertChart, writeChartRows, writeSnapshots } from '@/lib/ingest/chart-writer';
import { TrackResolver } from '@/lib/ingest/track-resolver';
import type { JobContext } from '@/lib/jobs/types';
import { sourceCheckpoint, type SourceCheckpoint } from './checkpoint';
import type { SourceRunOptions, WeeklySource } from './types';
import { startPhase, walkTracks } from './walk-tracks';

const PHASES = ['charts', 'tracks'] as const;
/** Places of a Deezer top list (its charts and "Top <country>" playlists hold 100). */
export const DEEZER_CHART_SIZE = 100;
const TRACK_BATCH = 50;
/** Requests in flight; the client's token bucket sets the actual pace. */
const CONCURRENCY = 4;

export interface DeezerSourceDeps {
  /** Default: DEEZER_API_URL. */
  apiUrl?: string;
  /** Default: global + DEEZER_COUNTRIES. */
  topLists?: DeezerTopList[];
  /** Client overrides (tests: sleep, timeouts, no rate limit). */
  client?: Partial<DeezerClientOptions>;
  /** Tracks re-read per batch (one transaction, one checkpoint). */
  trackBatch?: number;
}

interface DeezerState {
  asOf: string;
  /** Chart slugs written for this as-of. */
  listsDone: string[];
  /** Tracks with a lower id have been re-read. */
  afterTrackId: number;
}

interface Run {
  ctx: JobContext;
  opts: SourceRunOptions;
  trackBatch: number;
  client: DeezerClient;
  resolver: TrackResolver;
  state: DeezerState;
  checkpoint: SourceCheckpoint<DeezerState>;
  stats: { lists: Record<string, number>; listsUnavailable: string[]; tracksRead: number; snapshots: number; tracksGone: number };
}

/** Builds the Deezer source; `deezerSource` is the one configured from the environment. */
export function createDeezerSource(deps: DeezerSourceDeps = {}): WeeklySource {
  return {
    name: 'deezer',
    description: 'Deezer public API (no key): global + DEEZER_COUNTRIES top lists as weekly charts, and every Deezer track\'s rank as a snapshot (limit = tracks per list and tracks re-read)',
    phases: PHASES,
    async run(ctx, opts) {
      const start = startPhase('deezer', PHASES, opts.skipTo);
      const env = deps.apiUrl !== undefined && deps.topLists !== undefined ? null : deezerEnv();
      const client = createDeezerClient({
        apiUrl: deps.apiUrl ?? env!.apiUrl,
        onRetry: (info) => ctx.log.warn(info, 'deezer: retrying'),
        ...deps.client,
      });
      const checkpoint = sourceCheckpoint<DeezerState>(ctx, 'deezer', opts.asOf);
      const run: Run = {
        ctx,
        opts,
        trackBatch: deps.trackBatch ?? TRACK_BATCH,
        client,
        resolver: new TrackResolver(ctx.pool),
        checkpoint,
        state: checkpoint.resume ?? { asOf: opts.asOf, listsDone: [], afterTrackId: 0 },
        stats: { lists: {}, listsUnavailable: [], tracksRead: 0, snapshots: 0, tracksGone: 0 },
      };
      if (checkpoint.resume) ctx.log.info({ resume: checkpoint.resume }, 'deezer: resuming');
      if (start === 0) await chartsPhase(run, deps.topLists ?? env!.topLists);
      await tracksPhase(run);
      return { asOf: opts.asOf, ...run.stats, requests: client.requests, matches: run.resolver.stats, resumed: checkpoint.resume !== null };
    },
  };
}

export const deezerSource = createDeezerSource();

const chartName = (country: string) => `Deezer top ${country === 'global' ? 'worldwide' : country.toUpperCase()}`;

/** Writes each top list as the as-of week of its chart; a list Deezer no longer has is reported, not fatal. */
async function chartsPhase(run: Run, topLists: DeezerTopList[]) {
  const { ctx, opts, client, state, stats } = run;
  const max = Math.min(DEEZER_CHART_SIZE, opts.limit ?? DEEZER_CHART_SIZE);
  for (const [i, list] of topLists.entries()) {
    const slug = `deezer-weekly-${list.country}`;
    ctx.progress(i, topLists.length, 'charts');
    if (state.listsDone.includes(slug)) continue;
    let listed: DeezerListTrack[];
    try {
      listed = list.playlistId === null ? await client.chartTracks(max) : await client.playlistTracks(list.playlistId, max);
    } catch (err) {
      if (!(err instanceof NotFoundError || err instanceof DeezerApiError)) throw err;
      stats.listsUnavailable.push(`${slug}: ${err.message}`);
      ctx.log.warn({ slug, err: err.message }, 'deezer: top list unavailable');
      continue;
    }
    const ids = await run.resolver.resolve(listed.map(deezerTrackToInput));
    const chartId = await upsertChart(ctx.db, { slug, name: chartName(list.country), source: 'deezer', country: list.country, frequency: 'weekly', size: DEEZER_CHART_SIZE });
    await writeChartRows(ctx.pool, { id: chartId, size: DEEZER_CHART_SIZE }, ids.map((trackId, rank) => ({ date: opts.asOf, rank: rank + 1, trackId })));
    stats.lists[slug] = ids.length;
    state.listsDone.push(slug);
    await run.checkpoint.save(state);
  }
  ctx.progress(topLists.length, topLists.length, 'charts');
}

/** Re-reads every track with a Deezer id (in id order, resumable) and stores its rank as the week's snapshot. */
async function tracksPhase(run: Run) {
  const { ctx, opts, client, state, stats } = run;
  const walk = { after: state.afterTrackId, limit: opts.limit, batchSize: run.trackBatch, phase: 'tracks' };
  const save = async (lastId: number) => {
    state.afterTrackId = lastId;
    await run.checkpoint.save(state);
  };
  await walkTracks<number>(ctx, tracks.deezerId, walk, async (batch) => {
    const read = await mapLimit(batch, CONCURRENCY, async (row): Promise<DeezerTrack | null> => {
      try {
        return await client.getTrack(row.externalId);
      } catch (err) {
        // Removed from Deezer: no snapshot this week, which is what absence means.
        if (err instanceof NotFoundError) return null;
        throw err;
      }
    });
    const found = batch.flatMap((row, i) => (read[i] ? [{ trackId: row.id, track: read[i] }] : []));
    // Fills what the lists lacked (ISRC, bpm, release date); the Deezer id finds the same track.
    await run.resolver.resolve(found.map((f) => deezerTrackToInput(f.track)));
    await writeSnapshots(ctx.pool, found.map((f) => ({ trackId: f.trackId, observedOn: opts.asOf, source: 'deezer', popularity: deezerPopularity(f.track.rank) })));
    stats.tracksRead += found.length;
    stats.snapshots += found.length;
    stats.tracksGone += batch.length - found.length;
  }, save);
}
