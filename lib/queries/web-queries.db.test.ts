import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartEntries, charts, forecasts, models, tracks } from '@/lib/db/schema';
import { createTestDb, type TestDb } from '@/tests/support/test-db';
import { listChartSongs, type ChartSongsQuery } from './chart-songs';
import { countChartEntries, getPreviousChartDate, listCharts, listRecentChartDates, pickChart } from './charts';
import { getForecastRun, getSongForecast, listAuditedForecasts } from './forecasts';
import { listSongChartRuns, searchSongs } from './songs';

let t: TestDb;
const W1 = '2026-01-01';
const W2 = '2026-01-08';
const W3 = '2026-01-15';

beforeAll(async () => {
  t = await createTestDb('webq');
  await t.db.insert(charts).values([
    { id: 1, slug: 'us-weekly', name: 'US', source: 'test', country: 'us', frequency: 'weekly', size: 3 },
    { id: 2, slug: 'global-weekly', name: 'Global', source: 'test', country: 'global', frequency: 'weekly', size: 3 },
  ]);
  const song = (id: number, title: string, artistNames: string) => ({ id, title, artistNames, matchKey: `k${id}` });
  await t.db.insert(tracks).values([song(1, 'Alpha', 'Ann'), song(2, 'Beta 100%', 'Bob'), song(3, 'Gamma', 'Cid & Ann'), song(4, 'Delta', 'Dee')]);
  const e = (date: string, rank: number, trackId: number) => ({ chartId: 2, chartDate: date, rank, trackId });
  // Track 1 climbs, 2 falls, 3 drops out and re-enters, 4 debuts in week 3.
  await t.db.insert(chartEntries).values([
    e(W1, 1, 2), e(W1, 2, 1), e(W1, 3, 3),
    e(W2, 1, 1), e(W2, 2, 2),
    e(W3, 1, 1), e(W3, 2, 4), e(W3, 3, 2), e(W3, 4, 3),
    { chartId: 1, chartDate: W2, rank: 1, trackId: 3 },
  ]);
  const model = (id: number, version: number, status: 'active' | 'candidate') =>
    ({ id, kind: 'forecast' as const, version, status, trainedRows: 10, featureSpec: {}, metrics: {}, baselineMetrics: {}, artifact: Buffer.from([0]) });
  await t.db.insert(models).values([model(1, 1, 'active'), model(2, 2, 'candidate')]);
  const f = (trackId: number, modelId: number, horizonWeeks: number, pCharting: number, asOf = W3) =>
    ({ trackId, chartId: 2, asOf, horizonWeeks, targetDate: '2026-07-16', modelId, pCharting, p10: 1, p50: 20 * pCharting, p90: 50 });
  await t.db.insert(forecasts).values([
    f(1, 1, 26, 0.9), f(1, 1, 52, 0.7), f(2, 1, 26, 0.1), f(2, 1, 52, 0.05), f(4, 1, 26, 0.5), f(4, 1, 52, 0.4),
    f(1, 2, 26, 0.2), f(1, 2, 52, 0.2),
    { ...f(2, 1, 26, 0.3, W1), actual: 12, absError: 6, insideInterval: true },
  ]);
});
afterAll(async () => t?.drop());

const query = (over: Partial<ChartSongsQuery> = {}): ChartSongsQuery => ({
  chartId: 2, week: W3, previousWeek: W2, modelId: 1, filter: 'all', sort: 'rank', dir: 'asc', limit: 50, offset: 0, ...over,
});

describe('charts', () => {
  it('lists global weekly charts first with their latest dates, and picks a chart by slug or default', async () => {
    const list = await listCharts(t.db);
    expect(list.map((c) => [c.slug, c.latestDate])).toEqual([['global-weekly', W3], ['us-weekly', W2]]);
    expect(pickChart(list, undefined)?.slug).toBe('global-weekly');
    expect(pickChart(list, 'us-weekly')?.slug).toBe('us-weekly');
    expect(pickChart(list, 'unknown')?.slug).toBe('global-weekly');
    expect(await getPreviousChartDate(t.db, 2, W3)).toBe(W2);
    expect(await getPreviousChartDate(t.db, 2, W1)).toBeNull();
    expect(await listRecentChartDates(t.db, 2, W3, 2)).toEqual([W2, W3]);
    expect(await countChartEntries(t.db, 2, W3)).toBe(4);
  });
});

