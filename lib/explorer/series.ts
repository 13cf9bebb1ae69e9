import { chartScore } from '@/lib/charts/score';

/**
 * A song's chart score for each of `dates` (oldest first): its rank's score where it charted,
 * 0 where it did not — the chart was imported that week and the song was absent, which the
 * score defines as 0 (see lib/charts/score.ts).
 */
export function weeklyScores(dates: string[], ranks: ReadonlyMap<string, number>, size: number): number[] {
  return dates.map((date) => {
    const rank = ranks.get(date);
    return rank === undefined ? 0 : chartScore(rank, size);
  });
}

/** Groups (track, date, rank) rows into one date → rank map per track. */
export function ranksByTrack(rows: { trackId: number; date: string; rank: number }[]): Map<number, Map<string, number>> {
  const byTrack = new Map<number, Map<string, number>>();
  for (const { trackId, date, rank } of rows) {
    const ranks = byTrack.get(trackId) ?? new Map<string, number>();
    ranks.set(date, rank);
    byTrack.set(trackId, ranks);
  }
  return byTrack;
}
