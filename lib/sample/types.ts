import type { SampleFeatures, SampleGenre } from './features';

/** Where an artist is from; `xx` stands for the rest of the world (global charts only). */
export type SampleCountry = 'us' | 'gb' | 'de' | 'xx';

/** How a song's chart life goes (the shapes real weekly charts show). */
export const SONG_KINDS = [
  'debut', // big first week, fast decay
  'standard', // rises for a week or two, then decays over a few months
  'climber', // slow climb over months, long plateau
  'sleeper', // quiet after release, breaks out much later
  'viral', // a short spike out of nowhere
  'long-runner', // a hit that stays for a year or more
  'minor', // small, mostly local or near the bottom
  'evergreen', // catalog song that charts for years
  'holiday', // comes back every December
] as const;
export type SongKind = (typeof SONG_KINDS)[number];

export interface SampleArtist {
  spotifyId: string;
  name: string;
  country: SampleCountry;
  genre: SampleGenre;
  followers: number;
  /** 0–100, like Spotify's artist popularity. */
  popularity: number;
  /** Latent fame (standard normal): stars get bigger peaks. */
  fame: number;
  /** Latent staying power (standard normal): the artist's track record of long runs. */
  longevity: number;
}

export interface SampleSong {
  spotifyId: string;
  isrc: string;
  title: string;
  album: string;
  releaseDate: string;
  /** Week index of the first chart week after release (negative: before the window; catalog songs far back). */
  releaseWeek: number;
  durationMs: number;
  explicit: boolean;
  genre: SampleGenre;
  /** Artist indices, primary first. */
  artists: number[];
  /** Null for the ~15% of songs whose features are "not available". */
  features: SampleFeatures | null;
  /** The weak pull of its sound on its success (log scale), known even when `features` is hidden. */
  appeal: number;
  kind: SongKind;
}

export interface SampleChart {
  slug: string;
  name: string;
  /** `global` or ISO 3166 alpha-2, lower case. */
  country: 'global' | 'us' | 'gb' | 'de';
  size: number;
}

export interface SampleEntry {
  /** Index into `songs`. */
  song: number;
  rank: number;
  /** Weekly streams in that chart's market. */
  streams: number;
}

export interface SampleChartWeek {
  chart: SampleChart;
  date: string;
  entries: SampleEntry[];
}
