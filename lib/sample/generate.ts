/**
 * The bundled sample: a deterministic, seeded history of weekly charts
 * (global Top 200 plus US, GB and DE Top 100) with its artists and songs.
 * Pure: no I/O, the same options always give the same rows.
 */
import { z } from 'zod';
import { dayOfWeek, weekDates } from './calendar';
import { drawCatalog } from './catalog';
import { createRng } from './prng';
import { countryShares, globalCurve, MARKETS, type Market } from './trajectory';
import type { SampleArtist, SampleChart, SampleChartWeek, SampleSong } from './types';

export const SAMPLE_DEFAULTS = { seed: 42, weeks: 156, end: '2026-11-19', songs: 2000 } as const;

/** Options of the generator; `end` must be a Thursday, the day Spotify's chart weeks end. */
export const sampleOptionsSchema = z.object({
  seed: z.coerce.number().int().min(0).max(2 ** 32 - 1).default(SAMPLE_DEFAULTS.seed),
  weeks: z.coerce.number().int().min(1).max(1040).default(SAMPLE_DEFAULTS.weeks),
  end: z.iso
    .date('end must be a date written YYYY-MM-DD')
    .refine((d) => dayOfWeek(d) === 4, 'end must be a Thursday (chart weeks end on Thursdays)')
    .default(SAMPLE_DEFAULTS.end),
  songs: z.coerce.number().int().min(500).max(50_000).default(SAMPLE_DEFAULTS.songs),
});
export type SampleOptions = z.infer<typeof sampleOptionsSchema>;

/** Every sample chart is owned by the `sample` source. */
export const SAMPLE_CHARTS: readonly (SampleChart & { market: Market })[] = [
  { slug: 'sample-weekly-global', name: 'Sample Weekly Top 200 · Global', country: 'global', size: 200, market: 'global' },
  { slug: 'sample-weekly-us', name: 'Sample Weekly Top 100 · United States', country: 'us', size: 100, market: 'us' },
  { slug: 'sample-weekly-gb', name: 'Sample Weekly Top 100 · United Kingdom', country: 'gb', size: 100, market: 'gb' },
  { slug: 'sample-weekly-de', name: 'Sample Weekly Top 100 · Germany', country: 'de', size: 100, market: 'de' },
];

export interface SampleData {
  options: SampleOptions;
  /** Chart week end dates, oldest first. */
  weeks: string[];
  artists: SampleArtist[];
  songs: SampleSong[];
  /** Every chart week, ordered by date, then by chart as in SAMPLE_CHARTS. */
  chartWeeks: SampleChartWeek[];
}

/** About one artist per 3.3 songs, as in the real charts' long tail. */
export const artistCount = (songs: number) => Math.round(songs * 0.3);

/** Generates the whole sample for `input` (defaults fill what is missing). */
export function generateSample(input: Partial<SampleOptions> = {}): SampleData {
  const options = sampleOptionsSchema.parse(input);
  const rng = createRng(options.seed);
  const weeks = weekDates(options.end, options.weeks);
  const { artists, songs } = drawCatalog(rng.fork('catalog'), {
    songs: options.songs,
    artists: artistCount(options.songs),
    firstWeek: weeks[0]!,
    weeks: options.weeks,
  });

  // streams[market][song][week]
  const streams: Record<Market, Float64Array[]> = { global: [], us: [], gb: [], de: [] };
  songs.forEach((song, i) => {
    const songRng = rng.fork(`song:${i}`);
    const artist = artists[song.artists[0]!]!;
    const global = globalCurve(songRng, song, artist, weeks);
    const shares = countryShares(songRng, song, artist);
    streams.global.push(global);
    for (const market of MARKETS) {
      if (market === 'global') continue;
      // Each country hears the song a little differently from week to week.
      streams[market].push(global.map((v) => v * shares[market] * Math.exp(songRng.normal(0, 0.08))));
    }
  });

  const chartWeeks: SampleChartWeek[] = [];
  weeks.forEach((date, t) => {
    for (const { market, ...chart } of SAMPLE_CHARTS) {
      const series = streams[market];
      const ranked = series
        .map((s, song) => ({ song, value: s[t]! }))
        .filter((e) => e.value > 0)
        .sort((a, b) => b.value - a.value || a.song - b.song)
        .slice(0, chart.size);
      if (ranked.length < chart.size) {
        throw new Error(`Only ${ranked.length} songs are out by ${date}, too few to fill ${chart.slug}: use more songs.`);
      }
      chartWeeks.push({
        chart,
        date,
        entries: ranked.map((e, i) => ({ song: e.song, rank: i + 1, streams: Math.round(e.value) })),
      });
    }
  });
  return { options, weeks, artists, songs, chartWeeks };
}
