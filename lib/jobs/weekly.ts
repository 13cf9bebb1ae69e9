/**
 * weekly — the whole weekly order in one run: update → predict → publish → train, then audit.
 * Trigger: cron / Kubernetes CronJob (deploy/), the admin console. Schedule: weekly, after the week's charts.
 * Each step holds its own job's lock too, so a lone `predict` can never overlap the weekly one's.
 * Every step is idempotent, so a weekly run that died is simply run again.
 */
import { z } from 'zod';
import { getActiveForecastInfo } from '@/lib/models/forecast-registry';
import { auditJob } from './audit';
import { predictJob } from './predict';
import { publishJob } from './publish';
import { trainJob } from './train';
import { updateJob } from './update';
import { defineJob, type JobDefinition, type JobStats } from './types';

/** The order of the week; train comes after publish so this week's forecasts never wait for training. */
export const WEEKLY_STEPS: readonly JobDefinition[] = [updateJob, predictJob, publishJob, trainJob, auditJob];

export const weeklyJob = defineJob({
  name: 'weekly',
  summary: 'The weekly order in one run: update → predict → publish → train, then audit.',
  help: [
    'Runs the weekly jobs in order, each with its defaults (see their --help), stopping at the first that fails:',
    ...WEEKLY_STEPS.map((job, i) => `  ${i + 1}. ${job.name}: ${job.summary}`),
    'On a database without an active forecast model yet, or whose active model an older release trained on other',
    'features, train also runs before predict (once: the later train finds nothing new to learn). The run holds',
    'the weekly lock and each step\'s own lock. Re-running after a failure redoes nothing that was done: every step',
    'writes idempotently.',
  ].join('\n'),
  options: {
    sources: { type: 'string', description: 'update: comma-separated sources (default: UPDATE_SOURCES or "sample")' },
    'as-of': { type: 'string', description: 'update: the week to ingest, YYYY-MM-DD (default: today)' },
  },
  input: z.strictObject({ sources: z.string().optional(), 'as-of': z.iso.date().optional() }),
  async run(ctx, input) {
    const steps: Record<string, JobStats> = {};
    ctx.stats.steps = steps;
    for (const job of WEEKLY_STEPS) {
      if (job === predictJob && !(await getActiveForecastInfo(ctx.db))?.readsTheseFeatures) {
        steps.bootstrapTrain = (await ctx.step(trainJob.name, () => trainJob.run(ctx, trainJob.input.parse({})))) ?? {};
      }
      const args = job === updateJob ? input : {};
      const parsed = job.input.parse(args);
      steps[job.name] = (await ctx.step(job.name, () => job.run(ctx, parsed))) ?? {};
      ctx.log.info({ step: job.name }, 'step done');
    }
    return { steps };
  },
});
