/**
 * update — the weekly ingest: runs each named source (the bundled sample,
 * Deezer, Spotify, …) for the week of --as-of. One failing source does not
 * stop the others; the run fails after all of them ran, with each source's
 * stats or error in job_runs.stats.sources.
 * Trigger: the weekly order (update → predict → publish → train), the admin
 * console. Schedule: weekly, after the charts of the week closing on Thursday
 * are out; re-runs write nothing twice.
 */
import { z } from 'zod';
import { sources } from '@/lib/sources';
import { updateEnv } from '@/lib/env';
import { defineJob, type JobStats } from './types';

const names = (list: string) => list.split(',').map((s) => s.trim()).filter(Boolean);

const updateInput = z
  .object({
    sources: z.string().optional(),
    'as-of': z.iso.date('as-of must be a date written YYYY-MM-DD').optional(),
    limit: z.coerce.number().int().positive().optional(),
    'skip-to': z.string().min(1).optional(),
  })
  .strict()
  .transform((o) => ({
    sources: names(o.sources ?? updateEnv().UPDATE_SOURCES),
    asOf: o['as-of'] ?? new Date().toISOString().slice(0, 10),
    limit: o.limit,
    skipTo: o['skip-to'],
  }))
  .superRefine((o, issue) => {
    const unknown = o.sources.filter((s) => !sources[s]);
    if (o.sources.length === 0 || unknown.length > 0) {
      issue.addIssue({ code: 'custom', path: ['sources'], message: `unknown source(s) "${unknown.join(', ')}"; known: ${Object.keys(sources).join(', ')}` });
    }
    for (const name of o.sources) {
      const phases = sources[name]?.phases;
      if (o.skipTo !== undefined && phases && !phases.includes(o.skipTo)) {
        issue.addIssue({ code: 'custom', path: ['skip-to'], message: `source "${name}" has no phase "${o.skipTo}"; its phases: ${phases.join(', ')}` });
      }
    }
  });

export const updateJob = defineJob({
  name: 'update',
  summary: 'Weekly ingest: run each source (sample, deezer, spotify, …) for the week of --as-of.',
  help: [
    'Runs the weekly ingest of each source named in --sources (default: env UPDATE_SOURCES, else "sample"),',
    'one after the other. A source that fails is recorded in the run\'s stats and makes the run fail, but only',
    'after the other sources ran. Every source writes idempotently, so running update twice changes nothing.',
    'Sources:',
    ...Object.values(sources).map((s) => `  ${s.name}: ${s.description} (phases: ${s.phases.join(', ')})`),
  ].join('\n'),
  options: {
    sources: { type: 'string', description: 'comma-separated sources to run (default: UPDATE_SOURCES or "sample")' },
    'as-of': { type: 'string', description: 'the week to ingest, YYYY-MM-DD (default: today)' },
    limit: { type: 'string', description: 'cap on each source\'s work, in its own unit (weeks, tracks); for trials' },
    'skip-to': { type: 'string', description: 'start each source at this phase (after a failed run)' },
  },
  input: updateInput,
  async run(ctx, input) {
    const results: Record<string, JobStats> = {};
    ctx.stats.sources = results;
    const failed: string[] = [];
    for (const name of input.sources) {
      const source = sources[name]!;
      const log = ctx.log.child({ source: name });
      log.info({ asOf: input.asOf }, 'source started');
      try {
        results[name] = await source.run({ ...ctx, log }, { asOf: input.asOf, limit: input.limit, skipTo: input.skipTo });
        log.info({ stats: results[name] }, 'source done');
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        results[name] = { error: message };
        failed.push(`${name}: ${message}`);
        log.error({ err: message }, 'source failed');
      }
    }
    if (failed.length > 0) throw new Error(`${failed.length} of ${input.sources.length} sources failed — ${failed.join('; ')}`);
    return { asOf: input.asOf, sources: results };
  },
});
