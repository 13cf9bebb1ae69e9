/** Chart trends from one window of weekly entries: the bump chart's lines and the movers lists. */

export interface WindowEntry {
  date: string;
  rank: number;
  trackId: number;
  title: string;
  artistNames: string;
}

/** A song's chart life up to the latest week (all history, not just the window). */
export interface RunStats {
  weeksOnChart: number;
  firstDate: string;
}

export interface TrendSong {
  trackId: number;
  title: string;
  artistNames: string;
  rank: number;
  /** Rank in the chart's previous week; null when it was not on the chart then. */
  previousRank: number | null;
  weeksOnChart: number;
}

export interface BumpLine extends TrendSong {
  /** Rank per window date (oldest first), null where off the chart. */
  ranks: (number | null)[];
}

export interface ChartTrends {
  /** Window dates, oldest first; the last is the chart's latest week. */
  dates: string[];
  bump: BumpLine[];
  newEntries: TrendSong[];
  reEntries: TrendSong[];
  climbers: TrendSong[];
  fallers: TrendSong[];
  longestRuns: TrendSong[];
}

/** Songs each list shows at most. */
export const LIST_SIZE = 10;

const byRank = (a: TrendSong, b: TrendSong) => a.rank - b.rank;
const change = (s: TrendSong) => (s.previousRank === null ? 0 : s.previousRank - s.rank);

/**
 * Builds the trends view: `entries` are the chart's rows on `dates`, `runs` the run stats of the
 * songs on the latest date. `top` is how many of this week's songs the bump chart follows.
 */
export function analyzeTrends(dates: string[], entries: WindowEntry[], runs: Map<number, RunStats>, top: number): ChartTrends {
  const latest = dates.at(-1);
  const previous = dates.at(-2);
  const rankAt = new Map<string, Map<number, number>>(dates.map((d) => [d, new Map()]));
  for (const e of entries) rankAt.get(e.date)?.set(e.trackId, e.rank);
  const now = latest === undefined ? [] : entries.filter((e) => e.date === latest);
  const before = previous === undefined ? new Map<number, number>() : (rankAt.get(previous) ?? new Map<number, number>());

  const songs: TrendSong[] = now
    .map((e) => ({
      trackId: e.trackId,
      title: e.title,
      artistNames: e.artistNames,
      rank: e.rank,
      previousRank: before.get(e.trackId) ?? null,
      // A song missing from `runs` is in its first week (the run query saw only this week's row).
      weeksOnChart: runs.get(e.trackId)?.weeksOnChart ?? 1,
    }))
    .sort(byRank);

  const isNew = (s: TrendSong) => s.previousRank === null && (runs.get(s.trackId)?.firstDate ?? latest) === latest;
  const take = (list: TrendSong[]) => list.slice(0, LIST_SIZE);
  return {
    dates,
    bump: songs.slice(0, top).map((s) => ({ ...s, ranks: dates.map((d) => rankAt.get(d)?.get(s.trackId) ?? null) })),
    newEntries: take(songs.filter(isNew)),
    reEntries: take(songs.filter((s) => s.previousRank === null && !isNew(s))),
    climbers: take(songs.filter((s) => change(s) > 0).sort((a, b) => change(b) - change(a) || byRank(a, b))),
    fallers: take(songs.filter((s) => change(s) < 0).sort((a, b) => change(a) - change(b) || byRank(a, b))),
    longestRuns: take([...songs].sort((a, b) => b.weeksOnChart - a.weeksOnChart || byRank(a, b))),
  };
}
