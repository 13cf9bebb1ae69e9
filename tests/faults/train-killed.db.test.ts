/**
 * A training run killed with SIGKILL (OOM killer, lost node) just before it stores its model: the model that was
 * active stays active and loadable, no half-written version appears, the job's lock is free at once, and the next
 * run reaps the dead one and trains cleanly.
 */
import { asc } from 'drizzle-orm';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { models } from '@/lib/db/schema';
import { EXIT, runJob } from '@/lib/jobs/run-job';
import { sampleDataJob } from '@/lib/jobs/sample-data';
import { loadActiveForecastModel, loadForecastModel } from '@/lib/models/forecast-registry';
import { storeActiveForecastModel } from '@/tests/support/forecast-fixture';
import { lockFreed } from '@/tests/support/held-lock';
import { lastRun, runJobCli, startJob } from '@/tests/support/job-cli';
import { createTestDb, type TestDb } from '@/tests/support/test-db';

let t: TestDb;
let before: { id: number; version: number };
beforeAll(async () => {
  t = await createTestDb('train_kill');
  const loaded = await runJob(sampleDataJob, { songs: 1000, weeks: 104 }, { url: t.url, tty: false });
  expect(loaded.code).toBe(EXIT.done);
  before = await storeActiveForecastModel(t.db);
});
afterAll(async () => t?.drop());

const versions = () => t.db.select({ id: models.id, version: models.version, status: models.status }).from(models).orderBy(asc(models.version));

describe('train killed with SIGKILL', () => {
  it('leaves the active model as it was and the lock free; the next run trains cleanly', async () => {
    const job = startJob(['train', '--epochs', '2'], t.url, { LOG_LEVEL: 'info' });
    // Trained and scoring: what follows is storing the new version and promoting it.
    await job.waitForOutput(/"phase":"evaluating"/, 110_000);
    job.child.kill('SIGKILL');
    expect((await job.exited).signal).toBe('SIGKILL');

    expect(await versions()).toEqual([{ ...before, status: 'active' }]);
    const active = await loadActiveForecastModel(t.db);
    expect(active.info).toEqual({ ...before, readsTheseFeatures: true });
    expect(await lockFreed(t, 'train', 2_000)).toBe(true);
    expect((await lastRun(t.pool, 'train'))?.status).toBe('running');

    const next = await runJobCli(['train', '--epochs', '1'], t.url);
    expect(next.code, next.output).toBe(EXIT.done);
    const [rows] = await t.pool.query<RowDataPacket[]>("SELECT status, error FROM job_runs WHERE kind = 'train' ORDER BY id");
    expect(rows).toEqual([
      { status: 'failed', error: expect.stringMatching(/exited without finishing/) },
      { status: 'succeeded', error: null },
    ]);
    const after = await versions();
    expect(after.map((v) => v.version)).toEqual([1, 2]);
    expect(after.filter((v) => v.status === 'active')).toHaveLength(1);
    const stored = await loadForecastModel(t.db, after[1]!.id);
    expect(stored.spec.epochs).toBe(1);
    expect(await lockFreed(t, 'train', 2_000)).toBe(true);
  }, 300_000); // two training runs (one cut short); scoring permutation importance alone takes ~35 s on a busy 2-core machine
});
