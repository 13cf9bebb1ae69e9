import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobRuns, type JobStatus } from '@/lib/db/schema';
import { holdJobLock } from '@/tests/support/held-lock';
import { createTestDb, type TestDb } from '@/tests/support/test-db';
import { DEAD_RUN_ERROR, failDeadRuns, STALE_QUEUE_ERROR } from './dead-runs';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb('deadruns');
});
afterAll(async () => t?.drop());

const agoMs = (ms: number) => new Date(Date.now() - ms);

async function insertRun(kind: string, status: JobStatus, heartbeatAt: Date | null, createdAt?: Date, params: Record<string, unknown> = {}) {
  const [res] = await t.db.insert(jobRuns).values({ kind, status, params, requestedBy: 'admin', heartbeatAt, startedAt: heartbeatAt, createdAt });
  return res.insertId;
}
const statusOf = async (id: number) => (await t.db.select().from(jobRuns).where(eq(jobRuns.id, id)))[0];

describe('failDeadRuns', () => {
  it('fails a running run silent for over 60 s whose lock is free, and leaves live ones alone', async () => {
    const dead = await insertRun('train', 'running', agoMs(120_000));
    const beating = await insertRun('audit', 'running', agoMs(5_000));
    const finished = await insertRun('update', 'succeeded', agoMs(600_000));
    const marked = await failDeadRuns(t.db);
    expect(marked).toEqual([dead]);
    expect(await statusOf(dead)).toMatchObject({ status: 'failed', error: DEAD_RUN_ERROR });
    expect((await statusOf(dead))?.finishedAt).not.toBeNull();
    expect((await statusOf(beating))?.status).toBe('running');
    expect((await statusOf(finished))?.status).toBe('succeeded');
  });

  it('leaves a silent run alone while a live connection still holds its job lock', async () => {
    const silent = await insertRun('predict', 'running', agoMs(120_000));
    const holder = await holdJobLock(t, 'predict');
    try {
      expect(await failDeadRuns(t.db)).toEqual([]);
      expect((await statusOf(silent))?.status).toBe('running');
    } finally {
      await holder.letGo();
    }
    // The holder's connection is gone, so the lock is free again: now it is dead.
    expect(await failDeadRuns(t.db)).toEqual([silent]);
  });

  it('looks at the lock of the run\'s own shard', async () => {
    const shard = (index: number) => ({ shard: { index, count: 2 } });
    const held = await insertRun('predict', 'running', agoMs(120_000), undefined, shard(0));
    const free = await insertRun('predict', 'running', agoMs(120_000), undefined, shard(1));
    const holder = await holdJobLock(t, 'predict:shard-0-of-2');
    try {
      expect(await failDeadRuns(t.db)).toEqual([free]);
      expect((await statusOf(held))?.status).toBe('running');
    } finally {
      await holder.letGo();
    }
    expect(await failDeadRuns(t.db)).toEqual([held]);
  });

  it('fails runs queued for over an hour that nobody claimed', async () => {
    const old = await insertRun('audit', 'queued', null, agoMs(2 * 60 * 60_000));
    const fresh = await insertRun('audit', 'queued', null);
    expect(await failDeadRuns(t.db)).toEqual([old]);
    expect(await statusOf(old)).toMatchObject({ status: 'failed', error: STALE_QUEUE_ERROR });
    expect((await statusOf(fresh))?.status).toBe('queued');
  });
});
