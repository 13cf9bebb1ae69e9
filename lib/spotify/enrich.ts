import type { Pool } from 'mysql2/promise';
import { NotFoundError } from '@/lib/http/errors';
import { mapLimit } from '@/lib/http/map-limit';
import type { SpotifyCapabilities } from './capabilities';
import type { SpotifyClient } from './client';
import { spotifyArtistStats } from './map';
import type { SpotifyArtist, SpotifyAudioFeatures, SpotifyTrack } from './schemas';

/** Single-item requests in flight when the app has no batch endpoints. */
const CONCURRENCY = 3;

/** Null when Spotify answers 404 (the id no longer exists). */
async function orNull<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    throw err;
  }
}

/** Splits `list` into chunks of `size`. */
const chunks = <T>(list: T[], size: number) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/**
 * The tracks of `ids` (same order; null for ids Spotify no longer has): one
 * batch request per 50 when the app may, else one request per track.
 */
export async function fetchTracks(client: SpotifyClient, caps: SpotifyCapabilities, ids: string[]): Promise<(SpotifyTrack | null)[]> {
  if (caps.batch) return (await Promise.all(chunks(ids, 50).map((c) => client.getTracks(c)))).flat();
  return mapLimit(ids, CONCURRENCY, (id) => orNull(() => client.getTrack(id)));
}

/** Audio features of `ids` when the app may read them; else every entry is null (missing, not zero). */
export async function fetchFeatures(client: SpotifyClient, caps: SpotifyCapabilities, ids: string[]): Promise<(SpotifyAudioFeatures | null)[]> {
  if (!caps.audioFeatures) return ids.map(() => null);
  return mapLimit(ids, CONCURRENCY, (id) => orNull(() => client.getAudioFeatures(id)));
}

/**
 * Refreshes followers, popularity and genres of the artists with these
 * Spotify ids, when the app receives them; a value Spotify does not send
 * leaves the stored one as it is. Returns how many artists were read.
 */
export async function refreshArtists(pool: Pool, client: SpotifyClient, caps: SpotifyCapabilities, ids: string[]): Promise<number> {
  if (!caps.popularity || ids.length === 0) return 0;
  const artists: (SpotifyArtist | null)[] = caps.batch
    ? (await Promise.all(chunks(ids, 50).map((c) => client.getArtists(c)))).flat()
    : await mapLimit(ids, CONCURRENCY, (id) => orNull(() => client.getArtist(id)));
  let read = 0;
  for (const artist of artists) {
    if (!artist) continue;
    const s = spotifyArtistStats(artist);
    await pool.query(
      'UPDATE artists SET genres = COALESCE(?, genres), followers = COALESCE(?, followers), popularity = COALESCE(?, popularity) WHERE spotify_id = ?',
      [s.genres === null ? null : JSON.stringify(s.genres), s.followers, s.popularity === null ? null : Math.round(s.popularity), s.spotifyId],
    );
    read++;
  }
  return read;
}
