/** Names, titles and identifiers of the sample, all drawn from the seeded generator. */
import type { Rng } from './prng';
import {
  ALBUM_WORDS, BAND_ADJECTIVES, BAND_NOUNS, FIRST_NAMES, GERMAN_TITLE_WORDS, HOLIDAY_TITLES, LAST_NAMES, STAGE_PREFIXES,
  STAGE_WORDS, TITLE_ADJECTIVES, TITLE_NOUNS, TITLE_PHRASES,
} from './words';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A Spotify-like id: 22 base62 characters. */
export function spotifyLikeId(rng: Rng): string {
  let id = '';
  for (let i = 0; i < 22; i++) id += BASE62[rng.int(0, 61)];
  return id;
}

/**
 * An ISRC (CC + 3-character registrant + 2-digit year + 5-digit designation).
 * The designation is the song's index, so no two sample songs share one.
 */
export function sampleIsrc(rng: Rng, country: string, year: number, index: number): string {
  let registrant = '';
  for (let i = 0; i < 3; i++) registrant += ALNUM[rng.int(0, 35)];
  return `${country.toUpperCase()}${registrant}${String(year % 100).padStart(2, '0')}${String(index % 100_000).padStart(5, '0')}`;
}

/**
 * Calls `draw` until it returns a name whose `keyOf` is not in `taken`, then
 * falls back to a numbered variant. Keys are what the database matches on.
 */
export function unique(taken: Set<string>, draw: () => string, keyOf: (name: string) => string = (n) => n): string {
  const claim = (name: string) => {
    const key = keyOf(name);
    if (taken.has(key)) return false;
    taken.add(key);
    return true;
  };
  for (let attempt = 0; attempt < 40; attempt++) {
    const name = draw();
    if (claim(name)) return name;
  }
  const base = draw();
  for (let n = 2; ; n++) if (claim(`${base} ${n}`)) return `${base} ${n}`;
}

/** A person, a stage name or a band; bands are likelier for rock and indie. */
export function drawArtistName(rng: Rng, bandLikely: boolean): string {
  const form = rng.weighted(bandLikely ? [0.3, 0.05, 0.1, 0.55] : [0.45, 0.2, 0.2, 0.15]);
  if (form === 0) return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
  if (form === 1) return `${rng.pick(STAGE_PREFIXES)} ${rng.pick(STAGE_WORDS)}`;
  if (form === 2) return rng.chance(0.5) ? rng.pick(STAGE_WORDS).toUpperCase() : `${rng.pick(STAGE_WORDS)} ${rng.pick(LAST_NAMES)}`;
  return `The ${rng.pick(BAND_ADJECTIVES)} ${rng.pick(BAND_NOUNS)}`;
}

/** A song title; German for local German acts, seasonal for holiday songs. */
export function drawTitle(rng: Rng, style: 'default' | 'german' | 'holiday'): string {
  if (style === 'holiday') return rng.pick(HOLIDAY_TITLES);
  if (style === 'german' && rng.chance(0.7)) return rng.pick(GERMAN_TITLE_WORDS);
  const form = rng.weighted([0.35, 0.3, 0.2, 0.15]);
  if (form === 0) return `${rng.pick(TITLE_ADJECTIVES)} ${rng.pick(TITLE_NOUNS)}`;
  if (form === 1) return rng.pick(TITLE_PHRASES);
  if (form === 2) return rng.pick(TITLE_NOUNS);
  return `${rng.pick(TITLE_PHRASES)} (${rng.pick(TITLE_ADJECTIVES)} ${rng.pick(TITLE_NOUNS)})`;
}

/** An album name: the song's own title for a single, otherwise a drawn one. */
export function drawAlbum(rng: Rng, title: string): string {
  return rng.chance(0.55) ? title : `${rng.pick(TITLE_ADJECTIVES)} ${rng.pick(ALBUM_WORDS)}`;
}
