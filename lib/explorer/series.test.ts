import { describe, expect, it } from 'vitest';
import { ranksByTrack, weeklyScores } from './series';

describe('weeklyScores', () => {
  it('scores charting weeks by rank and weeks off the chart as 0', () => {
    const ranks = new Map([
      ['2026-01-02', 1],
      ['2026-01-16', 100],
    ]);
    expect(weeklyScores(['2026-01-02', '2026-01-09', '2026-01-16'], ranks, 100)).toEqual([100, 0, 1]);
  });
});

describe('ranksByTrack', () => {
  it('groups rows per track', () => {
    const grouped = ranksByTrack([
      { trackId: 1, date: 'a', rank: 3 },
      { trackId: 2, date: 'a', rank: 9 },
      { trackId: 1, date: 'b', rank: 2 },
    ]);
    expect([...(grouped.get(1) ?? [])]).toEqual([['a', 3], ['b', 2]]);
    expect(grouped.get(2)?.get('a')).toBe(9);
  });
});
