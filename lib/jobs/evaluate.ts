/**
 * evaluate — scores the forecast on real chart history (issue 4): imports each data set
 * from the shared data directory through the regular importers into a scratch database of
 * its own (`<database>_eval_<data set>`), trains on a fixed calendar split, and prints the
 * model's and the baselines' metrics on the same test rows with the published reference results;
 * or (`--rolling`) validates year by year before the test window, over several seeds, scoring no test row.
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
import { horizonTable, importanceTable, rollingTable, type RollingLine } from '@/lib/evaluation/report';
import { openScratchDb, type ScratchDb } from '@/lib/evaluation/scratch-db';
import { evaluationSplit, observedByHorizon, rollingFold } from '@/lib/evaluation/split';
import { IMPORT_FORMATS } from '@/lib/importers/formats';
import { runImport } from '@/lib/importers/run-import';
import { predictWithModel } from '@/lib/models/artifact';
import { fitForecastModel, scoreBaselines, scoreImportance, scoreModel } from '@/lib/models/forecast-training';
import { DEFAULT_EPOCHS } from './train';
import { defineJob, type JobContext } from './types';

/** Songs predicted at once for the speed measurement (the issue's 50,000). */
const PREDICT_BENCH_ROWS = 50_000;

/** A comma-separated list (`2015,2016`) of what `item` accepts. */
function numberList<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()) : v), z.array(item).min(1));
}

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
    split: z.enum(['issue', 'streaming']).default('issue'),
    rolling: numberList(z.coerce.number().int().min(1900).max(2100)).optional(),
    seeds: numberList(z.coerce.number().int().min(0).max(2 ** 31 - 1)).optional(),
  })
  .strict()
  .refine((o) => o.rolling || !o.seeds, { message: '--seeds goes with --rolling (the fixed split takes --seed)', path: ['seeds'] })
  .refine((o) => !o.rolling || o.dataset !== 'all', { message: '--rolling validates one data set: give --dataset billboard', path: ['rolling'] })
  .refine((o) => o.split === 'issue' || (o.dataset === 'billboard' && !o.rolling), {
    message: '--split streaming is a Billboard split of its own: give --dataset billboard, without --rolling',
    path: ['split'],
  });

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

type EvaluateInput = z.infer<typeof evaluateInput>;

/** The data set's forecast rows, imported first unless --reuse finds them in the kept scratch database. */
async function datasetRows(ctx: JobContext, scratch: ScratchDb, set: EvaluationDataset, input: EvaluateInput) {
  const [imported] = await scratch.db.select({ n: sql<number>`COUNT(*)`.mapWith(Number) }).from(charts).where(like(charts.slug, set.chartSlugs));
  if (!input.reuse || !imported?.n) await importDataset(ctx, scratch, set, input.dataDir);
  ctx.progress(0, 0, `${set.name}: building rows`);
  return set.loadRows(scratch.db);
}

