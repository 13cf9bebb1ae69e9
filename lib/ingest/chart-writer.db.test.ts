import mysql, { type RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/tests/support/test-db';
import { upsertChart, writeChartRows, writeSnapshots } from './chart-writer';
import { TrackResolver } from './track-resolver';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb('chartwriter');
});
afterAll(async () => t?.drop());

async function counts() {
  const out: Record<string, number> = {};
  for (const table of ['charts', 'chart_entries', 'popularity_snapshots', 'tracks']) {
    const [rows] = await t.pool.query<RowDataPacket[]>(`SELECT COUNT(*) AS n FROM ${table}`);
    out[table] = Number(rows[0]!.n);
  }
  return out;
}

describe('chart writer', () => {
  it('upserts a chart by slug', async () => {
    const spec = { slug: 'test-weekly', name: 'Test', source: 'test', country: 'global', frequency: 'weekly' as const, size: 3 };
    const id = await upsertChart(t.db, spec);
    expect(await upsertChart(t.db, { ...spec, name: 'Renamed' })).toBe(id);
    const [rows] = await t.pool.query<RowDataPacket[]>('SELECT name FROM charts WHERE id = ?', [id]);
    expect(rows[0]!.name).toBe('Renamed');
  });

  it('writes entries idempotently, and no chart-derived snapshots', async () => {
    const chartId = await upsertChart(t.db, { slug: 'tiny', name: 'Tiny', source: 'test', country: 'de', frequency: 'daily', size: 4 });
    const chart = { id: chartId, size: 4 };
    const [a, b] = await new TrackResolver(t.pool).resolve([
      { title: 'A', artists: [{ name: 'X' }] },
      { title: 'B', artists: [{ name: 'X' }] },
    ]);
    const rows = [
      { date: '2024-01-01', rank: 1, trackId: a!, streams: 1000 },
      { date: '2024-01-01', rank: 2, trackId: b! },
      { date: '2024-01-01', rank: 4, trackId: a! },
      { date: '2024-01-02', rank: 4, trackId: b!, streams: 5 },
    ];
    await writeChartRows(t.pool, chart, rows);
    const once = await counts();
    await writeChartRows(t.pool, chart, rows.map((r) => ({ ...r, streams: null })));
    expect(await counts()).toEqual(once);
    expect(once).toMatchObject({ chart_entries: 4, popularity_snapshots: 0 });
    const [entries] = await t.pool.query<RowDataPacket[]>('SELECT chart_date, `rank`, track_id, streams FROM chart_entries WHERE chart_id = ? ORDER BY chart_date, `rank`', [chartId]);
    expect(entries.map((e) => [e.chart_date, e.rank, e.track_id, e.streams === null ? null : Number(e.streams)])).toEqual([
      ['2024-01-01', 1, a, 1000],
      ['2024-01-01', 2, b, null],
      ['2024-01-01', 4, a, null],
      ['2024-01-02', 4, b, 5],
    ]);
  });

  it('moves a re-written place to its new track', async () => {
    const chartId = await upsertChart(t.db, { slug: 'moved', name: 'Moved', source: 'test', country: 'de', frequency: 'weekly', size: 2 });
    const [a, b] = await new TrackResolver(t.pool).resolve([
      { title: 'A', artists: [{ name: 'X' }] },
      { title: 'B', artists: [{ name: 'X' }] },
    ]);
    await writeChartRows(t.pool, { id: chartId, size: 2 }, [{ date: '2024-01-01', rank: 1, trackId: a! }]);
    await writeChartRows(t.pool, { id: chartId, size: 2 }, [{ date: '2024-01-01', rank: 1, trackId: b!, streams: 7 }]);
    const [entries] = await t.pool.query<RowDataPacket[]>('SELECT track_id, streams FROM chart_entries WHERE chart_id = ?', [chartId]);
    expect(entries.map((e) => [e.track_id, Number(e.streams)])).toEqual([[b, 7]]);
    // Listed twice in one batch: as in two batches, the later track wins and the known streams stay.
    await writeChartRows(t.pool, { id: chartId, size: 2 }, [
      { date: '2024-01-08', rank: 2, trackId: a!, streams: 9 },
      { date: '2024-01-08', rank: 2, trackId: b! },
    ]);
    const [twice] = await t.pool.query<RowDataPacket[]>("SELECT track_id, streams FROM chart_entries WHERE chart_id = ? AND chart_date = '2024-01-08'", [chartId]);
    expect(twice.map((e) => [e.track_id, Number(e.streams)])).toEqual([[b, 9]]);
  });

  it('writes the same entries through a client that refuses LOAD DATA LOCAL', async () => {
    const chartId = await upsertChart(t.db, { slug: 'no-infile', name: 'No infile', source: 'test', country: 'de', frequency: 'weekly', size: 2 });
    const [a, b] = await new TrackResolver(t.pool).resolve([
      { title: 'A', artists: [{ name: 'X' }] },
      { title: 'B', artists: [{ name: 'X' }] },
    ]);
    const refusing = mysql.createPool({ uri: t.url, connectionLimit: 1, flags: ['-LOCAL_FILES'] });
    try {
      await writeChartRows(refusing, { id: chartId, size: 2 }, [
        { date: '2024-01-01', rank: 1, trackId: a!, streams: 3 },
        { date: '2024-01-01', rank: 2, trackId: b!, streams: 2 },
      ]);
    } finally {
      await refusing.end();
    }
    const [entries] = await t.pool.query<RowDataPacket[]>('SELECT `rank`, track_id, streams FROM chart_entries WHERE chart_id = ? ORDER BY `rank`', [chartId]);
    expect(entries.map((e) => [e.rank, e.track_id, Number(e.streams)])).toEqual([
      [1, a, 3],
      [2, b, 2],
    ]);
  });

  it('rejects ranks outside the chart and malformed dates', async () => {
    const chart = { id: 1, size: 4 };
    await expect(writeChartRows(t.pool, chart, [{ date: '2024-01-01', rank: 5, trackId: 1 }])).rejects.toThrow(RangeError);
    await expect(writeChartRows(t.pool, chart, [{ date: '1/1/2024', rank: 1, trackId: 1 }])).rejects.toThrow(/YYYY-MM-DD/);
  });

  it('upserts external snapshots, the latest value winning', async () => {
    const [a] = await new TrackResolver(t.pool).resolve([{ title: 'A', artists: [{ name: 'X' }] }]);
    await writeSnapshots(t.pool, [{ trackId: a!, observedOn: '2024-02-01', source: 'spotify', popularity: 50 }]);
    const before = await counts();
    await writeSnapshots(t.pool, [{ trackId: a!, observedOn: '2024-02-01', source: 'spotify', popularity: 61 }]);
    expect(await counts()).toEqual(before);
    const [rows] = await t.pool.query<RowDataPacket[]>("SELECT popularity FROM popularity_snapshots WHERE source = 'spotify'");
    expect(rows.map((r) => r.popularity)).toEqual([61]);
  });
});
