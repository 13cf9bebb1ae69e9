import type { Pool } from 'mysql2/promise';
import { describe, expect, it } from 'vitest';
import { DEADLOCK_TRIES } from '@/lib/db/deadlock';
import { writeChartRows } from './chart-writer';

/** A pool whose statements fail with the given errors first, then succeed; counts commits and keeps each statement's first word. */
function failingPool(errors: { errno: number; message: string }[]) {
  const seen = { inserts: 0, commits: 0, rollbacks: 0 };
  const verbs: string[] = [];
  const conn = {
    beginTransaction: async () => undefined,
    query: async (query: string | { sql: string }) => {
      seen.inserts++;
      verbs.push((typeof query === 'string' ? query : query.sql).split(' ')[0]!);
      const err = errors.shift();
      if (err) throw Object.assign(new Error(err.message), { errno: err.errno });
      return [{}, []];
    },
    commit: async () => void seen.commits++,
    rollback: async () => void seen.rollbacks++,
    release: () => undefined,
  };
  return { pool: { getConnection: async () => conn } as unknown as Pool, seen, verbs };
}

const rows = [{ date: '2024-01-01', rank: 1, trackId: 1 }];

describe('chart writer transactions', () => {
  it('runs a batch again when MySQL picked it as a deadlock victim', async () => {
    const { pool, seen } = failingPool([{ errno: 1213, message: 'Deadlock found when trying to get lock' }]);
    await writeChartRows(pool, { id: 1, size: 10 }, rows);
    expect(seen).toEqual({ inserts: 2, commits: 1, rollbacks: 1 });
  });

  it(`gives up after ${DEADLOCK_TRIES} deadlocks, and at once on any other error`, async () => {
    const deadlock = { errno: 1213, message: 'Deadlock found when trying to get lock' };
    const a = failingPool(Array.from({ length: DEADLOCK_TRIES }, () => deadlock));
    await expect(writeChartRows(a.pool, { id: 1, size: 10 }, rows)).rejects.toThrow(/Deadlock/);
    expect(a.seen).toMatchObject({ inserts: DEADLOCK_TRIES, commits: 0, rollbacks: DEADLOCK_TRIES });
    const b = failingPool([{ errno: 1062, message: 'Duplicate entry' }]);
    await expect(writeChartRows(b.pool, { id: 1, size: 10 }, rows)).rejects.toThrow(/Duplicate/);
    expect(b.seen).toMatchObject({ inserts: 1, commits: 0 });
  });

  it('loads entries whose streams are all known as a file, and sends them as VALUES once the server refuses that', async () => {
    const streamed = [{ date: '2024-01-01', rank: 1, trackId: 1, streams: 10 }];
    const { pool, seen, verbs } = failingPool([{ errno: 3948, message: 'Loading local data is disabled' }]);
    await writeChartRows(pool, { id: 1, size: 10 }, streamed);
    await writeChartRows(pool, { id: 1, size: 10 }, streamed);
    expect(verbs).toEqual(['LOAD', 'INSERT', 'INSERT']);
    expect(seen).toMatchObject({ commits: 2, rollbacks: 0 });
    const other = failingPool([]);
    await writeChartRows(other.pool, { id: 1, size: 10 }, streamed);
    await writeChartRows(other.pool, { id: 1, size: 10 }, rows);
    await writeChartRows(other.pool, { id: 1, size: 10 }, [{ ...streamed[0]!, streams: 10.5 }]);
    expect(other.verbs).toEqual(['LOAD', 'INSERT', 'INSERT']);
  });
});