async function evaluateDataset(ctx: JobContext, scratch: ScratchDb, set: EvaluationDataset, input: EvaluateInput) {
  const rows = await datasetRows(ctx, scratch, set, input);
  const windows = input.split === 'streaming' ? set.streamingWindows : set.windows;
  if (!windows) throw new Error(`${set.name} has no streaming-era split`);
  // The reference results were published for the issue's split only.
  const references = input.split === 'issue' ? set.references : {};
  const split = evaluationSplit(rows, windows);
  if (split.train.length === 0 || HORIZONS.some((h) => split.test[h].length === 0)) {
    throw new Error(`${set.name}: the data do not cover the split (${split.train.length} train rows, test ${HORIZONS.map((h) => split.test[h].length).join('/')})`);
  }
  ctx.progress(0, input.epochs, `${set.name}: training`);
  const training = await timed(() => fitForecastModel(rows, split.train, { seed: input.seed, epochs: input.epochs }, (epoch) => ctx.progress(epoch), split.validation));
  const fit = training.result;
  const metrics = await scoreModel(fit.model, rows, split.test);
  const networkAlone = await scoreModel(fit.base, rows, split.test);
  const baselines = scoreBaselines(rows, split.train, split.test);
  const importance = await scoreImportance(fit.model, rows, split.test, input.seed);
  // The validation weeks picked the epoch and fitted the Platt scaling: their Brier skill is in-sample, their AUC is not.
  const validation = await scoreModel(fit.model, rows, observedByHorizon(rows, split.validation));
  const validationAlone = await scoreModel(fit.base, rows, observedByHorizon(rows, split.validation));

  const bench = new Float32Array(PREDICT_BENCH_ROWS * FEATURE_COUNT);
  for (let i = 0; i < PREDICT_BENCH_ROWS; i++) {
    const r = i % rows.n;
    bench.set(rows.x.subarray(r * FEATURE_COUNT, (r + 1) * FEATURE_COUNT), i * FEATURE_COUNT);
  }
  const predicting = await timed(() => predictWithModel(fit.model, bench, PREDICT_BENCH_ROWS));
  fit.model.network.dispose();

  const lines = [
    `## ${set.name}${input.split === 'streaming' ? ' (streaming-era split)' : ''}: ${set.describe}`,
    `train ${windows.train.join('…')} (${split.train.length} rows), validation ${windows.validation.join('…')} (${split.validation.length} rows), test ${windows.test.join('…')}`,
    `training ${training.seconds.toFixed(1)} s (${training.cpuSeconds.toFixed(1)} s CPU; ${input.epochs} epochs, best ${fit.bestEpoch}), predicting ${PREDICT_BENCH_ROWS} songs ${predicting.seconds.toFixed(2)} s (${predicting.cpuSeconds.toFixed(2)} s CPU)`,
    `validation ${HORIZONS.map((h) => `h=${h}: AUC ${validation[`${h}`].auc.toFixed(3)}, Brier skill ${validation[`${h}`].brierSkill.toFixed(3)} (calibrated on these rows)`).join('; ')}`,
    `validation, network alone ${HORIZONS.map((h) => `h=${h}: AUC ${validationAlone[`${h}`].auc.toFixed(3)}, Brier skill ${validationAlone[`${h}`].brierSkill.toFixed(3)}`).join('; ')}`,
  ];
  for (const h of HORIZONS) {
    const b = baselines[`${h}`];
    const table: [string, typeof b.baseRate][] = [
      ['forecast (ours)', metrics[`${h}`]],
      ['network alone (stage 1)', networkAlone[`${h}`]],
      ['constant base rate', b.baseRate],
      ['persistence', b.persistence],
      ['predict 0', b.zero],
      ['logistic on rank', b.logisticRank],
    ];
    lines.push('', horizonTable(h, table, references[`${h}`]));
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

/**
 * Rolling-origin validation: per fold year, trains with each seed exactly as the fixed split does (the
 * year's weeks pick the epoch and fit the calibration) and scores the model and logistic on rank on those
 * weeks. The folds end before the test window, so no test row is scored (the rows are built over all weeks, as features need).
 */
async function evaluateRolling(ctx: JobContext, scratch: ScratchDb, set: EvaluationDataset, input: EvaluateInput & { rolling: number[] }) {
  const seeds = input.seeds ?? [input.seed];
  const rows = await datasetRows(ctx, scratch, set, input);
  const folds = input.rolling.map((year) => rollingFold(rows, set.windows, year));
  const empty = folds.find((f) => f.train.length === 0 || HORIZONS.some((h) => f.validationByHorizon[h].length === 0));
  if (empty) throw new Error(`${set.name}: the data do not cover fold ${empty.year} (${empty.train.length} train rows, validation ${HORIZONS.map((h) => empty.validationByHorizon[h].length).join('/')})`);
  const lines: RollingLine[] = [];
  for (const fold of folds) {
    const rank = scoreBaselines(fold.rows, fold.train, fold.validationByHorizon);
    lines.push({ fold: fold.year, group: 'logistic on rank', model: 'logistic on rank', trainRows: fold.train.length, note: 'fitted on the train rows', metrics: Object.fromEntries(HORIZONS.map((h) => [`${h}`, rank[`${h}`].logisticRank])) as RollingLine['metrics'] });
    for (const seed of seeds) {
      ctx.progress(0, input.epochs, `${set.name}: fold ${fold.year}, seed ${seed}`);
      const training = await timed(() => fitForecastModel(fold.rows, fold.train, { seed, epochs: input.epochs }, (epoch) => ctx.progress(epoch), fold.validation));
      const metrics = await scoreModel(training.result.model, fold.rows, fold.validationByHorizon);
      const alone = await scoreModel(training.result.base, fold.rows, fold.validationByHorizon);
      training.result.model.network.dispose();
      const note = `best epoch ${training.result.bestEpoch}, ${training.cpuSeconds.toFixed(1)} s CPU`;
      lines.push({ fold: fold.year, group: 'network alone (stage 1)', model: `network alone, seed ${seed}`, trainRows: fold.train.length, metrics: alone, note });
      lines.push({ fold: fold.year, group: 'forecast (ours)', model: `forecast (ours), seed ${seed}`, trainRows: fold.train.length, metrics, note });
    }
  }
  console.log(
    [
      `## ${set.name}: rolling-origin validation, folds ${input.rolling.join(', ')}, seeds ${seeds.join(', ')}, ${input.epochs} epochs`,
      `train from ${set.windows.train[0]} on as-of weeks whose outcome (per horizon) is observed before 1 January of the fold year; validate on that year's weeks.`,
      'Our Brier skill is calibrated on these rows (the Platt scaling is fitted there); logistic on rank is fitted on the train rows.',
      '',
      rollingTable(lines),
      '',
    ].join('\n'),
  );
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return { folds: lines.map((l) => ({ fold: l.fold, model: l.model, ...Object.fromEntries(HORIZONS.flatMap((h) => [[`auc${h}`, round(l.metrics[`${h}`].auc)], [`brierSkill${h}`, round(l.metrics[`${h}`].brierSkill)]])) })) };
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
    'non-zero outcomes) and the interval score, for the model, its network alone (the fit\'s first stage, without the',
    'linear paths into the still-charting logits), the baselines and the reference results.',
    'Exits 2 when the data directory is missing. --reuse skips the import of a data set a kept scratch database has.',
    '',
    '--rolling 2015,2016,2017,2018 --seeds 1,2,3 instead validates year by year and scores no test row: for each fold',
    'year Y it trains from the training window\'s start on as-of weeks whose outcome is observed before Y-01-01 (per',
    'horizon), with each seed, the epoch picked on Y\'s weeks as the fixed split picks it on 2018, and prints per fold',
    'and seed the rows, base rate, AUC and Brier skill at both horizons on Y\'s weeks, for the model and its network',
    'alone, beside logistic on rank on the same rows, then their mean and min–max over folds × seeds. Fold years must',
    'end before the test window.',
    '',
    '--split streaming (Billboard) trains 2000–2018, validates on 2019 and tests 2020-01-01…2023-06-30: validation and',
    'test weeks both from the streaming era, reported apart from the issue\'s split and without its reference results.',
  ].join('\n'),
  options: {
    dataset: { type: 'string', description: 'billboard, top50 or all (default all)' },
    'data-dir': { type: 'string', description: 'the shared data directory (default ../shared/data)' },
    epochs: { type: 'string', description: `training epochs (default ${DEFAULT_EPOCHS}); the best on the validation window is kept` },
    seed: { type: 'string', description: 'random seed (default 1)' },
    keep: { type: 'boolean', description: 'keep the scratch database' },
    reuse: { type: 'boolean', description: 'do not import again a data set the kept scratch database already has' },
    rolling: { type: 'string', description: 'rolling-origin validation on these fold years, e.g. 2015,2016,2017,2018 (no test rows)' },
    seeds: { type: 'string', description: 'with --rolling: the seeds to train each fold with, e.g. 1,2,3 (default --seed)' },
    split: { type: 'string', description: 'issue (default) or streaming: Billboard trained through 2018, validated on 2019, tested 2020–2023' },
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
        const set = EVALUATION_DATASETS[name];
        results[name] = input.rolling ? await evaluateRolling(ctx, scratch, set, { ...input, rolling: input.rolling }) : await evaluateDataset(ctx, scratch, set, input);
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
