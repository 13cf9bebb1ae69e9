/**
 * The `sample` source: replays the bundled generator's chart weeks up to the
 * run's as-of date, writing the ones the database does not hold yet. It uses
 * the options of the last successful `sample-data` run (else the defaults), so
 * after `sample-data` it finds nothing to do.
 */
import { and, desc, eq } from 'drizzle-orm';
import { jobRuns } from '@/lib/db/schema';
import type { Db } from '@/lib/db/client';
import { generateSample, sampleOptionsSchema, type SampleOptions } from '@/lib/sample/generate';
import { loadSample } from '@/lib/sample/load';
import type { WeeklySource } from './types';

const PHASES = ['artists', 'charts'] as const;

/** The generator options the database was loaded with: the last successful sample-data run's, else the defaults. */
export async function sampleOptionsInUse(db: Db): Promise<SampleOptions> {
  const [last] = await db
    .select({ params: jobRuns.params })
    .from(jobRuns)
    .where(and(eq(jobRuns.kind, 'sample-data'), eq(jobRuns.status, 'succeeded')))
    .orderBy(desc(jobRuns.id))
    .limit(1);
  const { seed, weeks, end, songs } = (last?.params ?? {}) as Record<string, unknown>;
  return sampleOptionsSchema.parse({ seed, weeks, end, songs });
}

export const sampleSource: WeeklySource = {
  name: 'sample',
  description: 'the bundled generated charts: writes their weeks up to --as-of that are missing (limit = weeks)',
  phases: PHASES,
  async run(ctx, opts) {
    const options = await sampleOptionsInUse(ctx.db);
    const data = generateSample(options);
    const stats = await loadSample(ctx, data, {
      upTo: opts.asOf,
      limit: opts.limit,
      allSongs: false,
      skipArtists: opts.skipTo === 'charts',
    });
    const sampleEnd = data.weeks.at(-1)!;
    if (opts.asOf > sampleEnd) ctx.log.info({ sampleEnd, asOf: opts.asOf }, 'the sample has no weeks after its end date');
    return { ...stats, seed: options.seed, sampleEnd };
  },
};
