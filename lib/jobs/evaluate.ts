/**
 * evaluate — scores the forecast on real chart history (issue 4): imports each data set
 * from the shared data directory through the regular importers into a scratch database of
 * its own (`<database>_eval_<data set>`), trains on a fixed calendar split, and prints the
 * model's and the baselines' metrics on the same test rows with the published reference results.
 * Trigger: a person checking the model. Schedule: on demand. Never touches the main data.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { like, sql } from 'drizzle-orm';
import { z } from 'zod';
import { charts } from '@/lib/db/schema';
import { dbEnv } from '@/lib/env';
import { FEATURE_COUNT } from '@/lib/features/forecast-features';
import { HORIZONS } from '@/lib/features/forecast-rows';
import { EVALUATION_DATASETS, type EvaluationDataset } from '@/lib/evaluation/datasets';
import { horizonTable, importanceTable } from '@/lib/evaluation/report';
import { openScratchDb, type ScratchDb } from '@/lib/evaluation/scratch-db';
import { evaluationSplit } from '@/lib/evaluation/split';
import { IMPORT_FORMATS } from '@/lib/importers/formats';
import { runImport } from '@/lib/importers/run-import';
import { predictWithModel } from '@/lib/models/artifact';
import { fitForecastModel, scoreBaselines, scoreImportance, scoreModel } from '@/lib/models/forecast-training';
import { DEFAULT_EPOCHS } from './train';
import { defineJob, type JobContext } from './types';

/** Songs predicted at once for the speed measurement (the issue's 50,000). */
const PREDICT_BENCH_ROWS = 50_000;

export const evaluateInput = z
  .object({
    dataset: z.enum(['billboard', 'top50', 'all']).default('all'),
    dataDir: z
      .string()
      .default('../shared/data')
      .superRefine((dir, check) => {
        if (!existsSync(dir)) check.addIssue({ code: 'custom', message: `the shared data directory ${path.resolve(dir)} does not exist: evaluation needs the real chart files` });
      }),
    epochs: z.coerce.number().int().min(1).max(500).default(DEFAULT_EPOCHS),
    seed: z.coerce.number().int().min(0).max(2 ** 31 - 1).default(1),
    keep: z.boolean().default(false),
    reuse: z.boolean().default(false),
  })
  .strict();

/**
 * `work`'s result with the wall and the CPU seconds it took: on a shared machine the wall clock says more
 * about the neighbours than about the job (the wasm backend runs on one thread).
 */
async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; cpuSeconds: number }> {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const result = await work();
  const { user, system } = process.cpuUsage(cpuStarted);
  return { result, seconds: (performance.now() - started) / 1000, cpuSeconds: (user + system) / 1e6 };
}

async function importDataset(ctx: JobContext, scratch: ScratchDb, set: EvaluationDataset, dir: string) {
  const stats: Record<string, unknown> = {};
  const sub: JobContext = { ...ctx, db: scratch.db, pool: scratch.pool, stats, resumeFrom: null, saveCheckpoint: async () => undefined };
  const { seconds } = await timed(() => runImport(sub, IMPORT_FORMATS[set.format], path.join(dir, set.folder), { strict: false }));
  ctx.log.info({ dataset: set.name, rows: stats.rows, badLines: stats.badLines, seconds: Math.round(seconds) }, 'imported');
}

