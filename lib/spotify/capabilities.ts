import { NotFoundError } from '@/lib/http/errors';
import type { SpotifyClient } from './client';
import { isUnavailable } from './client';

/** What this Spotify app may use; development-mode apps get none of it since 2026. */
export interface SpotifyCapabilities {
  /** Track/artist popularity and artist followers are in the answers. */
  popularity: boolean;
  /** /audio-features answers. */
  audioFeatures: boolean;
  /** Batch lookups (/tracks?ids=, /artists?ids=) answer. */
  batch: boolean;
  /** Spotify-owned editorial playlists (e.g. Top 50 – Global) can be read. */
  editorialPlaylists: boolean;
}

/** A long-lived catalogue track used when the caller has none of its own to probe with. */
export const PROBE_TRACK_ID = '4uLU6hMCjMI75M1A2tKUQC';
/** Spotify's "Top 50 – Global" editorial playlist. */
export const EDITORIAL_PROBE_PLAYLIST_ID = '37i9dQZEVXbMDoHDwVN2tF';

/**
 * Answers false when the probe is refused (403, or 404 unless `missingDataOk`:
 * a track without audio analysis answers 404 to an app that may ask); any
 * other failure (quota, network) propagates.
 */
async function allowed(probe: () => Promise<unknown>, missingDataOk = false): Promise<boolean> {
  try {
    await probe();
    return true;
  } catch (err) {
    if (missingDataOk && err instanceof NotFoundError) return true;
    if (isUnavailable(err)) return false;
    throw err;
  }
}

/**
 * Probes once (four requests) what the app may use, so a run asks only for
 * what it can get and its stats can say what was unavailable.
 */
export async function detectCapabilities(client: SpotifyClient, trackId: string = PROBE_TRACK_ID): Promise<SpotifyCapabilities> {
  const track = await client.getTrack(trackId);
  return {
    popularity: track.popularity !== undefined,
    audioFeatures: await allowed(() => client.getAudioFeatures(trackId), true),
    batch: await allowed(() => client.getTracks([trackId])),
    editorialPlaylists: await allowed(() => client.getPlaylist(EDITORIAL_PROBE_PLAYLIST_ID)),
  };
}

/** The capabilities the app lacks, for a run's stats (e.g. ['popularity', 'audioFeatures']). */
export function unavailableCapabilities(caps: SpotifyCapabilities): (keyof SpotifyCapabilities)[] {
  return (Object.keys(caps) as (keyof SpotifyCapabilities)[]).filter((k) => !caps[k]);
}
