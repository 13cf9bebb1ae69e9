import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestTotals } from '@/lib/ingest/totals';
import { importJob } from '@/lib/jobs/import';
import { EXIT, runJob } from '@/lib/jobs/run-job';
import { contentFingerprint, INGEST_TABLES } from '@/tests/support/content-fingerprint';
import { lastRun, runJobCli, startJob, waitForRun } from '@/tests/support/job-cli';
import { createTestDb, type TestDb } from '@/tests/support/test-db';
import { writeSyntheticCharts } from './synthetic-charts';

let killed: TestDb;
let clean: TestDb;
let dir: string;
let file: string;
beforeAll(async () => {
  [killed, clean] = await Promise.all([createTestDb('importkill'), createTestDb('importclean')]);
  dir = await mkdtemp(path.join(tmpdir(), 'import-resume-'));
  file = path.join(dir, 'charts.csv');
  await writeSyntheticCharts(file, { weeks: 20, regions: ['global', 'us', 'de', 'fr', 'gb', 'br', 'jp', 'mx', 'es', 'it'] });
});
afterAll(async () => {
  await Promise.all([killed?.drop(), clean?.drop()]);
  await rm(dir, { recursive: true, force: true });
});

const args = () => ['import', 'spotify-charts', file];

describe('import, killed half-way and re-run', () => {
  it('ends with the same rows as one clean run', async () => {
    const job = startJob(args(), killed.url);
    // Kill as soon as a batch has been checkpointed.
    await waitForRun(killed.pool, (run) => Boolean(run?.checkpoint));
    job.child.kill('SIGKILL');
    await job.exited;
    const dead = await lastRun(killed.pool);
    expect(dead?.status).toBe('running');
    expect((dead?.checkpoint as { line: number }).line).toBeLessThan(40_000);

    const again = await runJobCli(args(), killed.url);
    expect(again.code, again.output).toBe(EXIT.done);
    const resumed = await lastRun(killed.pool);
    expect(resumed?.stats?.resumedFrom).toMatch(/charts\.csv:\d+$/);

    const result = await runJob(importJob, importJob.input.parse({ format: 'spotify-charts', path: file }), { url: clean.url, tty: false });
    expect(result.code).toBe(EXIT.done);
    expect(await ingestTotals(killed.pool)).toEqual(await ingestTotals(clean.pool));
    expect(await contentFingerprint(killed.pool, INGEST_TABLES)).toEqual(await contentFingerprint(clean.pool, INGEST_TABLES));
    expect((await ingestTotals(clean.pool)).chartEntries).toBe(40_000);
  });
});
