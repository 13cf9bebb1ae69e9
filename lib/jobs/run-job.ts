import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { SingleBar, Presets } from 'cli-progress';
import type { Connection } from 'mysql2/promise';
import { createDb, type DbHandle } from '@/lib/db/client';
import { serverAddress, serverGoneError } from '@/lib/db/connection-lost';
import { connectServer, splitDatabaseUrl } from '@/lib/db/migrate';
import { jobRuns } from '@/lib/db/schema';
import { dbEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/log';
import { acquireJobLock, LockBusyError, releaseJobLock, runLockKey } from './lock';
import type { JobContext, JobDefinition, JobStats } from './types';

/** Exit codes the scheduler relies on. */
export const EXIT = { done: 0, failed: 1, badArguments: 2, busy: 3 } as const;

export interface RunJobOptions {
  url?: string;
  /** A queued job_runs row (from the admin console) to claim instead of inserting one. */
  runId?: number;
  requestedBy?: 'scheduler' | 'admin' | 'cli';
  /** Show a progress bar (default: when stderr is a terminal). */
  tty?: boolean;
}

export interface RunJobResult {
  code: number;
  runId: number | null;
  stats: JobStats;
  error?: string;
}

const HEARTBEAT_MS = 5_000;

/**
 * Owns a job's lifecycle: database pool, named lock, job_runs row, progress,
 * heartbeat, checkpoint and clean-up. Returns an exit code; never throws.
 */
export async function runJob<I>(job: JobDefinition, input: I, opts: RunJobOptions = {}): Promise<RunJobResult> {
  const url = opts.url ?? dbEnv().DATABASE_URL;
  const { serverUrl, database } = splitDatabaseUrl(url);
  const log = logger.child({ job: job.name });
  const lockKey = runLockKey(job.name, input);
  const stats: JobStats = {};
  let lockConn: Connection | null = null;
  let lockHeld = false;
  let handle: DbHandle | null = null;
  let runId: number | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let bar: SingleBar | null = null;
  const progressState = { done: 0, total: 0, phase: null as string | null, dirty: false, lastLog: 0 };

  const flush = async () => {
    if (!handle || runId === null || !progressState.dirty) return;
    progressState.dirty = false;
    await handle.db
      .update(jobRuns)
      .set({
        progressDone: progressState.done,
        progressTotal: progressState.total,
        phase: progressState.phase,
        stats,
        heartbeatAt: new Date(),
      })
      .where(eq(jobRuns.id, runId));
  };

  try {
    lockConn = await connectServer(serverUrl);
    await acquireJobLock(lockConn, database, lockKey);
    lockHeld = true;
    handle = createDb({ url, connectionLimit: 4 });
    const { db } = handle;

    let resumeFrom: Record<string, unknown> | null = null;
    if (job.recordsRun !== false) {
      await reapDeadRuns(handle, job.name, lockKey);
      runId = await openRun(handle, job.name, input, opts);
      resumeFrom = await findCheckpoint(handle, job.name, lockKey, input, runId);
      if (resumeFrom) log.info({ resumeFrom }, 'resuming from the checkpoint of a failed run');
      heartbeat = setInterval(() => {
        progressState.dirty = true;
        flush().catch((err) => log.warn({ err: String(err) }, 'heartbeat failed'));
      }, HEARTBEAT_MS);
      heartbeat.unref();
    }

    const tty = opts.tty ?? Boolean(process.stderr.isTTY);
    const ctx: JobContext = {
      db,
      pool: handle.pool,
      runId: runId ?? 0,
      log,
      stats,
      resumeFrom,
      progress(done, total, phase) {
        progressState.done = done;
        if (total !== undefined) progressState.total = total;
        if (phase !== undefined && phase !== progressState.phase) {
          progressState.phase = phase;
          bar?.stop();
          bar = null;
          if (!tty) log.info({ phase }, 'phase');
        }
        progressState.dirty = true;
        if (tty && progressState.total > 0) {
          if (!bar) {
            bar = new SingleBar({ format: `${progressState.phase ?? job.name} [{bar}] {value}/{total} {percentage}% eta {eta_formatted}` }, Presets.shades_classic);
            bar.start(progressState.total, done);
          }
          bar.setTotal(progressState.total);
          bar.update(done);
        } else if (!tty && Date.now() - progressState.lastLog > 5_000) {
          progressState.lastLog = Date.now();
          log.info({ phase: progressState.phase, done, total: progressState.total }, 'progress');
        }
      },
      async saveCheckpoint(checkpoint) {
        if (runId === null) return;
        await db.update(jobRuns).set({ checkpoint, stats, heartbeatAt: new Date() }).where(eq(jobRuns.id, runId));
      },
      async step(name, body) {
        await acquireJobLock(lockConn!, database, name);
        try {
          ctx.progress(0, 0, name);
          return await body();
        } finally {
          await releaseJobLock(lockConn!, database, name);
        }
      },
    };

    log.info({ runId, input }, 'started');
    const result = await job.run(ctx, input as never);
    if (result) Object.assign(stats, result);
    (bar as SingleBar | null)?.stop();
    if (runId !== null) {
      await db
        .update(jobRuns)
        .set({ status: 'succeeded', stats, finishedAt: new Date(), heartbeatAt: new Date(), progressDone: progressState.done, progressTotal: progressState.total })
        .where(eq(jobRuns.id, runId));
    }
    log.info({ runId, stats }, 'succeeded');
    return { code: EXIT.done, runId, stats };
  } catch (err) {
    (bar as SingleBar | null)?.stop();
    const message = failureMessage(err, url);
    if (err instanceof LockBusyError) {
      log.warn({ runId }, message);
      await markQueuedRunRefused(url, opts.runId, message);
      return { code: EXIT.busy, runId, stats, error: message };
    }
    log.error({ runId, err: message, stack: err instanceof Error ? err.stack : undefined }, 'failed');
    if (handle && runId !== null) {
      await handle.db
        .update(jobRuns)
        .set({ status: 'failed', error: message.slice(0, 60_000), stats, finishedAt: new Date() })
        .where(eq(jobRuns.id, runId))
        .catch(() => undefined);
    }
    return { code: EXIT.failed, runId, stats, error: message };
  } finally {
    if (heartbeat) clearInterval(heartbeat);
    await handle?.close().catch(() => undefined);
    // Release explicitly: the server frees a closed connection's locks asynchronously, and the next run may already ask.
    if (lockConn && lockHeld) await releaseJobLock(lockConn, database, lockKey).catch(() => undefined);
    await lockConn?.end().catch(() => undefined);
  }
}

/** The run's error: for a database that went away, which one and what to do instead of the driver's words (or Drizzle's SQL). */
function failureMessage(err: unknown, url: string): string {
  const gone = err instanceof AppError ? null : serverGoneError(err);
  if (gone) {
    return `lost the connection to the database at ${serverAddress(url)} (${gone.message || gone.code}): re-run the job once it answers again; it resumes or rewrites the same rows.`;
  }
  return err instanceof Error ? err.message : String(err);
}

async function openRun(handle: DbHandle, kind: string, input: unknown, opts: RunJobOptions): Promise<number> {
  const now = new Date();
  const base = { status: 'running' as const, startedAt: now, heartbeatAt: now, pid: process.pid };
  if (opts.runId !== undefined) {
    const [res] = await handle.db
      .update(jobRuns)
      .set(base)
      .where(and(eq(jobRuns.id, opts.runId), eq(jobRuns.kind, kind), eq(jobRuns.status, 'queued')));
    if (res.affectedRows !== 1) throw new Error(`Run ${opts.runId} is not a queued "${kind}" run.`);
    return opts.runId;
  }
  const [res] = await handle.db.insert(jobRuns).values({
    ...base,
    kind,
    params: (input ?? {}) as Record<string, unknown>,
    requestedBy: opts.requestedBy ?? (process.stdin.isTTY ? 'cli' : 'scheduler'),
  });
  return res.insertId;
}

/**
 * We hold this run's lock, so any other row under that lock (same job, same shard) still marked running
 * belongs to a process that died (SIGKILL, lost machine): record it as failed. Other shards' runs are live.
 */
async function reapDeadRuns(handle: DbHandle, kind: string, lockKey: string) {
  const running = await handle.db
    .select({ id: jobRuns.id, params: jobRuns.params })
    .from(jobRuns)
    .where(and(eq(jobRuns.kind, kind), eq(jobRuns.status, 'running')));
  const dead = running.filter((r) => runLockKey(kind, r.params) === lockKey).map((r) => r.id);
  if (dead.length === 0) return;
  await handle.db
    .update(jobRuns)
    .set({ status: 'failed', error: 'The process running this job exited without finishing (no heartbeat).', finishedAt: new Date() })
    .where(and(inArray(jobRuns.id, dead), eq(jobRuns.status, 'running')));
}

/** Earlier runs are read this many at a time while looking for the latest one under the same lock. */
const HISTORY_PAGE = 200;

/** The checkpoint of the latest earlier run under the same lock (job and shard), if it failed with the same params. */
async function findCheckpoint(handle: DbHandle, kind: string, lockKey: string, input: unknown, runId: number) {
  for (let before = runId; ; ) {
    const rows = await handle.db
      .select({ id: jobRuns.id, params: jobRuns.params, status: jobRuns.status })
      .from(jobRuns)
      .where(and(eq(jobRuns.kind, kind), lt(jobRuns.id, before)))
      .orderBy(desc(jobRuns.id))
      .limit(HISTORY_PAGE);
    const last = rows.find((r) => runLockKey(kind, r.params) === lockKey);
    if (last) {
      if (last.status !== 'failed' || JSON.stringify(last.params) !== JSON.stringify(input ?? {})) return null;
      const [row] = await handle.db.select({ checkpoint: jobRuns.checkpoint }).from(jobRuns).where(eq(jobRuns.id, last.id));
      return row?.checkpoint ?? null;
    }
    if (rows.length < HISTORY_PAGE) return null;
    before = rows.at(-1)!.id;
  }
}

async function markQueuedRunRefused(url: string, runId: number | undefined, message: string) {
  if (runId === undefined) return;
  const handle = createDb({ url, connectionLimit: 1 });
  try {
    await handle.db
      .update(jobRuns)
      .set({ status: 'failed', error: message, finishedAt: new Date() })
      .where(and(eq(jobRuns.id, runId), eq(jobRuns.status, 'queued')));
  } finally {
    await handle.close();
  }
}