describe('listChartSongs', () => {
  it('gives each song its movement, run and both horizons from the chosen model', async () => {
    const { rows, total } = await listChartSongs(t.db, query());
    expect(total).toBe(4);
    expect(rows.map((r) => [r.trackId, r.rank, r.previousRank, r.weeksOnChart, r.peakRank])).toEqual([
      [1, 1, 1, 3, 1], [4, 2, null, 1, 2], [2, 3, 2, 3, 1], [3, 4, null, 2, 3],
    ]);
    expect(rows[0]?.in26).toEqual({ pCharting: 0.9, p10: 1, p50: 18, p90: 50 });
    expect(rows[3]?.in26).toBeNull();
  });

  it('filters, searches literally, sorts with missing values last, and pages', async () => {
    const ids = async (over: Partial<ChartSongsQuery>) => (await listChartSongs(t.db, query(over))).rows.map((r) => r.trackId);
    expect(await ids({ filter: 'new' })).toEqual([4]);
    expect(await ids({ filter: 'last' })).toEqual([1]);
    expect(await ids({ filter: 'fade' })).toEqual([2]);
    expect(await ids({ search: 'ann' })).toEqual([1, 3]);
    expect(await ids({ search: '100%' })).toEqual([2]);
    expect(await ids({ search: '%' })).toEqual([2]);
    expect(await ids({ sort: 'chance26', dir: 'desc' })).toEqual([1, 4, 2, 3]);
    expect(await ids({ sort: 'chance26', dir: 'asc' })).toEqual([2, 4, 1, 3]);
    expect(await ids({ sort: 'move', dir: 'desc' })).toEqual([1, 2, 4, 3]);
    const page2 = await listChartSongs(t.db, query({ limit: 3, offset: 3 }));
    expect([page2.total, page2.rows.map((r) => r.trackId)]).toEqual([4, [3]]);
  });
});

describe('forecasts and songs', () => {
  it('prefers the active model for a week and reads a song’s latest forecast from it', async () => {
    expect(await getForecastRun(t.db, 2, W3)).toMatchObject({ modelId: 1, version: 1, status: 'active', rows: 6 });
    expect(await getForecastRun(t.db, 1, W3)).toBeNull();
    const forecast = await getSongForecast(t.db, 1, 2);
    expect(forecast?.asOf).toBe(W3);
    expect(forecast?.horizons.map((h) => [h.horizonWeeks, h.pCharting])).toEqual([[26, 0.9], [52, 0.7]]);
    expect(await getSongForecast(t.db, 3, 2)).toBeNull();
  });

  it('lists audited forecasts only', async () => {
    expect((await listAuditedForecasts(t.db, 2)).map((a) => [a.asOf, a.actual, a.insideInterval])).toEqual([[W1, 12, true]]);
    expect(await listAuditedForecasts(t.db, 1)).toEqual([]);
  });

  it('gives a song’s runs per chart with its current rank, charts it is on now first', async () => {
    const runs = await listSongChartRuns(t.db, 3);
    expect(runs.map((r) => [r.slug, r.weeks, r.peakRank, r.currentRank, r.firstDate, r.lastDate])).toEqual([
      ['global-weekly', 2, 3, 4, W1, W3],
      ['us-weekly', 1, 1, 1, W2, W2],
    ]);
    expect((await listSongChartRuns(t.db, 2))[0]?.currentRank).toBe(3);
  });

  it('searches titles and artists, exact and prefix title matches first', async () => {
    expect((await searchSongs(t.db, 'ann')).map((s) => s.id)).toEqual([1, 3]);
    expect((await searchSongs(t.db, 'Gamma')).map((s) => s.id)).toEqual([3]);
    expect(await searchSongs(t.db, 'nothing like it')).toEqual([]);
  });
});
