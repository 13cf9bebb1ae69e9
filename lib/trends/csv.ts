import { toCsv } from '@/lib/explorer/csv';
import type { MoodWeek } from '@/lib/queries/trends';
import type { ChartTrends, TrendSong } from './analyze';
import type { MoodCountry } from './mood';
import type { MoodWeight } from './mood-params';

/**
 * The trends view as CSV: one row per song per list it appears in (`top` is the bump chart),
 * with its rank on every window date as extra columns.
 */
export function trendsCsv(trends: ChartTrends): string {
  const ranks = new Map(trends.bump.map((b) => [b.trackId, b.ranks]));
  const lists: [string, TrendSong[]][] = [
    ['top', trends.bump],
    ['new', trends.newEntries],
    ['re-entry', trends.reEntries],
    ['climber', trends.climbers],
    ['faller', trends.fallers],
    ['longest-run', trends.longestRuns],
  ];
  return toCsv([
    ['list', 'rank', 'previous_rank', 'track_id', 'title', 'artists', 'weeks_on_chart', ...trends.dates.map((d) => `rank_${d}`)],
    ...lists.flatMap(([list, songs]) =>
      songs.map((s) => [
        list, s.rank, s.previousRank, s.trackId, s.title, s.artistNames, s.weeksOnChart,
        ...trends.dates.map((_, i) => ranks.get(s.trackId)?.[i] ?? null),
      ]),
    ),
  ]);
}

/** The mood view as CSV: one row per country per week, songs without features counted. */
export function moodCsv(countries: MoodCountry[], weeks: MoodWeek[], weight: MoodWeight): string {
  const byChart = new Map(countries.map((c) => [c.chartId, c]));
  return toCsv([
    ['week', 'country', 'chart', 'weight', 'valence', 'energy', 'songs', 'songs_without_features', 'songs_without_streams'],
    ...weeks.map((w) => [
      w.date, byChart.get(w.chartId)?.country ?? null, byChart.get(w.chartId)?.chartName ?? null, weight,
      w.valence, w.energy, w.songs, w.withoutFeatures, w.withoutStreams,
    ]),
  ]);
}
