import { desc } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { jobRuns } from '@/lib/db/schema';

const columns = {
  id: jobRuns.id,
  kind: jobRuns.kind,
  status: jobRuns.status,
  params: jobRuns.params,
  progressDone: jobRuns.progressDone,
  progressTotal: jobRuns.progressTotal,
  phase: jobRuns.phase,
  stats: jobRuns.stats,
  error: jobRuns.error,
  requestedBy: jobRuns.requestedBy,
  heartbeatAt: jobRuns.heartbeatAt,
  startedAt: jobRuns.startedAt,
  finishedAt: jobRuns.finishedAt,
  createdAt: jobRuns.createdAt,
};
export type JobRunRow = Awaited<ReturnType<typeof listJobRuns>>[number];

/** The latest job runs of every kind, newest first (job_runs primary key order). */
export async function listJobRuns(db: Db, { limit = 50 }: { limit?: number } = {}) {
  return db.select(columns).from(jobRuns).orderBy(desc(jobRuns.id)).limit(limit);
}
