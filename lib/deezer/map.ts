import type { TrackInput } from '@/lib/ingest/types';
import type { DeezerListTrack, DeezerTrack } from './schemas';

/** Deezer's `rank` that maps to popularity 100 (the top global hits sit near 1,000,000). */
export const DEEZER_RANK_FULL_SCALE = 1_000_000;

/**
 * Deezer's `rank` (0 to about 1,000,000, refreshed daily from streams) as a
 * 0–100 popularity: linear, rank / 10,000, capped at 100, one decimal.
 * Linear keeps the ordering and the relative gaps Deezer reports; a song
 * with rank 0 (no recent streams) scores 0.
 */
export function deezerPopularity(rank: number): number {
  if (!Number.isFinite(rank) || rank < 0) throw new RangeError(`Deezer rank ${rank} is not a non-negative number`);
  return Math.round(Math.min(100, (100 * rank) / DEEZER_RANK_FULL_SCALE) * 10) / 10;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Deezer writes unknown dates as "0000-00-00". */
const releaseDate = (date: string | undefined) => (date && DAY.test(date) && !date.startsWith('0000') ? date : null);

/**
 * A Deezer track (full, or as a list shows it) as a TrackInput. Credits come
 * from `contributors` (main artists first) when the full track has them.
 * bpm 0 means "not measured" and is left missing.
 */
export function deezerTrackToInput(track: DeezerTrack | DeezerListTrack): TrackInput {
  const full = 'contributors' in track || 'isrc' in track ? (track as DeezerTrack) : null;
  const contributors = full?.contributors ?? [];
  const ordered = [...contributors.filter((c) => c.role !== 'Featured'), ...contributors.filter((c) => c.role === 'Featured')];
  const names = ordered.length > 0 ? ordered.map((c) => c.name) : [track.artist.name];
  const bpm = full?.bpm;
  return {
    deezerId: track.id,
    isrc: full?.isrc ? full.isrc.toUpperCase() : null,
    title: track.title,
    artists: [...new Set(names)].map((name) => ({ name })),
    album: track.album.title || null,
    releaseDate: releaseDate(full?.release_date ?? track.album.release_date),
    durationMs: track.duration > 0 ? track.duration * 1000 : null,
    explicit: track.explicit_lyrics,
    features: bpm ? { tempo: bpm } : null,
  };
}
