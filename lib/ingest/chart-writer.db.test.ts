import type { RowDataPacket } from 'mysql2/promise';
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

  it('writes entries and rank scores idempotently', async () => {
    const chartId = await upsertChart(t.db, { slug: 'tiny', name: 'Tiny', source: 'test', country: 'de', frequency: 'daily', size: 4 });
    const chart = { id: chartId, slug: 'tiny', size: 4 };
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
    expect(once.chart_entries).toBe(4);
    const [snaps] = await t.pool.query<RowDataPacket[]>(
      "SELECT track_id, observed_on, popularity FROM popularity_snapshots WHERE source = 'tiny' ORDER BY observed_on, track_id",
    );
    expect(snaps.map((s) => [s.track_id, s.observed_on, s.popularity])).toEqual([
      [a, '2024-01-01', 100],
      [b, '2024-01-01', 75],
      [b, '2024-01-02', 25],
    ]);
    const [streams] = await t.pool.query<RowDataPacket[]>('SELECT streams FROM chart_entries WHERE chart_id = ? AND `rank` = 1', [chartId]);
    expect(Number(streams[0]!.streams)).toBe(1000);
  });

  it('rejects ranks outside the chart and malformed dates', async () => {
    const chart = { id: 1, slug: 'x', size: 4 };
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
