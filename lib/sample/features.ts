/**
 * Genres of the sample and the audio features that go with them. Means per
 * genre follow the broad shape of real catalogs (hip-hop is wordy and
 * danceable, indie acoustic and quiet, dance loud and instrumental-leaning).
 */
import type { Rng } from './prng';

export const SAMPLE_GENRES = [
  'pop', 'hip-hop', 'r&b', 'dance', 'rock', 'indie', 'latin', 'country', 'k-pop', 'afrobeats', 'deutschrap', 'christmas',
] as const;
export type SampleGenre = (typeof SAMPLE_GENRES)[number];

/** Audio features named like the `tracks` columns; 0–1 unless noted. */
export interface SampleFeatures {
  danceability: number;
  energy: number;
  /** Pitch class 0–11. */
  key: number;
  /** dB, about −20…0. */
  loudness: number;
  /** 1 major, 0 minor. */
  mode: number;
  speechiness: number;
  acousticness: number;
  instrumentalness: number;
  liveness: number;
  valence: number;
  /** Beats per minute. */
  tempo: number;
  /** Beats per bar, 3–7. */
  timeSignature: number;
}

interface GenreProfile {
  danceability: number;
  energy: number;
  valence: number;
  acousticness: number;
  speechiness: number;
  instrumentalness: number;
  tempo: number;
  loudness: number;
  /** Share of explicit songs. */
  explicit: number;
  /** Typical length in seconds. */
  seconds: number;
}

const P = (d: number, e: number, v: number, a: number, s: number, i: number, tempo: number, loud: number, explicit: number, seconds: number): GenreProfile => ({
  danceability: d, energy: e, valence: v, acousticness: a, speechiness: s, instrumentalness: i, tempo, loudness: loud, explicit, seconds,
});

const PROFILES: Record<SampleGenre, GenreProfile> = {
  pop: P(0.66, 0.64, 0.5, 0.2, 0.07, 0.01, 116, -6, 0.2, 190),
  'hip-hop': P(0.76, 0.62, 0.44, 0.15, 0.22, 0.01, 126, -6.5, 0.7, 185),
  'r&b': P(0.68, 0.52, 0.45, 0.3, 0.1, 0.02, 104, -7.5, 0.35, 200),
  dance: P(0.7, 0.8, 0.5, 0.06, 0.07, 0.15, 124, -5, 0.1, 185),
  rock: P(0.5, 0.76, 0.45, 0.08, 0.05, 0.05, 126, -5.5, 0.15, 225),
  indie: P(0.55, 0.5, 0.4, 0.4, 0.05, 0.08, 116, -8.5, 0.1, 215),
  latin: P(0.76, 0.72, 0.65, 0.2, 0.09, 0.01, 108, -5, 0.3, 195),
  country: P(0.58, 0.68, 0.55, 0.25, 0.04, 0.01, 118, -6, 0.05, 200),
  'k-pop': P(0.7, 0.78, 0.58, 0.1, 0.08, 0.01, 122, -4.5, 0.05, 185),
  afrobeats: P(0.78, 0.66, 0.68, 0.25, 0.1, 0.02, 108, -6.5, 0.2, 190),
  deutschrap: P(0.76, 0.66, 0.45, 0.18, 0.25, 0.01, 120, -6, 0.6, 170),
  christmas: P(0.55, 0.5, 0.75, 0.45, 0.05, 0.01, 120, -8, 0, 200),
};

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const unit = (rng: Rng, mean: number, sd = 0.12) => Number(clamp(rng.normal(mean, sd), 0, 1).toFixed(3));

/** Draws a song's audio features around its genre's profile. */
export function drawFeatures(rng: Rng, genre: SampleGenre): SampleFeatures {
  const p = PROFILES[genre];
  const energy = unit(rng, p.energy);
  return {
    danceability: unit(rng, p.danceability),
    energy,
    key: rng.int(0, 11),
    // Louder masters go with more energy.
    loudness: Number(clamp(rng.normal(p.loudness + 6 * (energy - p.energy), 1.5), -20, -1).toFixed(2)),
    mode: rng.chance(0.58) ? 1 : 0,
    speechiness: unit(rng, p.speechiness, 0.05),
    acousticness: unit(rng, p.acousticness, 0.15),
    // Most songs have vocals: instrumentalness is usually near zero, with a long tail.
    instrumentalness: Number(clamp(-p.instrumentalness * Math.log(1 - rng.next()), 0, 1).toFixed(4)),
    liveness: Number(clamp(Math.exp(rng.normal(Math.log(0.13), 0.45)), 0.02, 0.95).toFixed(3)),
    valence: unit(rng, p.valence, 0.18),
    tempo: Number(clamp(rng.normal(p.tempo, 22), 60, 200).toFixed(2)),
    timeSignature: rng.weighted([0.05, 0.93, 0.02]) + 3,
  };
}

/** Explicit flag drawn with the genre's share. */
export const drawExplicit = (rng: Rng, genre: SampleGenre) => rng.chance(PROFILES[genre].explicit);

/** Length in milliseconds around the genre's typical length. */
export const drawDurationMs = (rng: Rng, genre: SampleGenre) =>
  Math.round(clamp(PROFILES[genre].seconds * Math.exp(rng.normal(0, 0.17)), 95, 420) * 1000);

/**
 * The weak pull audio features have on a song's success (log-scale factor),
 * about ±0.1: danceable, energetic songs do a little better, as in real charts.
 */
export const featureAppeal = (f: SampleFeatures) => 0.4 * (f.danceability - 0.65) + 0.2 * (f.energy - 0.62);
