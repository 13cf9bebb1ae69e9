/** The sample's artists and songs: who made what, when, and what it sounds like. */
import { matchKey } from '@/lib/tracks/match-key';
import { addDays, daysBetween } from './calendar';
import { drawDurationMs, drawExplicit, drawFeatures, featureAppeal, type SampleGenre } from './features';
import { drawAlbum, drawArtistName, drawTitle, sampleIsrc, spotifyLikeId, unique } from './names';
import type { Rng } from './prng';
import type { SampleArtist, SampleCountry, SampleSong, SongKind } from './types';

/** Artist genres and their shares (christmas is a song genre, not an artist's). */
const ARTIST_GENRES: readonly [SampleGenre, number][] = [
  ['pop', 24], ['hip-hop', 18], ['r&b', 8], ['dance', 8], ['rock', 6], ['indie', 7], ['latin', 9], ['country', 5],
  ['k-pop', 4], ['afrobeats', 3], ['deutschrap', 8],
];

/** Kinds of newly released songs and their shares; catalog kinds are counted apart. */
const NEW_KINDS: readonly [SongKind, number][] = [
  ['debut', 22], ['standard', 33], ['climber', 10], ['sleeper', 7], ['viral', 8], ['long-runner', 3], ['minor', 8],
];
const EVERGREEN_SHARE = 0.025;
const HOLIDAY_SHARE = 0.02;
/** New releases start this many weeks before the window, so week one already has a realistic mix of ages. */
export const LEAD_IN_WEEKS = 26;
const FEATURES_AVAILABLE = 0.85;
const ISRC_ABROAD = ['SE', 'FR', 'KR', 'BR', 'NG', 'ES', 'MX', 'CA', 'JP', 'NL'] as const;

function artistCountry(rng: Rng, genre: SampleGenre): SampleCountry {
  if (genre === 'deutschrap') return 'de';
  if (genre === 'country') return 'us';
  if (genre === 'latin' || genre === 'k-pop' || genre === 'afrobeats') return 'xx';
  return (['us', 'gb', 'de', 'xx'] as const)[rng.weighted([0.5, 0.25, 0.08, 0.17])]!;
}

/** `count` artists with unique names, fame and track records. */
export function drawArtists(rng: Rng, count: number): SampleArtist[] {
  const taken = new Set<string>();
  return Array.from({ length: count }, () => {
    const genre = ARTIST_GENRES[rng.weighted(ARTIST_GENRES.map(([, w]) => w))]![0];
    const fame = rng.normal();
    return {
      spotifyId: spotifyLikeId(rng),
      name: unique(taken, () => drawArtistName(rng, genre === 'rock' || genre === 'indie'), (n) => matchKey('', n)), // the artist half of a match key
      country: artistCountry(rng, genre),
      genre,
      fame,
      longevity: rng.normal(),
      followers: Math.round(Math.exp(rng.normal(13 + 1.4 * fame, 0.5))),
      popularity: Math.round(Math.min(100, Math.max(15, rng.normal(58 + 11 * fame, 5)))),
    };
  });
}

function drawKinds(rng: Rng, count: number): SongKind[] {
  const evergreen = Math.max(1, Math.round(count * EVERGREEN_SHARE));
  const holiday = Math.max(1, Math.round(count * HOLIDAY_SHARE));
  const kinds: SongKind[] = [...Array<SongKind>(evergreen).fill('evergreen'), ...Array<SongKind>(holiday).fill('holiday')];
  while (kinds.length < count) kinds.push(NEW_KINDS[rng.weighted(NEW_KINDS.map(([, w]) => w))]![0]);
  return kinds;
}

