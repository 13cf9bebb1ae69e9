import type { JobContext, JobStats } from '@/lib/jobs/types';

/** What `update` asks of every source for one run. */
export interface SourceRunOptions {
  /** The week being ingested, YYYY-MM-DD (usually today). */
  asOf: string;
  /** Cap on the work a run does (its unit is the source's own: weeks, tracks, requests); for trials. */
  limit?: number;
  /** Start at this phase (one of `phases`), skipping the earlier ones, e.g. after a failure. */
  skipTo?: string;
}

/** A weekly ingest that `update` can run: the bundled sample, Deezer, Spotify, … */
export interface WeeklySource {
  name: string;
  /** One line for `update --help`. */
  description: string;
  /** The phases of a run, in order (for `--skip-to` and progress). */
  phases: readonly string[];
  run(ctx: JobContext, opts: SourceRunOptions): Promise<JobStats>;
}
