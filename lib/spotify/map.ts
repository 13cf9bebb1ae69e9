import type { AudioFeatures, TrackInput } from '@/lib/ingest/types';
import type { SpotifyArtist, SpotifyAudioFeatures, SpotifyTrack } from './schemas';

/**
 * A Spotify release date as YYYY-MM-DD. Dates known only to the month or year
 * are stored as their first day (precision "month"/"year"), which is how the
 * catalog datasets store them too; "0000" and unreadable dates are missing.
 */
export function spotifyReleaseDate(date: string | null | undefined): string | null {
  const m = date?.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/);
  if (!m || m[1] === '0000') return null;
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
}

/** Spotify's audio features in our shape. */
export function spotifyFeatures(f: SpotifyAudioFeatures): AudioFeatures {
  return {
    danceability: f.danceability,
    energy: f.energy,
    key: f.key,
    loudness: f.loudness,
    mode: f.mode,
    speechiness: f.speechiness,
    acousticness: f.acousticness,
    instrumentalness: f.instrumentalness,
    liveness: f.liveness,
    valence: f.valence,
    tempo: f.tempo,
    timeSignature: f.time_signature,
  };
}

/** A Spotify track as a TrackInput for the resolver; features only when the app could read them. */
export function spotifyTrackToInput(track: SpotifyTrack, features?: SpotifyAudioFeatures | null): TrackInput {
  if (!track.id) throw new Error(`Spotify track "${track.name}" has no id (a local file)`);
  const artists = track.artists.map((a) => ({ name: a.name, spotifyId: a.id }));
  if (artists.length === 0) throw new Error(`Spotify track ${track.id} has no artists`);
  return {
    spotifyId: track.id,
    isrc: track.external_ids?.isrc?.toUpperCase() ?? null,
    title: track.name,
    artists,
    album: track.album.name || null,
    releaseDate: spotifyReleaseDate(track.album.release_date),
    durationMs: track.duration_ms,
    explicit: track.explicit,
    features: features ? spotifyFeatures(features) : null,
  };
}

/** The track's popularity 0–100, or null when the app does not receive it (never 0 for missing). */
export const spotifyPopularity = (track: SpotifyTrack): number | null => track.popularity ?? null;

/** The artist columns Spotify may fill; each null when the app does not receive it. */
export function spotifyArtistStats(artist: SpotifyArtist) {
  return {
    spotifyId: artist.id,
    name: artist.name,
    genres: artist.genres ?? null,
    followers: artist.followers?.total ?? null,
    popularity: artist.popularity ?? null,
  };
}
