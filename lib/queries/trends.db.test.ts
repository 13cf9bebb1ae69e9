import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartEntries, charts, tracks } from '@/lib/db/schema';
import { trendsCsv } from '@/lib/trends/csv';
import { loadTrends } from '@/lib/trends/load-trends';
import { createTestDb, type TestDb } from '@/tests/support/test-db';
import { loadMood } from '@/lib/trends/load-mood';
import { listMoodWeeks, listRunStats, listWindowEntries } from './trends';

let t: TestDb;
const W = ['2026-01-01', '2026-01-08', '2026-01-15', '2026-01-22'] as const;

beforeAll(async () => {
  t = await createTestDb('trends');
  await t.db.insert(charts).values([
    { id: 1, slug: 'g-weekly', name: 'Global', source: 'test', country: 'global', frequency: 'weekly', size: 4 },
    { id: 2, slug: 'us-weekly', name: 'US', source: 'test', country: 'us', frequency: 'weekly', size: 4 },
  ]);
  // Song 5 has no audio features; the others have valence 0.1·id and energy 1 − 0.1·id.
  await t.db.insert(tracks).values(
    [1, 2, 3, 4, 5].map((id) => ({
      id, title: `Song ${id}`, artistNames: 'Ann, Bob', matchKey: `k${id}`,
      valence: id === 5 ? null : id / 10, energy: id === 5 ? null : 1 - id / 10,
    })),
  );
  const e = (chartId: number, date: string, rank: number, trackId: number) => ({ chartId, chartDate: date, rank, trackId });
  // 5 charts in week 1, leaves, re-enters in week 4; 4 debuts in week 4; 1 climbs, 2 falls.
  await t.db.insert(chartEntries).values([
    e(1, W[0], 1, 2), e(1, W[0], 2, 5), e(1, W[0], 3, 1),
    e(1, W[1], 1, 2), e(1, W[1], 2, 3), e(1, W[1], 3, 1),
    e(1, W[2], 1, 2), e(1, W[2], 2, 3), e(1, W[2], 3, 1),
    e(1, W[3], 1, 1), e(1, W[3], 2, 4), e(1, W[3], 3, 2), e(1, W[3], 4, 5),
    e(2, W[3], 1, 3),
    e(2, W[2], 1, 1),
  ]);
  // Streams on the US chart only: 300 for song 3 in week 4, none recorded for song 1 in week 3.
  await t.db.update(chartEntries).set({ streams: 300 }).where(and(eq(chartEntries.chartId, 2), eq(chartEntries.trackId, 3)));
});
afterAll(async () => t?.drop());

describe('trends queries', () => {
  it('lists a chart’s entries in a date range with titles, by date then rank', async () => {
    const rows = await listWindowEntries(t.db, 1, W[2], W[3]);
    expect(rows.map((r) => [r.date, r.rank, r.trackId])).toEqual([
      [W[2], 1, 2], [W[2], 2, 3], [W[2], 3, 1],
      [W[3], 1, 1], [W[3], 2, 4], [W[3], 3, 2], [W[3], 4, 5],
    ]);
    expect(rows[0]).toMatchObject({ title: 'Song 2', artistNames: 'Ann, Bob' });
  });

  it('counts weeks on chart and first date for this week’s songs only, on that chart only', async () => {
    const runs = await listRunStats(t.db, 1, W[3]);
    expect([...runs.entries()].sort(([a], [b]) => a - b)).toEqual([
      [1, { weeksOnChart: 4, firstDate: W[0] }],
      [2, { weeksOnChart: 4, firstDate: W[0] }],
      [4, { weeksOnChart: 1, firstDate: W[3] }],
      [5, { weeksOnChart: 2, firstDate: W[0] }],
    ]);
  });

  it('loads the view for a chart and window, telling debuts from re-entries', async () => {
    const view = await loadTrends(t.db, { chart: 'g-weekly', weeks: 4 });
    if (view.kind !== 'chart') throw new Error('expected chart data');
    const { trends } = view;
    expect(trends.dates).toEqual([...W]);
    expect(trends.bump.map((b) => [b.trackId, b.ranks])).toEqual([
      [1, [3, 3, 3, 1]], [4, [null, null, null, 2]], [2, [1, 1, 1, 3]], [5, [2, null, null, 4]],
    ]);
    expect(trends.newEntries.map((s) => s.trackId)).toEqual([4]);
    expect(trends.reEntries.map((s) => s.trackId)).toEqual([5]);
    expect(trends.climbers.map((s) => s.trackId)).toEqual([1]);
    expect(trends.fallers.map((s) => s.trackId)).toEqual([2]);
    const csv = trendsCsv(trends).split('\r\n');
    expect(csv[0]).toBe(`list,rank,previous_rank,track_id,title,artists,weeks_on_chart,${W.map((d) => `rank_${d}`).join(',')}`);
    expect(csv[1]).toBe('top,1,3,1,Song 1,"Ann, Bob",4,3,3,3,1');
    expect(csv).toContain('re-entry,4,,5,Song 5,"Ann, Bob",2,2,,,4');
  });

  it('says no-data for a database without chart entries', async () => {
    const empty = await createTestDb('trends_empty');
    try {
      expect((await loadTrends(empty.db, { weeks: 12 })).kind).toBe('no-data');
    } finally {
      await empty.drop();
    }
  });
});

describe('mood queries', () => {
  it('weights valence and energy by chart position, counting songs without features', async () => {
    const weeks = await listMoodWeeks(t.db, [1], W[3], W[3], 'rank');
    // Week 4 of chart 1 (size 4): songs 1, 4, 2 at ranks 1–3 weigh 4, 3, 2; song 5 (rank 4) has no features.
    expect(weeks).toHaveLength(1);
    const [w] = weeks;
    expect(w).toMatchObject({ chartId: 1, date: W[3], songs: 4, withoutFeatures: 1, withoutStreams: 4 });
    expect(w?.valence).toBeCloseTo((4 * 0.1 + 3 * 0.4 + 2 * 0.2) / 9);
    expect(w?.energy).toBeCloseTo((4 * 0.9 + 3 * 0.6 + 2 * 0.8) / 9);
  });

  it('weights by streams, a week without any stream count giving null means', async () => {
    const weeks = await listMoodWeeks(t.db, [2], W[0], W[3], 'streams');
    expect(weeks.map((w) => [w.date, w.valence, w.withoutStreams])).toEqual([[W[2], null, 1], [W[3], 0.3, 0]]);
  });

  it('loads the default countries (global left out) and summarises marks', async () => {
    const view = await loadMood(t.db, { countries: ['us', 'fr'], weight: 'rank', weeks: 26, marks: [{ from: W[3], to: W[3], label: 'Last' }], rejectedMarks: [] });
    if (view.kind !== 'mood') throw new Error('expected mood data');
    expect(view.selected.map((c) => c.country)).toEqual(['us']);
    expect(view.unknown).toEqual(['fr']);
    expect(view.to).toBe(W[3]);
    expect(view.summaries[0]).toMatchObject({ weeks: 2, songs: 2, withoutFeatures: 0 });
    expect(view.summaries[0]?.inMarks[0]?.valence).toBeCloseTo(0.3);
  });
});
