import type { RowDataPacket } from 'mysql2/promise';
import { z } from 'zod';
import { EXIT, runJob, type RunJobResult } from '@/lib/jobs/run-job';
import { defineJob } from '@/lib/jobs/types';
import type { SourceRunOptions, WeeklySource } from '@/lib/sources/types';
import type { TestDb } from '@/tests/support/test-db';

/**
 * Runs one source as a real job (job_runs row, lock, checkpoint) against a test database.
 * runJob frees its named lock by closing the lock connection, which the server
 * may finish just after the call returns: a run started at once can find the
 * lock still held, so a busy answer is retried briefly.
 */
export async function runSource(source: WeeklySource, t: TestDb, opts: SourceRunOptions): Promise<RunJobResult> {
  for (let attempt = 0; ; attempt++) {
    const result = await runOnce(source, t, opts);
    if (result.code !== EXIT.busy || attempt >= 20) return result;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function runOnce(source: WeeklySource, t: TestDb, opts: SourceRunOptions): Promise<RunJobResult> {
  const job = defineJob({
    name: `source-${source.name}`,
    summary: `test run of the ${source.name} source`,
    help: 'test only',
    options: {},
    input: z.object({ asOf: z.string(), limit: z.number().optional(), skipTo: z.string().optional() }),
    run: (ctx, input) => source.run(ctx, input),
  });
  return runJob(job, opts, { url: t.url, tty: false });
}

/** Row counts of the tables a source writes. */
export async function tableCounts(t: TestDb): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['tracks', 'artists', 'track_artists', 'charts', 'chart_entries', 'popularity_snapshots', 'playlists', 'playlist_tracks']) {
    const [rows] = await t.pool.query<RowDataPacket[]>(`SELECT COUNT(*) AS n FROM ${table}`);
    out[table] = Number(rows[0]!.n);
  }
  return out;
}
