/**
 * train-theme — fits the theme model (audio features → listening occasion), scores it by
 * stratified k-fold cross-validation and stores it as the next `models` version of kind 'theme'.
 * Trigger: the demo setup, the admin console, after importing playlists. Schedule: when labels change.
 * Deterministic given --seed and the data.
 */
import { z } from 'zod';
import { loadThemeDataset, MIN_CLASS_SONGS } from '@/lib/themes/theme-data';
import { THEME_SET_NAMES, THEME_SETS } from '@/lib/themes/theme-sets';
import { storeThemeModel } from '@/lib/themes/theme-registry';
import { trainThemes } from '@/lib/themes/train-themes';
import { defineJob } from './types';

export const trainThemeInput = z
  .object({
    folds: z.coerce.number().int().min(2).max(20).default(5),
    epochs: z.coerce.number().int().min(1).max(500).default(40),
    seed: z.coerce.number().int().min(0).max(2 ** 31 - 1).default(1),
    set: z.enum(THEME_SET_NAMES, { error: `set must be one of: ${THEME_SET_NAMES.join(', ')}` }).default('occasions'),
  })
  .strict();

export const trainThemeJob = defineJob({
  name: 'train-theme',
  summary: 'Train the theme model (listening occasion from audio features) with k-fold cross-validation.',
  help: [
    'Labels every song that has audio features by a theme set (--set, default occasions):',
    ...Object.values(THEME_SETS).map((t) => `  ${t.name.padEnd(10)} ${t.classes.join(', ')}: ${t.doc}`),
    'A song on several playlists takes their majority label (ties are left out). With the occasions set, a database',
    'without any labelled playlist (the sample data) uses the documented sample rule in lib/themes/occasions.ts.',
    `Classes with fewer than ${MIN_CLASS_SONGS} labelled songs are left out (listed in the result). Scores a TF.js`,
    'softmax classifier by stratified k-fold cross-validation (accuracy, per-class precision and recall, confusion',
    'matrix, single-song inference time), fits it on all rows and stores it; it becomes active when its accuracy',
    'beats always answering the commonest class. bench/evaluate-themes.ts scores every set on ../shared/data.',
  ].join('\n'),
  options: {
    folds: { type: 'string', description: 'cross-validation folds (default 5)' },
    epochs: { type: 'string', description: 'passes over the rows per fit (default 40)' },
    seed: { type: 'string', description: 'random seed for folds, initialisation and order (default 1)' },
    set: { type: 'string', description: `theme set: ${THEME_SET_NAMES.join(', ')} (default occasions)` },
  },
  input: trainThemeInput,
  async run(ctx, input) {
    ctx.progress(0, 0, 'loading labelled songs');
    const data = await loadThemeDataset(ctx.db, THEME_SETS[input.set]);
    ctx.log.info({ rows: data.labels.length, labelSource: data.labelSource, ambiguous: data.ambiguous, dropped: data.dropped }, 'labelled songs');
    const training = await trainThemes(data, { folds: input.folds, epochs: input.epochs, hidden: 16, seed: input.seed }, (done, total) => ctx.progress(done, total, 'cross-validating'));
    const stored = await storeThemeModel(ctx.db, training, input.folds);
    return {
      ...stored,
      rows: data.labels.length,
      labelSource: data.labelSource,
      classes: data.classes,
      droppedClasses: data.dropped,
      cvAccuracy: Number(training.cv.accuracy.toFixed(4)),
      majorityAccuracy: Number(training.majorityAccuracy.toFixed(4)),
      inferenceP95Ms: training.inferenceMs.p95,
    };
  },
});
