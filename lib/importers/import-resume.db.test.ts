import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestTotals } from '@/lib/ingest/totals';
import { importJob } from '@/lib/jobs/import';
import { EXIT, runJob } from '@/lib/jobs/run-job';
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

/** Runs the real CLI against `url`, as cron would. */
function cli(url: string) {
  return spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'jobs/cli.ts', 'import', 'spotify-charts', file], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

async function lastRun(db: TestDb) {
  const [rows] = await db.pool.query<RowDataPacket[]>('SELECT status, checkpoint, stats FROM job_runs ORDER BY id DESC LIMIT 1');
  const row = rows[0];
  const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown> | null;
  return row ? { status: row.status as string, checkpoint: json(row.checkpoint), stats: json(row.stats) } : null;
}

/** Chart rows by natural keys only (track ids may differ between databases). */
async function fingerprint(db: TestDb) {
  const [rows] = await db.pool.query<RowDataPacket[]>(
    `SELECT COUNT(*) AS n, SUM(CRC32(CONCAT_WS('|', c.slug, e.chart_date, e.rank, t.spotify_id, e.streams))) AS h
     FROM chart_entries e JOIN charts c ON c.id = e.chart_id JOIN tracks t ON t.id = e.track_id`,
  );
  return `${rows[0]!.n}:${rows[0]!.h}`;
}

describe('import, killed half-way and re-run', () => {
  it('ends with the same rows as one clean run', async () => {
    const child = cli(killed.url);
    const exited = once(child, 'exit');
    // Kill as soon as a batch has been checkpointed.
    for (let i = 0; i < 1_200; i++) {
      const run = await lastRun(killed).catch(() => null);
      if (run?.checkpoint) break;
      await sleep(25);
    }
    child.kill('SIGKILL');
    await exited;
    const dead = await lastRun(killed);
    expect(dead?.status).toBe('running');
    expect((dead?.checkpoint as { line: number }).line).toBeLessThan(40_000);

    const again = cli(killed.url);
    let stderr = '';
    again.stderr.on('data', (chunk) => (stderr += String(chunk)));
    const [code] = await once(again, 'exit');
    expect(code, stderr).toBe(EXIT.done);
    const resumed = await lastRun(killed);
    expect(resumed?.stats?.resumedFrom).toMatch(/charts\.csv:\d+$/);

    const result = await runJob(importJob, importJob.input.parse({ format: 'spotify-charts', path: file }), { url: clean.url, tty: false });
    expect(result.code).toBe(EXIT.done);
    expect(await ingestTotals(killed.pool)).toEqual(await ingestTotals(clean.pool));
    expect(await fingerprint(killed)).toBe(await fingerprint(clean));
    expect((await ingestTotals(clean.pool)).chartEntries).toBe(40_000);
  });
});