async function evaluateDataset(ctx: JobContext, scratch: ScratchDb, set: EvaluationDataset, input: z.infer<typeof evaluateInput>) {
  const [imported] = await scratch.db.select({ n: sql<number>`COUNT(*)`.mapWith(Number) }).from(charts).where(like(charts.slug, set.chartSlugs));
  if (!input.reuse || !imported?.n) await importDataset(ctx, scratch, set, input.dataDir);
  ctx.progress(0, 0, `${set.name}: building rows`);
  const rows = await set.loadRows(scratch.db);
  const split = evaluationSplit(rows, set.windows);
  if (split.train.length === 0 || HORIZONS.some((h) => split.test[h].length === 0)) {
    throw new Error(`${set.name}: the data do not cover the split (${split.train.length} train rows, test ${HORIZONS.map((h) => split.test[h].length).join('/')})`);
  }
  ctx.progress(0, input.epochs, `${set.name}: training`);
  const training = await timed(() => fitForecastModel(rows, split.train, { seed: input.seed, epochs: input.epochs }, (epoch) => ctx.progress(epoch), split.validation));
  const fit = training.result;
  const metrics = await scoreModel(fit.model, rows, split.test);
  const baselines = scoreBaselines(rows, split.train, split.test);
  const importance = await scoreImportance(fit.model, rows, split.test, input.seed);
  // The validation weeks picked the epoch and fitted the Platt scaling: their Brier skill is in-sample, their AUC is not.
  const validationRows = Object.fromEntries(HORIZONS.map((h) => [h, split.validation.filter((r) => rows.targets[h].observed[r])])) as Record<(typeof HORIZONS)[number], number[]>;
  const validation = await scoreModel(fit.model, rows, validationRows);

  const bench = new Float32Array(PREDICT_BENCH_ROWS * FEATURE_COUNT);
  for (let i = 0; i < PREDICT_BENCH_ROWS; i++) {
    const r = i % rows.n;
    bench.set(rows.x.subarray(r * FEATURE_COUNT, (r + 1) * FEATURE_COUNT), i * FEATURE_COUNT);
  }
  const predicting = await timed(() => predictWithModel(fit.model, bench, PREDICT_BENCH_ROWS));
  fit.model.network.dispose();

  const lines = [
    `## ${set.name}: ${set.describe}`,
    `train ${set.windows.train.join('…')} (${split.train.length} rows), validation ${set.windows.validation.join('…')} (${split.validation.length} rows), test ${set.windows.test.join('…')}`,
    `training ${training.seconds.toFixed(1)} s (${training.cpuSeconds.toFixed(1)} s CPU; ${input.epochs} epochs, best ${fit.bestEpoch}), predicting ${PREDICT_BENCH_ROWS} songs ${predicting.seconds.toFixed(2)} s (${predicting.cpuSeconds.toFixed(2)} s CPU)`,
    `validation ${HORIZONS.map((h) => `h=${h}: AUC ${validation[`${h}`].auc.toFixed(3)}, Brier skill ${validation[`${h}`].brierSkill.toFixed(3)} (calibrated on these rows)`).join('; ')}`,
  ];
  for (const h of HORIZONS) {
    const b = baselines[`${h}`];
    const table: [string, typeof b.baseRate][] = [
      ['forecast (ours)', metrics[`${h}`]],
      ['constant base rate', b.baseRate],
      ['persistence', b.persistence],
      ['predict 0', b.zero],
      ['logistic on rank', b.logisticRank],
    ];
    lines.push('', horizonTable(h, table, set.references[`${h}`]));
  }
  for (const h of HORIZONS) lines.push('', importanceTable(h, importance[`${h}`]));
  console.log(`${lines.join('\n')}\n`);
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return {
    trainRows: split.train.length,
    trainSeconds: round(training.seconds),
    trainCpuSeconds: round(training.cpuSeconds),
    predictSeconds: round(predicting.seconds),
    predictCpuSeconds: round(predicting.cpuSeconds),
    bestEpoch: fit.bestEpoch,
    ...Object.fromEntries(HORIZONS.flatMap((h) => [[`auc${h}`, round(metrics[`${h}`].auc)], [`brierSkill${h}`, round(metrics[`${h}`].brierSkill)], [`testRows${h}`, split.test[h].length]])),
  };
}

export const evaluateJob = defineJob({
  name: 'evaluate',
  summary: 'Score the forecast and the baselines on real Billboard and Spotify Top-50 history (scratch database).',
  help: [
    'Imports each shared data set through the regular importers into a scratch database of its own, named after',
    'DATABASE_URL\'s with an _eval_<data set> suffix (dropped at the end unless --keep), builds forecast rows, trains on a',
    'fixed calendar split (Billboard: train 2000–2017, validation 2018, test 2019-01-01…2023-06-30; Top 50:',
    'train 2023-05-18…08-31, validation September 2023, test from 2023-10-01) and prints, for +26 and +52 weeks',
    'on the same test rows: base rate, AUC, Brier, Brier skill, MAE/RMSE of p50, p10–p90 coverage (also of the',
    'non-zero outcomes) and the interval score, for the model, the baselines and the reference results.',
    'Exits 2 when the data directory is missing. --reuse skips the import of a data set a kept scratch database has.',
  ].join('\n'),
  options: {
    dataset: { type: 'string', description: 'billboard, top50 or all (default all)' },
    'data-dir': { type: 'string', description: 'the shared data directory (default ../shared/data)' },
    epochs: { type: 'string', description: `training epochs (default ${DEFAULT_EPOCHS}); the best on the validation window is kept` },
    seed: { type: 'string', description: 'random seed (default 1)' },
    keep: { type: 'boolean', description: 'keep the scratch database' },
    reuse: { type: 'boolean', description: 'do not import again a data set the kept scratch database already has' },
  },
  input: z.preprocess((v) => {
    if (typeof v !== 'object' || v === null) return v;
    const { 'data-dir': dataDir, ...rest } = v as Record<string, unknown>;
    return dataDir === undefined ? rest : { ...rest, dataDir };
  }, evaluateInput),
  async run(ctx, input) {
    const names = input.dataset === 'all' ? (['billboard', 'top50'] as const) : ([input.dataset] as const);
    const results: Record<string, unknown> = {};
    const kept: string[] = [];
    for (const name of names) {
      const scratch = await openScratchDb(dbEnv().DATABASE_URL, name);
      try {
        results[name] = await evaluateDataset(ctx, scratch, EVALUATION_DATASETS[name], input);
        Object.assign(ctx.stats, results);
        if (input.keep) kept.push(scratch.database);
      } finally {
        if (input.keep) await scratch.close();
        else await scratch.drop();
      }
    }
    return { scratchDatabases: kept, ...results };
  },
});
