/**
 * The what-if model's inputs: a song's typed attributes, how they become a feature row,
 * and the form's ranges. Popularity (the target) is 0–100.
 */

/** Numeric attributes with the range a form accepts (Spotify's audio-feature scales). */
export const NUMERIC_ATTRIBUTES = [
  { name: 'danceability', label: 'Danceability', min: 0, max: 1, step: 0.01 },
  { name: 'energy', label: 'Energy', min: 0, max: 1, step: 0.01 },
  { name: 'valence', label: 'Valence (happiness)', min: 0, max: 1, step: 0.01 },
  { name: 'tempo', label: 'Tempo (BPM)', min: 30, max: 250, step: 1 },
  { name: 'loudness', label: 'Loudness (dB)', min: -60, max: 5, step: 0.1 },
  { name: 'acousticness', label: 'Acousticness', min: 0, max: 1, step: 0.01 },
  { name: 'speechiness', label: 'Speechiness', min: 0, max: 1, step: 0.01 },
  { name: 'instrumentalness', label: 'Instrumentalness', min: 0, max: 1, step: 0.01 },
  { name: 'liveness', label: 'Liveness', min: 0, max: 1, step: 0.01 },
  { name: 'durationSec', label: 'Duration (seconds)', min: 30, max: 900, step: 1 },
] as const;
export type NumericAttribute = (typeof NUMERIC_ATTRIBUTES)[number]['name'];

export interface SongAttributes extends Record<NumericAttribute, number> {
  /** Pitch class 0–11 (C = 0). */
  key: number;
  /** 1 major, 0 minor. */
  mode: number;
  explicit: boolean;
  /** One of the model's genres, or anything else (counted as "other"). */
  genre: string;
  /** 1–12. */
  releaseMonth: number;
  /**
   * The primary artist's track record before this song: the mean popularity (0–100) of their
   * earlier-released songs and how many there were. Null when not known: the model reads it as average.
   */
  artistPriorMean: number | null;
  artistPriorSongs: number | null;
}

/** The feature names of a row, given the genres the model knows. */
export function attributeFeatureNames(genres: readonly string[]): string[] {
  return [
    ...NUMERIC_ATTRIBUTES.map((a) => a.name),
    'mode', 'explicit', 'key_sin', 'key_cos', 'month_sin', 'month_cos', 'artist_prior_mean', 'artist_prior_songs_log',
    ...genres.map((g) => `genre:${g}`),
  ];
}

/** One feature row; key and month are circular (B is next to C, December next to January). */
export function attributeRow(a: SongAttributes, genres: readonly string[]): number[] {
  const turn = (v: number, period: number) => (2 * Math.PI * v) / period;
  return [
    ...NUMERIC_ATTRIBUTES.map((n) => a[n.name]),
    a.mode, a.explicit ? 1 : 0,
    Math.sin(turn(a.key, 12)), Math.cos(turn(a.key, 12)),
    Math.sin(turn(a.releaseMonth - 1, 12)), Math.cos(turn(a.releaseMonth - 1, 12)),
    // NaN is "not known": standardisation turns it into the training mean.
    a.artistPriorMean ?? Number.NaN,
    a.artistPriorSongs === null ? Number.NaN : Math.log1p(a.artistPriorSongs),
    ...genres.map((g) => (a.genre === g ? 1 : 0)),
  ];
}
