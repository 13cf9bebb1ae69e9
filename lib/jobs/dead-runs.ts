import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { jobRuns } from '@/lib/db/schema';
import { lockName, runLockKey } from './lock';

/** run-job.ts beats every 5 s; a run silent for this long has most likely lost its process. */
export const HEARTBEAT_TIMEOUT_MS = 60_000;
/** A queued run nobody claimed for this long will not be started any more. */
export const QUEUED_TIMEOUT_MS = 60 * 60_000;

export const DEAD_RUN_ERROR = 'The process running this job died: no heartbeat for over 60 s and its lock is free.';
export const STALE_QUEUE_ERROR = 'No process claimed this queued run within an hour.';

/**
 * Marks as failed the runs whose process is gone: `running` with no heartbeat
 * for HEARTBEAT_TIMEOUT_MS whose lock (the job's, or its shard's) nobody holds (a MySQL named lock dies
 * with its connection, so a free lock proves the process let go; a held lock means
 * a live but busy process, which is left alone), and `queued` runs older than
 * QUEUED_TIMEOUT_MS. Returns the ids it marked.
 */
export async function failDeadRuns(db: Db, nowMs = Date.now()): Promise<number[]> {
  const silentSince = new Date(nowMs - HEARTBEAT_TIMEOUT_MS);
  const stale = await db
    .select({ id: jobRuns.id, kind: jobRuns.kind, status: jobRuns.status, params: jobRuns.params })
    .from(jobRuns)
    .where(
      or(
        and(eq(jobRuns.status, 'running'), lt(sql`COALESCE(${jobRuns.heartbeatAt}, ${jobRuns.startedAt}, ${jobRuns.createdAt})`, silentSince)),
        and(eq(jobRuns.status, 'queued'), lt(jobRuns.createdAt, new Date(nowMs - QUEUED_TIMEOUT_MS))),
      ),
    );
  if (stale.length === 0) return [];

  const [[current]] = (await db.execute(sql`SELECT DATABASE() AS name`)) as unknown as [[{ name: string }]];
  const runningByLock = new Map<string, number[]>();
  for (const r of stale) {
    if (r.status !== 'running') continue;
    const key = runLockKey(r.kind, r.params);
    runningByLock.set(key, [...(runningByLock.get(key) ?? []), r.id]);
  }
  const dead: number[] = [];
  for (const [key, ids] of runningByLock) {
    const [[lock]] = (await db.execute(sql`SELECT IS_USED_LOCK(${lockName(current.name, key)}) AS holder`)) as unknown as [[{ holder: unknown }]];
    if (lock.holder === null) dead.push(...ids);
  }
  const finishedAt = new Date(nowMs);
  if (dead.length > 0) {
    // The status/heartbeat condition is repeated so a run that beat in the meantime is not touched.
    await db
      .update(jobRuns)
      .set({ status: 'failed', error: DEAD_RUN_ERROR, finishedAt })
      .where(and(inArray(jobRuns.id, dead), eq(jobRuns.status, 'running'), lt(sql`COALESCE(${jobRuns.heartbeatAt}, ${jobRuns.startedAt}, ${jobRuns.createdAt})`, silentSince)));
  }
  const queued = stale.filter((r) => r.status === 'queued').map((r) => r.id);
  if (queued.length > 0) {
    await db.update(jobRuns).set({ status: 'failed', error: STALE_QUEUE_ERROR, finishedAt }).where(and(inArray(jobRuns.id, queued), eq(jobRuns.status, 'queued')));
  }
  return [...dead, ...queued];
}
