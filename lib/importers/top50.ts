import type { ChartSpec } from '@/lib/ingest/chart-writer';
import { splitArtists } from '@/lib/tracks/match-key';
import { chartLineWriter, checkRank, countryCode, type ChartLine } from './chart-lines';
import { BadLine, bool, day, Header, num, positiveInt, required, requiredDay, text } from './fields';
import { SongMemo } from './song-memo';
import type { ImportFormat } from './types';

/** Market names the Top-50 datasets use → ISO alpha-2 (or `global`). */
const MARKETS: Record<string, string> = {
  world: 'global',
  global: 'global',
  usa: 'us',
  'united-states': 'us',
  uk: 'gb',
  'united-kingdom': 'gb',
  'south-korea': 'kr',
  argentina: 'ar',
  france: 'fr',
  italy: 'it',
  japan: 'jp',
  mexico: 'mx',
  spain: 'es',
  germany: 'de',
  brazil: 'br',
  canada: 'ca',
  australia: 'au',
  india: 'in',
};

function market(value: string): string {
  const m = value.trim().toLowerCase().replace(/\s+/g, '-');
  const country = MARKETS[m] ?? (/^[a-z]{2}$/.test(m) ? countryCode(m) : null);
  if (!country) throw new BadLine(`market "${value}" is not a known market name or two-letter code`);
  return country;
}

/**
 * Daily Top-50 playlist snapshots with Spotify popularity
 * (`date,market,position,song,artist,popularity,…`): chart rows of a per-market
 * daily Top-50 chart (`spotify-top50-daily-<country>`), plus the day's popularity as
 * snapshot source `top50:<country>` (ISO alpha-2 or `global`; market names are mapped).
 * The files join several artists with " & ", so the credit is split there too.
 */
export const top50Format: ImportFormat<ChartLine> = {
  name: 'top50',
  summary: 'Daily Spotify Top-50 snapshots with popularity (date,market,position,song,artist,popularity,…).',
  open(names, _file, env) {
    const h = new Header(names);
    const dateCol = h.need('date', 'date', 'snapshot_date');
    const marketCol = h.find('market', 'country');
    const rankCol = h.need('position', 'position', 'rank', 'daily_rank');
    const titleCol = h.need('song', 'song', 'name', 'track_name');
    const artistCol = h.need('artist', 'artist', 'artists');
    const popularityCol = h.need('popularity', 'popularity');
    const durationCol = h.find('duration_ms');
    const releaseCol = h.find('release_date', 'album_release_date');
    const explicitCol = h.find('is_explicit', 'explicit');
    if (marketCol < 0 && !env.options.country) throw new Error('no market column and no --country');
    const charts = new Map<string, ChartSpec>();
    const chartOf = (country: string) => {
      const chart = charts.get(country) ?? {
        slug: env.options.chart ?? `spotify-top50-daily-${country}`,
        name: `Spotify Top 50 · ${country === 'global' ? 'Global' : country.toUpperCase()}`,
        source: 'spotify-top50',
        country,
        frequency: 'daily' as const,
        size: 50,
      };
      charts.set(country, chart);
      return chart;
    };
    // Every track fact of a line is in the memo's key columns.
    const songs = new SongMemo([titleCol, artistCol, durationCol, releaseCol, explicitCol], true, (fields) => {
      const credit = required(fields, artistCol, 'artist');
      return {
        title: required(fields, titleCol, 'song'),
        artists: credit.split(/\s+&\s+/).flatMap(splitArtists).map((name) => ({ name })),
        artistCredit: credit,
        durationMs: num(fields, durationCol, 'duration_ms'),
        releaseDate: day(text(fields, releaseCol), 'release_date'),
        explicit: bool(fields, explicitCol, 'is_explicit'),
      };
    });
    return {
      parse(fields) {
        const m = market(marketCol >= 0 ? required(fields, marketCol, 'market') : env.options.country!);
        const chart = chartOf(m);
        const popularity = num(fields, popularityCol, 'popularity');
        if (popularity === null || popularity < 0 || popularity > 100) throw new BadLine(`popularity "${text(fields, popularityCol) ?? ''}" is not 0–100`);
        return {
          chart,
          date: requiredDay(text(fields, dateCol), 'date'),
          rank: checkRank(positiveInt(fields, rankCol, 'position'), chart),
          streams: null,
          snapshot: { source: `top50:${m}`, popularity },
          track: songs.get(fields),
        };
      },
      write: chartLineWriter(env),
    };
  },
};