/** Picks primary artists: every artist gets one song, stars get more. */
function drawPrimaryArtists(rng: Rng, artists: SampleArtist[], kinds: SongKind[]): number[] {
  const weights = artists.map((a) => Math.exp(0.9 * a.fame));
  // Holiday songs are sung by pop/r&b/rock/country acts, not by local rappers.
  const holidayWeights = artists.map((a, i) => (['pop', 'r&b', 'rock', 'country'].includes(a.genre) ? weights[i]! : 0));
  const order = rng.shuffle(artists.map((_, i) => i));
  let next = 0;
  return kinds.map((kind) => {
    if (kind === 'holiday') return rng.weighted(holidayWeights);
    return next < order.length ? order[next++]! : rng.weighted(weights);
  });
}

export interface CatalogOptions {
  songs: number;
  artists: number;
  /** Date of the window's first chart week. */
  firstWeek: string;
  weeks: number;
}

/** Draws the artists and songs of the sample, songs ordered by release date. */
export function drawCatalog(rng: Rng, opts: CatalogOptions): { artists: SampleArtist[]; songs: SampleSong[] } {
  const artists = drawArtists(rng.fork('artists'), opts.artists);
  const songRng = rng.fork('songs');
  const kinds = drawKinds(songRng, opts.songs);
  const primaries = drawPrimaryArtists(songRng, artists, kinds);
  const firstYear = Number(opts.firstWeek.slice(0, 4));
  const titlesTaken = new Set<string>();

  const drafts = kinds.map((kind, i) => {
    const primary = primaries[i]!;
    const artist = artists[primary]!;
    const genre: SampleGenre = kind === 'holiday' ? 'christmas' : songRng.chance(0.85) ? artist.genre : songRng.pick(ARTIST_GENRES)[0];
    let releaseWeek: number;
    let releaseDate: string;
    if (kind === 'evergreen' || kind === 'holiday') {
      // Christmas classics are old and came out in November; evergreens span the decades before the window.
      const year = kind === 'holiday' ? songRng.int(1957, firstYear - 5) : songRng.int(1975, firstYear - 4);
      const month = kind === 'holiday' ? 11 : songRng.int(1, 12);
      releaseDate = `${year}-${String(month).padStart(2, '0')}-${String(songRng.int(1, 28)).padStart(2, '0')}`;
      releaseWeek = -Math.ceil(daysBetween(releaseDate, opts.firstWeek) / 7);
    } else {
      releaseWeek = songRng.int(-LEAD_IN_WEEKS, opts.weeks - 1);
      // Releases come out on Fridays, six days before the Thursday that closes their first chart week.
      releaseDate = addDays(opts.firstWeek, 7 * releaseWeek - 6);
    }
    const style = kind === 'holiday' ? 'holiday' : artist.country === 'de' ? 'german' : 'default';
    const title = unique(titlesTaken, () => drawTitle(songRng, style), (t) => matchKey(t, artist.name));
    const featured = songRng.chance(genre === 'hip-hop' || genre === 'deutschrap' ? 0.35 : 0.15);
    const second = featured ? songRng.int(0, artists.length - 1) : primary;
    const features = drawFeatures(songRng, genre);
    return {
      spotifyId: spotifyLikeId(songRng),
      isrcCountry: artist.country === 'xx' ? songRng.pick(ISRC_ABROAD) : artist.country,
      title,
      album: drawAlbum(songRng, title),
      releaseDate,
      releaseWeek,
      durationMs: drawDurationMs(songRng, genre),
      explicit: drawExplicit(songRng, genre),
      genre,
      artists: second === primary ? [primary] : [primary, second],
      features: songRng.chance(FEATURES_AVAILABLE) ? features : null,
      appeal: featureAppeal(features),
      kind,
    };
  });
  drafts.sort((a, b) => a.releaseDate.localeCompare(b.releaseDate) || a.spotifyId.localeCompare(b.spotifyId));
  const songs: SampleSong[] = drafts.map(({ isrcCountry, ...song }, index) => ({
    ...song,
    isrc: sampleIsrc(songRng, isrcCountry, Number(song.releaseDate.slice(0, 4)), index),
  }));
  return { artists, songs };
}
