import { describe, expect, it } from 'vitest';
import { analyzeTrends, type RunStats, type WindowEntry } from './analyze';

const D = ['2026-01-01', '2026-01-08', '2026-01-15'] as const;
const e = (date: string, rank: number, trackId: number): WindowEntry => ({ date, rank, trackId, title: `T${trackId}`, artistNames: 'A' });

// 1 climbs 3→1, 2 falls 1→3, 4 debuts, 5 re-enters (charted before the window), 6 drops out.
const entries = [
  e(D[0], 1, 2), e(D[0], 2, 6),
  e(D[1], 1, 2), e(D[1], 2, 6), e(D[1], 3, 1),
  e(D[2], 1, 1), e(D[2], 2, 4), e(D[2], 3, 2), e(D[2], 4, 5),
];
const runs = new Map<number, RunStats>([
  [1, { weeksOnChart: 2, firstDate: D[1] }],
  [2, { weeksOnChart: 9, firstDate: '2025-10-01' }],
  [4, { weeksOnChart: 1, firstDate: D[2] }],
  [5, { weeksOnChart: 5, firstDate: '2025-06-01' }],
]);

describe('analyzeTrends', () => {
  const t = analyzeTrends([...D], entries, runs, 3);

  it('follows this week’s top songs over the window, null where off the chart', () => {
    expect(t.bump.map((b) => [b.trackId, b.ranks])).toEqual([
      [1, [null, 3, 1]],
      [4, [null, null, 2]],
      [2, [1, 1, 3]],
    ]);
  });

  it('tells new entries from re-entries by the song’s first chart date', () => {
    expect(t.newEntries.map((s) => s.trackId)).toEqual([4]);
    expect(t.reEntries.map((s) => s.trackId)).toEqual([5]);
  });

  it('ranks climbers and fallers by places moved since last week', () => {
    expect(t.climbers.map((s) => [s.trackId, s.previousRank, s.rank])).toEqual([[1, 3, 1]]);
    expect(t.fallers.map((s) => [s.trackId, s.previousRank, s.rank])).toEqual([[2, 1, 3]]);
  });

  it('orders longest runs by weeks on chart, rank breaking ties', () => {
    expect(t.longestRuns.map((s) => [s.trackId, s.weeksOnChart])).toEqual([[2, 9], [5, 5], [1, 2], [4, 1]]);
  });

  it('returns empty lists for a chart without weeks', () => {
    const empty = analyzeTrends([], [], new Map(), 20);
    expect([empty.bump, empty.newEntries, empty.climbers]).toEqual([[], [], []]);
  });
});
