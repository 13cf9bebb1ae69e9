/**
 * A song's weekly streams over the window: a shape per kind (debut, climber,
 * sleeper, …) scaled by the artist's fame and track record, with week-to-week
 * noise, then split into countries by where the song is popular.
 * Calibrated on the real 2023 Spotify weekly charts: of the songs on the global
 * Top 200 in a week, ~37% are on it 26 weeks later (US Top 100 ~25%, DE ~13%);
 * with seed 42 the sample keeps ~31% (global), 21–26% (Top 100s) and ~19% after 52 weeks.
 */
import { daysBetween } from './calendar';
import type { Rng } from './prng';
import type { SampleArtist, SampleSong } from './types';

/** Median peak weekly global streams of an ordinary new release (tuned so the charts' streams look real). */
const TYPICAL_PEAK = 12_000_000;
/** Share of a song's global streams each country chart sees before local effects. */
const BASE_SHARE = { us: 0.24, gb: 0.07, de: 0.075 } as const;
export const MARKETS = ['global', 'us', 'gb', 'de'] as const;
export type Market = (typeof MARKETS)[number];

/** Rise to a peak `d` weeks after release, then a fast and a slow exponential decay (half-lives h1, h2). */
function riseAndDecay(dt: number, d: number, rise: number, a: number, h1: number, h2: number): number {
  if (dt < 0) return 0;
  if (dt < d) return Math.exp(-(d - dt) * rise);
  const after = dt - d;
  return a * 2 ** (-after / h1) + (1 - a) * 2 ** (-after / h2);
}

/** 0…1 seasonal weight of a Christmas song in the chart week ending on `date`. */
export function christmasWeight(date: string): number {
  const year = Number(date.slice(0, 4));
  const candidates = [year - 1, year].map((y) => daysBetween(`${y}-12-25`, date));
  const offset = candidates.reduce((best, d) => (Math.abs(d) < Math.abs(best) ? d : best));
  // Climbs from late November, peaks at Christmas, collapses in the first week of January.
  return offset <= 0 ? Math.exp(-((offset / 13) ** 2)) : Math.exp(-((offset / 5) ** 2));
}

/** The song's global weekly streams for each week of the window (0 before release). */
export function globalCurve(rng: Rng, song: SampleSong, artist: SampleArtist, dates: readonly string[]): Float64Array {
  const lon = Math.exp(0.35 * artist.longevity + rng.normal(0, 0.15));
  const localAct = artist.country === 'de' ? 0.3 : 1;
  const peak = TYPICAL_PEAK * localAct * Math.exp(rng.normal(0.4 * artist.fame + song.appeal, 0.35));
  const r = song.releaseWeek;
  let shape: (dt: number, date: string) => number;
  switch (song.kind) {
    case 'debut': {
      const [h1, h2] = [rng.float(1.2, 2.5), rng.float(6, 14) * lon];
      shape = (dt) => 1.6 * riseAndDecay(dt, 0, 1, 0.8, h1, h2);
      break;
    }
    case 'standard':
    case 'minor': {
      const [d, h1, h2] = [rng.int(0, 2), rng.float(3, 6), rng.float(10, 20) * lon];
      const scale = song.kind === 'minor' ? 0.25 : 1;
      shape = (dt) => scale * riseAndDecay(dt, d, 0.9, 0.55, h1, h2);
      break;
    }
    case 'climber': {
      const [d, rise, h1, h2] = [rng.int(6, 20), rng.float(0.12, 0.25), rng.float(5, 9), rng.float(14, 28) * lon];
      shape = (dt) => 0.9 * riseAndDecay(dt, d, rise, 0.3, h1, h2);
      break;
    }
    case 'sleeper': {
      const [d, rise, h2] = [rng.int(10, 45), rng.float(0.3, 0.6), rng.float(14, 28) * lon];
      shape = (dt) => riseAndDecay(dt, d, rise, 0.45, 4, h2) + (dt >= 0 ? 0.06 * 2 ** (-dt / 3) : 0);
      break;
    }
    case 'viral': {
      const [v, width, glow] = [rng.int(0, 30), rng.float(0.8, 1.8), rng.float(8, 16)];
      shape = (dt) =>
        0.2 * riseAndDecay(dt, 0, 1, 0.5, 3, 12 * lon) +
        (dt >= 0 ? 1.6 * Math.exp(-0.5 * ((dt - v) / width) ** 2) : 0) +
        (dt > v ? 0.25 * 2 ** (-(dt - v) / glow) : 0);
      break;
    }
    case 'long-runner': {
      const [d, h2] = [rng.int(1, 6), rng.float(25, 55) * lon];
      shape = (dt) => 1.2 * riseAndDecay(dt, d, 0.5, 0.25, 8, h2);
      break;
    }
    case 'evergreen': {
      const [drift, summer] = [rng.float(-0.006, 0.002), rng.chance(0.3) ? 0.3 : 0];
      shape = (dt, date) => {
        const month = Number(date.slice(5, 7));
        return 0.45 * Math.exp(drift * (dt + r)) * (1 + (month >= 6 && month <= 8 ? summer : 0));
      };
      break;
    }
    case 'holiday': {
      const yearly = new Map<number, number>();
      shape = (_dt, date) => {
        const season = Number(date.slice(0, 4)) + (date.slice(5, 7) === '01' ? -1 : 0);
        if (!yearly.has(season)) yearly.set(season, Math.exp(rng.normal(0, 0.12)));
        return 0.01 + 1.1 * yearly.get(season)! * christmasWeight(date);
      };
      break;
    }
  }
  const out = new Float64Array(dates.length);
  // Week-to-week noise that persists a little (AR(1) on the log scale).
  let noise = rng.normal(0, 0.15);
  dates.forEach((date, t) => {
    noise = 0.75 * noise + rng.normal(0, 0.1);
    out[t] = peak * shape(t - r, date) * Math.exp(noise);
  });
  return out;
}

/** Each country's share of the song's streams: home acts are big at home, country music is American. */
export function countryShares(rng: Rng, song: SampleSong, artist: SampleArtist): Record<Exclude<Market, 'global'>, number> {
  const home = (m: 'us' | 'gb' | 'de') => (artist.country !== m ? 1 : m === 'us' ? 1.5 : m === 'gb' ? 3 : 7);
  const genre = (m: 'us' | 'gb' | 'de') => {
    if (song.genre === 'country') return { us: 2, gb: 0.5, de: 0.3 }[m];
    if (song.genre === 'latin' || song.genre === 'k-pop' || song.genre === 'afrobeats') return { us: 0.5, gb: 0.6, de: 0.6 }[m];
    if (song.genre === 'christmas') return { us: 1, gb: 1.6, de: 1.2 }[m];
    return 1;
  };
  const share = (m: 'us' | 'gb' | 'de') => BASE_SHARE[m] * home(m) * genre(m) * Math.exp(rng.normal(0, 0.3));
  return { us: share('us'), gb: share('gb'), de: share('de') };
}
