/**
 * MariaDB going away while import and predict run: on a private server (the shared one on 3306 stays up), the
 * job is started through the real CLI, the server is crashed (SIGKILL) or shut down (SIGTERM) in the middle, and
 * the job must exit 1 with a message naming the database. After a restart the same command is run again, and the
 * database must hold exactly what one clean run writes: row counts and content checksums compared.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ingestTotals } from '@/lib/ingest/totals';
import { writeSyntheticCharts } from '@/lib/importers/synthetic-charts';
import { EXIT, runJob } from '@/lib/jobs/run-job';
import { sampleDataJob } from '@/lib/jobs/sample-data';
import { contentFingerprint, INGEST_TABLES } from '@/tests/support/content-fingerprint';
import { storeActiveForecastModel } from '@/tests/support/forecast-fixture';
import { lastRun, runJobCli, startJob, waitForRun } from '@/tests/support/job-cli';
import { startPrivateMariaDb, type PrivateMariaDb } from '@/tests/support/private-services';
import { cloneTestDb, createTestDb, type TestDb } from '@/tests/support/test-db';
import { tableChecksums } from '@/tests/security/table-checksums';

/** What a job must say when its database went away: which server, and that a re-run is the remedy. */
const DATABASE_LOST = /lost the connection to the database at 127\.0\.0\.1:\d+ .*re-run/;
/** A job whose server died must give up quickly, not hang on a dead socket. */
const EXIT_WITHIN_MS = 30_000;

let server: PrivateMariaDb;
let dir: string;
beforeAll(async () => {
  server = await startPrivateMariaDb('faults');
  dir = await mkdtemp(path.join(tmpdir(), 'db-faults-'));
});
// A failed test must not leave the server down for the next one.
afterEach(async () => {
  if (server && !server.running()) await server.start();
});
afterAll(async () => {
  await server?.remove();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function exitsFailed(job: ReturnType<typeof startJob>) {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the job did not exit within ${EXIT_WITHIN_MS} ms of losing its database`)), EXIT_WITHIN_MS).unref());
  const end = await Promise.race([job.exited, timeout]);
  expect(end.code, end.output).toBe(EXIT.failed);
  expect(end.output).toMatch(DATABASE_LOST);
  return end;
}

describe('MariaDB crashes while import runs', () => {
  let faulted: TestDb;
  let clean: TestDb;
  let file: string;
  beforeAll(async () => {
    [faulted, clean] = await Promise.all([createTestDb('import_fault', { serverUrl: server.serverUrl }), createTestDb('import_clean', { serverUrl: server.serverUrl })]);
    file = path.join(dir, 'charts.csv');
    await writeSyntheticCharts(file, { weeks: 20, regions: ['global', 'us', 'de', 'fr', 'gb', 'br', 'jp', 'mx', 'es', 'it'] });
  });
  afterAll(async () => {
    await Promise.all([faulted?.close(), clean?.close()]);
  });

  it('fails with a clear message, and the re-run after the restart ends as one clean run', async () => {
    const args = ['import', 'spotify-charts', file];
    const job = startJob(args, faulted.url);
    await waitForRun(faulted.pool, (run) => Boolean(run?.checkpoint));
    await server.stop('SIGKILL');
    await exitsFailed(job);

    await server.start();
    // The crashed run could not record its end: it stays "running" until the next run reaps it.
    expect((await lastRun(faulted.pool))?.status).toBe('running');
    const again = await runJobCli(args, faulted.url);
    expect(again.code, again.output).toBe(EXIT.done);
    const runs = await faulted.pool.query('SELECT status, error FROM job_runs ORDER BY id');
    expect(runs[0]).toEqual([
      { status: 'failed', error: expect.stringMatching(/exited without finishing/) },
      { status: 'succeeded', error: null },
    ]);
    expect((await lastRun(faulted.pool))?.stats?.resumedFrom).toMatch(/charts\.csv:\d+$/);

    expect((await runJobCli(args, clean.url)).code).toBe(EXIT.done);
    expect(await ingestTotals(faulted.pool)).toEqual(await ingestTotals(clean.pool));
    expect((await ingestTotals(clean.pool)).chartEntries).toBe(40_000);
    expect(await contentFingerprint(faulted.pool, INGEST_TABLES)).toEqual(await contentFingerprint(clean.pool, INGEST_TABLES));
  });
});

describe('MariaDB shuts down while predict runs', () => {
  let faulted: TestDb;
  let clean: TestDb;
  beforeAll(async () => {
    faulted = await createTestDb('predict_fault', { serverUrl: server.serverUrl });
    const loaded = await runJob(sampleDataJob, { songs: 1000, weeks: 104 }, { url: faulted.url, tty: false });
    expect(loaded.code).toBe(EXIT.done);
    await storeActiveForecastModel(faulted.db);
    // Same rows and ids in both: only what predict writes may differ.
    clean = await cloneTestDb(faulted, 'predict_clean');
  });
  afterAll(async () => {
    await Promise.all([faulted?.close(), clean?.close()]);
  });

  it('fails with a clear message, and the re-run after the restart ends as one clean run', async () => {
    const job = startJob(['predict'], faulted.url, { LOG_LEVEL: 'info' });
    await job.waitForOutput(/"phase":"loading chart history"/);
    await server.stop('SIGTERM');
    await exitsFailed(job);

    await server.start();
    const again = await runJobCli(['predict'], faulted.url);
    expect(again.code, again.output).toBe(EXIT.done);
    expect((await runJobCli(['predict'], clean.url)).code).toBe(EXIT.done);

    const forecasts = await contentFingerprint(faulted.pool, ['forecasts']);
    expect(forecasts.forecasts).toMatch(/^1000:/);
    expect(forecasts).toEqual(await contentFingerprint(clean.pool, ['forecasts']));
    // Nothing else changed: every other table is byte for byte the clone's.
    const others = async (db: TestDb) => {
      const { forecasts: _f, job_runs: _j, ...rest } = await tableChecksums(db.url);
      return rest;
    };
    expect(await others(faulted)).toEqual(await others(clean));
  });
});
