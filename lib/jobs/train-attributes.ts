/**
 * train-attributes — fits the what-if model (popularity from a song's typed attributes) on the
 * catalog, scores it on the latest-released 20% against the mean and a linear model, and stores
 * it as the next `models` version of kind 'attributes'. Trigger: demo setup, admin console.
 * Schedule: when the catalog grows. Deterministic given --seed and the data.
 */
import { z } from 'zod';
import { loadAttributesExamples, TARGET_DOC } from '@/lib/attributes/attributes-data';
import { storeAttributesModel } from '@/lib/attributes/attributes-registry';
import { trainAttributes } from '@/lib/attributes/train-attributes';
import { defineJob } from './types';

export const trainAttributesJob = defineJob({
  name: 'train-attributes',
  summary: 'Train the what-if model (popularity from audio features, genre, key, release month…).',
  help: [
    `Target: ${TARGET_DOC}. Songs without every attribute or without any popularity are left out;`,
    'a song without a release date is dated by its first chart week. Inputs include the artist\'s track record:',
    'the mean popularity and number of the primary artist\'s songs released strictly before the song.',
    'Trains on songs released before the cutoff (the latest 20% by release date are held out), scores R² and MAE',
    'against always-the-training-mean and a linear model, measures the 80% interval\'s coverage and single-song',
    'inference time, and stores the model; it becomes active when its R² beats the mean. The network or a linear model is chosen on the last 15% of the training period.',
  ].join('\n'),
  options: {
    epochs: { type: 'string', description: 'passes over the training rows (default 25)' },
    seed: { type: 'string', description: 'random seed (default 1)' },
  },
  input: z
    .object({
      epochs: z.coerce.number().int().min(1).max(500).default(25),
      seed: z.coerce.number().int().min(0).max(2 ** 31 - 1).default(1),
    })
    .strict(),
  async run(ctx, input) {
    ctx.progress(0, 0, 'loading catalog');
    const examples = await loadAttributesExamples(ctx.db);
    ctx.progress(0, 0, `training on ${examples.length} songs`);
    const t = await trainAttributes(examples, { ...input, target: TARGET_DOC });
    const stored = await storeAttributesModel(ctx.db, t);
    const round = (v: number) => Number(v.toFixed(4));
    return {
      ...stored,
      trainRows: t.trainRows,
      testRows: t.testRows,
      cutoff: t.cutoff,
      r2: round(t.metrics.r2),
      mae: round(t.metrics.mae),
      linearR2: round(t.baselines.linear.r2),
      meanR2: round(t.baselines.mean.r2),
      coverage80: round(t.metrics.coverage80),
      inferenceP95Ms: t.metrics.inferenceMs.p95,
    };
  },
});
