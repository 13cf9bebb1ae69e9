import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jobRuns } from '@/lib/db/schema';
import { holdJobLock } from '@/tests/support/held-lock';
import { createTestDb, type TestDb } from '@/tests/support/test-db';
import { shardSchema } from './shard';
import { EXIT, runJob } from './run-job';
import { defineJob } from './types';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb('runjob');
});
afterAll(async () => t?.drop());

const echo = defineJob({
  name: 'echo',
  summary: 'test job',
  help: 'test job',
  options: {},
  input: z.object({ fail: z.boolean().default(false) }),
  async run(ctx, input) {
    ctx.progress(1, 2, 'half');
    await ctx.saveCheckpoint({ at: 1 });
    if (input.fail) throw new Error('boom');
    return { resumedFrom: ctx.resumeFrom };
  },
});

const sharded = defineJob({
  name: 'sharded',
  summary: 'test job',
  help: 'test job',
  options: {},
  input: z.object({ fail: z.boolean().default(false), shard: shardSchema.optional() }),
  async run(ctx, input) {
    // Fails unless it resumes a failed run, so a resumed run shows whose checkpoint it got.
    if (input.fail && !ctx.resumeFrom) {
      await ctx.saveCheckpoint({ shard: input.shard?.index ?? null });
      throw new Error('boom');
    }
    return { resumedFrom: ctx.resumeFrom };
  },
});

describe('runJob', () => {
  it('records a successful run with its stats', async () => {
    const result = await runJob(echo, { fail: false }, { url: t.url, tty: false });
    expect(result.code).toBe(EXIT.done);
    const [row] = await t.db.select().from(jobRuns).where(eq(jobRuns.id, result.runId!));
    expect(row?.status).toBe('succeeded');
    expect(row?.finishedAt).not.toBeNull();
  });

  it('records a failure, and the next run with the same params resumes from its checkpoint', async () => {
    const failed = await runJob(echo, { fail: true }, { url: t.url, tty: false });
    expect(failed.code).toBe(EXIT.failed);
    const [row] = await t.db.select().from(jobRuns).where(eq(jobRuns.id, failed.runId!));
    expect(row).toMatchObject({ status: 'failed', error: 'boom', checkpoint: { at: 1 } });
    const again = await runJob(echo, { fail: true }, { url: t.url, tty: false });
    expect(again.code).toBe(EXIT.failed);
    const ok = await runJob(echo, { fail: false }, { url: t.url, tty: false });
    expect(ok.stats.resumedFrom).toBeNull();
  });

  it('refuses a second concurrent run with the busy exit code', async () => {
    const holder = await holdJobLock(t, 'echo');
    try {
      const result = await runJob(echo, { fail: false }, { url: t.url, tty: false });
      expect(result.code).toBe(EXIT.busy);
      expect(result.error).toMatch(/Another "echo" run is in progress/);
    } finally {
      await holder.letGo();
    }
  });

  it('marks runs left "running" by a dead process as failed', async () => {
    await t.db.insert(jobRuns).values({ kind: 'echo', status: 'running', params: {}, requestedBy: 'cli' });
    await runJob(echo, { fail: false }, { url: t.url, tty: false });
    const stuck = await t.db.select().from(jobRuns).where(eq(jobRuns.status, 'running'));
    expect(stuck).toHaveLength(0);
  });

  it('resumes a failed shard from its own checkpoint though another shard ran since', async () => {
    const run = (input: Record<string, unknown>) => runJob(sharded, sharded.input.parse(input), { url: t.url, tty: false });
    expect((await run({ fail: true, shard: '0/2' })).code).toBe(EXIT.failed);
    expect((await run({ shard: '1/2' })).stats.resumedFrom).toBeNull();
    const resumed = await run({ fail: true, shard: '0/2' });
    expect(resumed.code).toBe(EXIT.done);
    expect(resumed.stats.resumedFrom).toEqual({ shard: 0 });
  });
});
