import type { JobContext } from '@/lib/jobs/types';

/** The whole checkpoint of a run, shared by the sources it runs (keyed by the run's saveCheckpoint). */
const wholes = new WeakMap<JobContext['saveCheckpoint'], Record<string, unknown>>();

export interface SourceCheckpoint<T> {
  /** Where a failed earlier run of the same as-of stopped, or null. */
  resume: T | null;
  save(state: T): Promise<void>;
}

/**
 * A source's own part of the run's checkpoint (`{ <source>: state }`), so
 * several sources in one `update` keep each other's resume points. A saved
 * state counts only for the same as-of date.
 */
export function sourceCheckpoint<T extends { asOf: string }>(ctx: JobContext, source: string, asOf: string): SourceCheckpoint<T> {
  const previous = ctx.resumeFrom?.[source] as T | undefined;
  return {
    resume: previous && previous.asOf === asOf ? previous : null,
    async save(state) {
      const whole = wholes.get(ctx.saveCheckpoint) ?? { ...(ctx.resumeFrom ?? {}) };
      whole[source] = state;
      wholes.set(ctx.saveCheckpoint, whole);
      await ctx.saveCheckpoint(whole);
    },
  };
}
