import { matchKey } from '@/lib/tracks/match-key';
import type { AudioFeatures, TrackInput } from './types';

type Value = string | number | boolean | null;

/**
 * Each audio feature's column in `tracks`. A Record, so a feature added to AudioFeatures
 * cannot be forgotten here, and the two lists below stay aligned by construction.
 */
const AUDIO_FEATURE_COLUMNS: Record<keyof AudioFeatures, string> = {
  danceability: 'danceability',
  energy: 'energy',
  key: 'musical_key',
  loudness: 'loudness',
  mode: 'mode',
  speechiness: 'speechiness',
  acousticness: 'acousticness',
  instrumentalness: 'instrumentalness',
  liveness: 'liveness',
  valence: 'valence',
  tempo: 'tempo',
  timeSignature: 'time_signature',
};
const FEATURE_NAMES = Object.keys(AUDIO_FEATURE_COLUMNS) as (keyof AudioFeatures)[];

/** Columns a later source may fill on an existing track (never overwritten once known). */
export const FILLABLE_COLUMNS: readonly string[] = [
  'spotify_id',
  'deezer_id',
  'isrc',
  'album',
  'release_date',
  'duration_ms',
  'explicit',
  'genre',
  ...FEATURE_NAMES.map((f) => AUDIO_FEATURE_COLUMNS[f]),
];
export const SPOTIFY_COL = 0;
export const DEEZER_COL = 1;
export const ISRC_COL = 2;

/** SQL giving a bit mask of which FILLABLE_COLUMNS are known on a tracks row. */
export const KNOWN_MASK_SQL = FILLABLE_COLUMNS.map((c, i) => `((\`${c}\` IS NOT NULL) << ${i})`).join(' | ');

/** A TrackInput checked and shaped for the tracks table. */
export interface CleanTrack {
  key: string;
  title: string;
  artistNames: string;
  artists: { name: string; spotifyId: string | null }[];
  /** Aligned with FILLABLE_COLUMNS. */
  values: Value[];
  /** Bit i set when values[i] is known. */
  mask: number;
}

const clip = (s: string | null | undefined, n: number) => {
  const t = s?.trim();
  return t ? t.slice(0, n) : null;
};
const finite = (n: number | null | undefined) => (typeof n === 'number' && Number.isFinite(n) ? n : null);
const intIn = (n: number | null | undefined, min: number, max: number) => {
  const v = finite(n);
  return v !== null && Number.isInteger(v) && v >= min && v <= max ? v : null;
};
const SPOTIFY_ID = /^[0-9A-Za-z]{22}$/;
const ISRC = /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A Spotify id if `id` looks like one (22 base-62 characters), else null. */
export function cleanSpotifyId(id: string | null | undefined): string | null {
  const t = id?.trim() ?? '';
  return SPOTIFY_ID.test(t) ? t : null;
}

/** An ISRC in its canonical 12-character form, or null when it is not one. */
export function cleanIsrc(isrc: string | null | undefined): string | null {
  const t = (isrc ?? '').toUpperCase().replace(/[-\s]/g, '');
  return ISRC.test(t) ? t : null;
}

function featureValue(name: keyof AudioFeatures, v: number | null | undefined): number | null {
  if (name === 'key') return intIn(v, 0, 11); // Spotify's -1 = no key detected
  if (name === 'mode') return intIn(v, 0, 1);
  if (name === 'timeSignature') return intIn(v, 1, 12);
  return finite(v);
}

/** Validates and shapes one input; throws on what no track can be made of. */
export function cleanTrack(input: TrackInput): CleanTrack {
  const title = clip(input.title, 512);
  const artists = input.artists
    .map((a) => ({ name: clip(a.name, 255), spotifyId: cleanSpotifyId(a.spotifyId) }))
    .filter((a): a is { name: string; spotifyId: string | null } => a.name !== null);
  const primary = artists[0];
  if (!title) throw new Error('a track needs a title');
  if (!primary) throw new Error(`"${title}" has no artist`);
  const artistNames = clip(input.artistCredit, 1024) ?? artists.map((a) => a.name).join(', ').slice(0, 1024);
  const features = input.features ?? {};
  const values: Value[] = [
    cleanSpotifyId(input.spotifyId),
    intIn(input.deezerId, 1, Number.MAX_SAFE_INTEGER),
    cleanIsrc(input.isrc),
    clip(input.album, 512),
    input.releaseDate && DAY.test(input.releaseDate) ? input.releaseDate : null,
    intIn(input.durationMs, 1, 2 ** 31 - 1),
    typeof input.explicit === 'boolean' ? input.explicit : null,
    clip(input.genre, 64),
    ...FEATURE_NAMES.map((f) => featureValue(f, features[f])),
  ];
  let mask = 0;
  values.forEach((v, i) => {
    if (v !== null) mask |= 1 << i;
  });
  return { key: matchKey(title, primary.name), title, artistNames, artists, values, mask };
}
