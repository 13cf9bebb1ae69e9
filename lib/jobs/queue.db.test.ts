import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobRuns } from '@/lib/db/schema';
import { createTestDb, type TestDb } from '@/tests/support/test-db';
import { queueJobs, startRuns, type QueuedRuns } from './queue';
import { jobs } from './registry';
import type { SpawnOptions } from './spawn';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb('queue');
});
afterAll(async () => t?.drop());

/** Starts runs (through `start`) and waits until the detached process, and the clean-up after it, are done. */
async function startAndWait(start: (opts: SpawnOptions) => Promise<QueuedRuns>) {
  let done!: (v: { code: number | null; detail: string }) => void;
  const exited = new Promise<{ code: number | null; detail: string }>((resolve) => (done = resolve));
  const queued = await start({ env: { ...process.env, DATABASE_URL: t.url }, onExit: (code, detail) => done({ code, detail }) });
  const exit = await exited;
  const rows = await t.db.select().from(jobRuns).where(inArray(jobRuns.id, queued.runIds));
  return { queued, exit, rows: queued.runIds.map((id) => rows.find((r) => r.id === id)!) };
}

describe('queueJobs', () => {
  it('queues an audit run that a separate CLI process claims and finishes', async () => {
    const { queued, exit, rows } = await startAndWait((opts) => queueJobs(t.db, 'audit', opts));
    expect(exit.code).toBe(0);
    expect(rows).toHaveLength(1);
    const [run] = rows;
    expect(run).toMatchObject({ kind: 'audit', status: 'succeeded', requestedBy: 'admin', error: null });
    expect(run?.pid).not.toBe(process.pid);
    expect(run?.startedAt).not.toBeNull();
    expect(run?.stats).toMatchObject({ audited: 0 });
    expect(queued.logFile).toMatch(/\.tmp\/jobs\/[\dT-]+Z-run-\d+\.log$/);
  });

  it('runs a chain one step after the other and marks the steps never started failed', async () => {
    // The CLI knows no "no-such-job": it exits 2, so the audit after it never starts.
    const { exit, rows } = await startAndWait((opts) =>
      startRuns(t.db, [{ kind: 'no-such-job', args: {}, params: {} }, { kind: 'audit', args: {}, params: {} }], opts),
    );
    expect(exit.code).toBe(2);
    expect(rows.map((r) => [r.kind, r.status, r.startedAt])).toEqual([
      ['no-such-job', 'failed', null],
      ['audit', 'failed', null],
    ]);
    expect(rows[1]?.error).toMatch(/exited with code 2 before starting this run \(log: .*\.log\)/);
  });

  it('passes the step arguments to the CLI', async () => {
    // audit's --today must be a date: "tomorrow" makes the CLI exit 2 (bad arguments), so the run is never claimed.
    const { exit, rows } = await startAndWait((opts) => startRuns(t.db, [{ kind: 'audit', args: { today: 'tomorrow' }, params: {} }], opts));
    expect(exit.code).toBe(2);
    expect(rows[0]?.status).toBe('failed');
    const { exit: ok, rows: done } = await startAndWait((opts) => startRuns(t.db, [{ kind: 'audit', args: { today: '2030-01-01' }, params: { today: '2030-01-01' } }], opts));
    expect(ok.code).toBe(0);
    expect(done[0]?.status).toBe('succeeded');
  });

  it('refuses unknown and unavailable options without inserting a row', async () => {
    const before = await t.db.select({ id: jobRuns.id }).from(jobRuns);
    await expect(queueJobs(t.db, 'nope')).rejects.toThrow(/Unknown job "nope"/);
    await expect(queueJobs(t.db, 'update', { registry: { audit: jobs.audit! } })).rejects.toThrow(/no "update" job/);
    expect(await t.db.select({ id: jobRuns.id }).from(jobRuns)).toHaveLength(before.length);
  });
});
