import path from 'node:path';
import type { ChartSpec } from '@/lib/ingest/chart-writer';
import { splitArtists } from '@/lib/tracks/match-key';
import { chartLineWriter, checkRank, countryCode, type ChartLine } from './chart-lines';
import { SongMemo } from './song-memo';
import { BadLine, featureReader, Header, list, num, positiveInt, required, requiredDay, spotifyTrackId, text } from './fields';
import type { ImportFormat, ImportOptions } from './types';

/** What a charts.spotify.com / spotifycharts.com file name says: `regional-global-weekly-2023-06-01.csv`. */
export function parseChartFileName(file: string) {
  const base = path.basename(file).toLowerCase();
  const m = /(regional|viral)-([a-z]{2}|global)-(weekly|daily)-(\d{4}-\d{2}-\d{2})(?:--(\d{4}-\d{2}-\d{2}))?/.exec(base);
  if (m) return { kind: m[1] as 'regional' | 'viral', country: m[2]!, frequency: m[3] as 'weekly' | 'daily', date: m[5] ?? m[4]! };
  return {
    kind: base.includes('viral') ? ('viral' as const) : ('regional' as const),
    country: null,
    frequency: base.includes('daily') ? ('daily' as const) : ('weekly' as const),
    date: null,
  };
}

/** The chart a Spotify Charts line belongs to. --chart overrides the derived slug. */
export function spotifyChart(kind: 'regional' | 'viral', frequency: 'weekly' | 'daily', country: string, options: ImportOptions): ChartSpec {
  const viral = kind === 'viral';
  const where = country === 'global' ? 'Global' : country.toUpperCase();
  return {
    slug: options.chart ?? `spotify-${viral ? 'viral-' : ''}${frequency}-${country}`,
    name: `Spotify ${viral ? 'Viral 50' : 'Top 200'} ${frequency === 'weekly' ? 'Weekly' : 'Daily'} · ${where}`,
    source: 'spotify-charts',
    country,
    frequency,
    size: viral ? 50 : 200,
  };
}

/**
 * Spotify Charts exports: the charts.spotify.com header
 * (`rank,uri,artist_names,track_name,source,peak_rank,previous_rank,weeks_on_chart,streams`,
 * optionally with `week`/`date` and `region` columns), the legacy spotifycharts.com
 * one (a note line, then `Position,Track Name,Artist,Streams,URL`), and scraped
 * variants (`current_pos,track,artist,feats,track_uri,country_short,…` with audio
 * features). Chart date and country: a column, else --date/--country, else the file name.
 */
export const spotifyChartsFormat: ImportFormat<ChartLine> = {
  name: 'spotify-charts',
  summary: 'Spotify Charts CSV exports (charts.spotify.com, legacy spotifycharts.com), weekly or daily, any country.',
  open(names, file, env) {
    const h = new Header(names);
    const rankCol = h.need('rank', 'rank', 'position', 'current_pos');
    const titleCol = h.need('title', 'track_name', 'track name', 'track');
    const artistCol = h.need('artist', 'artist_names', 'artist', 'artists');
    const featsCol = h.find('feats');
    const idCol = h.find('uri', 'track_id', 'url', 'track_uri', 'spotify_id');
    const streamsCol = h.find('streams');
    const dateCol = h.find('week', 'date', 'chart_date');
    const countryCol = h.find('region', 'country_short', 'country_code');
    const genreCol = h.find('genre', 'genres');
    const durationCol = h.find('duration_ms');
    const features = featureReader(h);
    const fromName = parseChartFileName(file);
    const { options } = env;
    const fixedCountry = options.country ? countryCode(options.country) : fromName.country;
    const fixedDate = options.date ?? fromName.date;
    if (dateCol < 0 && !fixedDate) throw new Error('no week/date column, no --date and no date in the file name');
    const frequency = options.chart?.includes('daily') ? 'daily' : fromName.frequency;
    const charts = new Map<string, ChartSpec>();
    const write = chartLineWriter(env);
    const songs = new SongMemo([idCol, titleCol, artistCol, featsCol], genreCol < 0 && durationCol < 0 && !features, (fields) => {
      const rawId = text(fields, idCol);
      const spotifyId = spotifyTrackId(rawId);
      if (rawId !== null && spotifyId === null) throw new BadLine(`"${rawId}" is not a Spotify track id, URI or URL`);
      const credit = required(fields, artistCol, 'artist');
      const feats = list(text(fields, featsCol));
      const artists = [...splitArtists(credit), ...feats].map((name) => ({ name }));
      return {
        spotifyId,
        title: required(fields, titleCol, 'track name'),
        artists,
        artistCredit: feats.length > 0 ? undefined : credit,
        genre: list(text(fields, genreCol))[0] ?? null,
        durationMs: num(fields, durationCol, 'duration_ms'),
        features: features?.(fields) ?? null,
      };
    });
    return {
      parse(fields) {
        const country = countryCol >= 0 ? countryCode(required(fields, countryCol, 'region')) : (fixedCountry ?? 'global');
        const chart = charts.get(country) ?? spotifyChart(fromName.kind, frequency, country, options);
        charts.set(country, chart);
        return {
          chart,
          date: requiredDay(dateCol >= 0 ? text(fields, dateCol) : fixedDate, 'chart date'),
          rank: checkRank(positiveInt(fields, rankCol, 'rank'), chart),
          streams: num(fields, streamsCol, 'streams'),
          track: songs.get(fields),
        };
      },
      write,
    };
  },
};
