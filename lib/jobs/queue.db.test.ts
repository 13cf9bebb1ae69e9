import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jobRuns } from '@/lib/db/schema';
import { createTestDb, type TestDb } from '@/tests/support/test-db';
import { queueJobs } from './queue';
import { jobs } from './registry';
import { defineJob, type JobDefinition } from './types';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb('queue');
});
afterAll(async () => t?.drop());

/** Queues an option and waits until the detached process (and the clean-up after it) is done. */
async function queueAndWait(option: string, registry: Record<string, JobDefinition> = jobs) {
  let done!: (v: { code: number | null; detail: string }) => void;
  const exited = new Promise<{ code: number | null; detail: string }>((resolve) => (done = resolve));
  const queued = await queueJobs(t.db, option, {
    registry,
    env: { ...process.env, DATABASE_URL: t.url, ADMIN_PASSWORD: 'not for jobs' },
    onExit: (code, detail) => done({ code, detail }),
  });
  const exit = await exited;
  const rows = await t.db.select().from(jobRuns).where(inArray(jobRuns.id, queued.runIds));
  return { queued, exit, rows: queued.runIds.map((id) => rows.find((r) => r.id === id)!) };
}

describe('queueJobs', () => {
  it('queues an audit run that a separate CLI process claims and finishes', async () => {
    const { queued, exit, rows } = await queueAndWait('audit');
    expect(exit.code).toBe(0);
    expect(rows).toHaveLength(1);
    const [run] = rows;
    expect(run).toMatchObject({ kind: 'audit', status: 'succeeded', requestedBy: 'admin', error: null });
    expect(run?.pid).not.toBe(process.pid);
    expect(run?.startedAt).not.toBeNull();
    expect(run?.stats).toMatchObject({ audited: 0 });
    expect(queued.logFile).toMatch(/\.tmp\/jobs\/[\dT-]+Z-run-\d+\.log$/);
  });

  it('marks every run of a chain failed when its process exits without claiming them', async () => {
    // The real CLI knows no "predict" job: it exits 2 and "publish" is never started.
    const fake = (name: string) =>
      defineJob({ name, summary: name, help: name, options: {}, input: z.object({}).strict(), run: async () => undefined }) as JobDefinition;
    const { exit, rows } = await queueAndWait('predict-publish', { predict: fake('predict'), publish: fake('publish') });
    expect(exit.code).toBe(2);
    expect(rows.map((r) => [r.kind, r.status])).toEqual([
      ['predict', 'failed'],
      ['publish', 'failed'],
    ]);
    expect(rows[0]?.error).toMatch(/exited with code 2 before starting this run/);
  });

  it('refuses unknown and unavailable options without inserting a row', async () => {
    const before = await t.db.select({ id: jobRuns.id }).from(jobRuns);
    await expect(queueJobs(t.db, 'nope')).rejects.toThrow(/Unknown job "nope"/);
    await expect(queueJobs(t.db, 'update', { registry: { audit: jobs.audit! } })).rejects.toThrow(/no "update" job/);
    expect(await t.db.select({ id: jobRuns.id }).from(jobRuns)).toHaveLength(before.length);
  });
});
