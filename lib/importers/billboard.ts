import type { ChartSpec } from '@/lib/ingest/chart-writer';
import { splitArtists } from '@/lib/tracks/match-key';
import { chartLineWriter, checkRank, type ChartLine } from './chart-lines';
import { Header, positiveInt, required, requiredDay, text } from './fields';
import { SongMemo } from './song-memo';
import type { ImportFormat } from './types';

/**
 * Billboard Hot 100 weekly files in either common header style:
 * `chart_date,rank,song,artist,…` or `chart_week,current_week,title,performer,…`.
 * Dates may be YYYY-MM-DD or M/D/YYYY. --chart writes to another slug (same size).
 */
export const billboardFormat: ImportFormat<ChartLine> = {
  name: 'billboard',
  summary: 'Billboard Hot 100 weekly chart files (chart_date,rank,song,artist,… or chart_week,current_week,title,performer,…).',
  open(names, _file, env) {
    const h = new Header(names);
    const dateCol = h.need('chart date', 'chart_date', 'chart_week', 'week_id', 'date', 'week');
    const rankCol = h.need('rank', 'rank', 'current_week', 'this_week', 'week_position', 'position');
    const titleCol = h.need('title', 'song', 'title');
    const artistCol = h.need('artist', 'artist', 'performer');
    const chart: ChartSpec = {
      slug: env.options.chart ?? 'billboard-hot-100',
      name: 'Billboard Hot 100',
      source: 'billboard',
      country: 'us',
      frequency: 'weekly',
      size: 100,
    };
    const songs = new SongMemo([titleCol, artistCol], true, (fields) => {
      const credit = required(fields, artistCol, 'artist');
      return { title: required(fields, titleCol, 'song'), artists: splitArtists(credit).map((name) => ({ name })), artistCredit: credit };
    });
    return {
      parse(fields) {
        return {
          chart,
          date: requiredDay(text(fields, dateCol), 'chart date'),
          rank: checkRank(positiveInt(fields, rankCol, 'rank'), chart),
          streams: null,
          track: songs.get(fields),
        };
      },
      write: chartLineWriter(env),
    };
  },
};
