import type { Pool } from 'mysql2/promise';
import type { z } from 'zod';
import type { Db } from '@/lib/db/client';
import type { Logger } from '@/lib/log';

/** A CLI option; `description` shows in `--help`. */
export interface JobOption {
  type: 'string' | 'boolean';
  short?: string;
  description: string;
}

export type JobStats = Record<string, unknown>;

/** What a running job may use; built and torn down by runJob. */
export interface JobContext {
  db: Db;
  pool: Pool;
  runId: number;
  log: Logger;
  /** Stats shown in job_runs and the admin console; jobs add to it as they go. */
  stats: JobStats;
  /** The checkpoint a failed earlier run with the same params left, if any. */
  resumeFrom: Record<string, unknown> | null;
  /** Reports progress (throttled to the database, live on a terminal). */
  progress(done: number, total?: number, phase?: string): void;
  /** Persists where the run is, so a re-run after a crash can skip finished work. */
  saveCheckpoint(checkpoint: Record<string, unknown>): Promise<void>;
  /** Runs another job's body inside this run, holding that job's lock too. */
  step<T>(name: string, body: () => Promise<T>): Promise<T>;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  /** One line for `job --help`. */
  summary: string;
  /** Longer help: what it does, when it runs, its options. */
  help: string;
  options: Record<string, JobOption>;
  /** Allowed positional arguments (names, in order) — most jobs take none. */
  positionals?: string[];
  input: S;
  /** False for jobs that must run before the schema exists (migrate). */
  recordsRun?: boolean;
  run(ctx: JobContext, input: z.infer<S>): Promise<JobStats | void>;
}

export const defineJob = <S extends z.ZodType>(job: JobDefinition<S>) => job;
