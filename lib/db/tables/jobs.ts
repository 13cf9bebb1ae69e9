import { datetime, index, int, mysqlEnum, mysqlTable, text, varchar } from 'drizzle-orm/mysql-core';
import { json, timestamps } from './columns';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Every run of every job: the scheduler's and the admin's. */
export const jobRuns = mysqlTable(
  'job_runs',
  {
    id: int('id').autoincrement().primaryKey(),
    kind: varchar('kind', { length: 32 }).notNull(),
    status: mysqlEnum('status', JOB_STATUSES).notNull(),
    params: json<Record<string, unknown>>('params').notNull(),
    progressDone: int('progress_done').notNull().default(0),
    progressTotal: int('progress_total').notNull().default(0),
    /** Free text: which phase the run is in. */
    phase: varchar('phase', { length: 64 }),
    stats: json<Record<string, unknown>>('stats'),
    checkpoint: json<Record<string, unknown>>('checkpoint'),
    error: text('error'),
    requestedBy: mysqlEnum('requested_by', ['scheduler', 'admin', 'cli']).notNull(),
    pid: int('pid'),
    heartbeatAt: datetime('heartbeat_at', { mode: 'date' }),
    startedAt: datetime('started_at', { mode: 'date' }),
    finishedAt: datetime('finished_at', { mode: 'date' }),
    ...timestamps,
  },
  (t) => [index('job_runs_kind_created_idx').on(t.kind, t.createdAt), index('job_runs_status_idx').on(t.status)],
);
export type JobRun = typeof jobRuns.$inferSelect;
