/**
 * sample-data — loads the bundled, generated chart history (charts, artists,
 * tracks with audio features and chart entries).
 * Trigger: the demo, tests, a developer's fresh database. Schedule: once; re-runs
 * write only the chart weeks that are missing, so it is idempotent and resumes
 * a killed run.
 */
import { z } from 'zod';
import { generateSample, SAMPLE_DEFAULTS, sampleOptionsSchema } from '@/lib/sample/generate';
import { loadSample } from '@/lib/sample/load';
import { defineJob } from './types';

export const sampleDataJob = defineJob({
  name: 'sample-data',
  summary: 'Load the bundled sample: 3 years of generated weekly charts (global + US, GB, DE).',
  help: [
    'Generates a realistic, deterministic chart history from a seed (same seed, same rows): about 2,000 songs by',
    'about 600 artists over 156 weeks on a global Top 200 (sample-weekly-global) and three Top 100s',
    '(sample-weekly-us, -gb, -de), with debuts, climbers, sleepers, viral spikes, Christmas re-entries and',
    'evergreens, audio features for ~85% of songs, and streams. Writes it through the normal ingest path,',
    'one chart week at a time with a checkpoint; weeks already complete in the database are skipped, so it',
    'can run any number of times and resumes after a kill. `update` (sample source) later uses the same options.',
  ].join('\n'),
  options: {
    seed: { type: 'string', description: `generator seed, an integer (default ${SAMPLE_DEFAULTS.seed})` },
    weeks: { type: 'string', description: `number of chart weeks (default ${SAMPLE_DEFAULTS.weeks})` },
    end: { type: 'string', description: `last chart week, a Thursday, YYYY-MM-DD (default ${SAMPLE_DEFAULTS.end})` },
    songs: { type: 'string', description: `number of songs, at least 500 (default ${SAMPLE_DEFAULTS.songs}; artists = 30%)` },
    limit: { type: 'string', description: 'write at most this many chart weeks in this run (the rest on the next)' },
  },
  input: sampleOptionsSchema.extend({ limit: z.coerce.number().int().positive().optional() }).strict(),
  async run(ctx, input) {
    const { limit, ...options } = input;
    if (ctx.resumeFrom) ctx.log.info({ after: ctx.resumeFrom }, 'resuming a failed run');
    ctx.progress(0, 0, 'generating');
    const started = performance.now();
    const data = generateSample(options);
    ctx.log.info({ ms: Math.round(performance.now() - started), songs: data.songs.length, weeks: data.weeks.length }, 'generated');
    const stats = await loadSample(ctx, data, { limit, allSongs: true });
    return { ...stats, first: data.weeks[0], last: data.weeks.at(-1) };
  },
});
