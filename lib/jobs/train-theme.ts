/**
 * train-theme — fits the theme model (audio features → listening occasion), scores it by
 * stratified k-fold cross-validation and stores it as the next `models` version of kind 'theme'.
 * Trigger: the demo setup, the admin console, after importing playlists. Schedule: when labels change.
 * Deterministic given --seed and the data.
 */
import { z } from 'zod';
import { OCCASIONS } from '@/lib/themes/occasions';
import { loadThemeDataset } from '@/lib/themes/theme-data';
import { storeThemeModel } from '@/lib/themes/theme-registry';
import { trainThemes } from '@/lib/themes/train-themes';
import { defineJob } from './types';

export const trainThemeInput = z
  .object({
    folds: z.coerce.number().int().min(2).max(20).default(5),
    epochs: z.coerce.number().int().min(1).max(500).default(40),
    seed: z.coerce.number().int().min(0).max(2 ** 31 - 1).default(1),
  })
  .strict();

export const trainThemeJob = defineJob({
  name: 'train-theme',
  summary: 'Train the theme model (listening occasion from audio features) with k-fold cross-validation.',
  help: [
    `Labels every song that has audio features with an occasion (${OCCASIONS.join(', ')}): the majority occasion of`,
    'the playlists it is on (playlists.theme, else the name via lib/themes/occasions.ts). A database without any',
    'labelled playlist (the sample data) uses the documented sample rule in the same file instead. Scores a TF.js',
    'softmax classifier by stratified k-fold cross-validation (accuracy, per-class precision and recall, confusion',
    'matrix, single-song inference time), fits it on all rows and stores it; it becomes active when its accuracy',
    'beats always answering the commonest occasion.',
  ].join('\n'),
  options: {
    folds: { type: 'string', description: 'cross-validation folds (default 5)' },
    epochs: { type: 'string', description: 'passes over the rows per fit (default 40)' },
    seed: { type: 'string', description: 'random seed for folds, initialisation and order (default 1)' },
  },
  input: trainThemeInput,
  async run(ctx, input) {
    ctx.progress(0, 0, 'loading labelled songs');
    const data = await loadThemeDataset(ctx.db);
    ctx.log.info({ rows: data.labels.length, labelSource: data.labelSource, ambiguous: data.ambiguous }, 'labelled songs');
    const training = await trainThemes(data, { folds: input.folds, epochs: input.epochs, hidden: 16, seed: input.seed }, (done, total) => ctx.progress(done, total, 'cross-validating'));
    const stored = await storeThemeModel(ctx.db, training, input.folds);
    return {
      ...stored,
      rows: data.labels.length,
      labelSource: data.labelSource,
      cvAccuracy: Number(training.cv.accuracy.toFixed(4)),
      majorityAccuracy: Number(training.majorityAccuracy.toFixed(4)),
      inferenceP95Ms: training.inferenceMs.p95,
    };
  },
});
