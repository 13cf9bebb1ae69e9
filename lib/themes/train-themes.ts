/** Cross-validates and fits the theme model; the numbers the page and `models` show. */
import { seededRandom } from '@/lib/models/random';
import { classificationReport, percentile, stratifiedFolds, type ClassificationReport } from './cv';
import { THEME_FEATURES } from './occasions';
import type { ThemeDataset } from './theme-data';
import { fitThemeModel, predictThemes, type ThemeModel, type ThemeTrainOptions } from './theme-model';

export interface ThemeSettings {
  folds: number;
  epochs: number;
  hidden: number;
  seed: number;
}

export interface ThemeTraining extends ThemeCv {
  model: ThemeModel;
  /** Single-song inference time, p50 and p95 over repeated calls (ms). */
  inferenceMs: { p50: number | null; p95: number | null };
}

const argmax = (p: Float32Array, row: number, k: number) => {
  let best = 0;
  for (let c = 1; c < k; c++) if ((p[row * k + c] as number) > (p[row * k + best] as number)) best = c;
  return best;
};

export interface ThemeCv {
  /** Out-of-fold scores of the k-fold cross-validation. */
  cv: ClassificationReport;
  /** Accuracy of always answering the most common class, on the same rows. */
  majorityAccuracy: number;
}

const optionsFor = (data: ThemeDataset, s: ThemeSettings): ThemeTrainOptions => ({
  occasions: data.classes, featureNames: THEME_FEATURES.map((f) => f.name), hidden: s.hidden, epochs: s.epochs, seed: s.seed, labelSource: data.labelSource,
});

/** Stratified k-fold CV: each fold's model never sees its rows; scores the out-of-fold predictions. */
export async function crossValidateThemes(data: ThemeDataset, s: ThemeSettings, onFold?: (done: number) => void): Promise<ThemeCv> {
  const n = data.labels.length;
  const k = data.classes.length;
  const dim = THEME_FEATURES.length;
  const present = new Set(data.labels).size;
  if (n < s.folds * 2 || present < 2) throw new Error(`only ${n} labelled songs in ${present} class(es): too few to cross-validate ${s.folds} folds`);
  const options = optionsFor(data, s);
  const folds = stratifiedFolds(data.labels, s.folds, seededRandom(s.seed));
  const predicted = new Int32Array(n);
  for (let fold = 0; fold < s.folds; fold++) {
    const trainRows = [...folds.keys()].filter((i) => folds[i] !== fold);
    const testRows = [...folds.keys()].filter((i) => folds[i] === fold);
    const pick = (rows: number[]) => Float32Array.from(rows.flatMap((i) => Array.from(data.x.subarray(i * dim, (i + 1) * dim))));
    const model = await fitThemeModel(pick(trainRows), Int32Array.from(trainRows.map((i) => data.labels[i] as number)), options);
    const p = await predictThemes(model, pick(testRows), testRows.length);
    testRows.forEach((row, j) => (predicted[row] = argmax(p, j, k)));
    model.network.dispose();
    onFold?.(fold + 1);
  }
  const counts = data.classes.map((_, c) => data.labels.filter((l) => l === c).length);
  return { cv: classificationReport(data.labels, predicted, k), majorityAccuracy: Math.max(...counts) / n };
}

/** Cross-validates (see crossValidateThemes), then fits one model on all rows and times single-song inference. */
export async function trainThemes(data: ThemeDataset, s: ThemeSettings, onFold?: (done: number, total: number) => void): Promise<ThemeTraining> {
  const { cv, majorityAccuracy } = await crossValidateThemes(data, s, (done) => onFold?.(done, s.folds + 1));
  const model = await fitThemeModel(data.x, data.labels, optionsFor(data, s));
  onFold?.(s.folds + 1, s.folds + 1);
  const n = data.labels.length;
  const dim = THEME_FEATURES.length;
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    await predictThemes(model, data.x.subarray((i % n) * dim, ((i % n) + 1) * dim), 1);
    times.push(performance.now() - started);
  }
  return { model, cv, majorityAccuracy, inferenceMs: { p50: percentile(times, 50), p95: percentile(times, 95) } };
}
