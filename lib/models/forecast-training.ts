/**
 * Fitting and scoring a forecast model on a time split of ForecastRows (no I/O):
 * train on as-of weeks before the cutoff, test on as-of weeks from the cutoff on whose
 * horizon has been observed. Never random rows: the future must not leak into training.
 */
import { FEATURE_COUNT, FORECAST_FEATURES, NETWORK_FEATURE_COUNT } from '@/lib/features/forecast-features';
import { HORIZONS, readsTheseFeatures, type ForecastRows, type Horizon } from '@/lib/features/forecast-rows';
import { applyStandardization, fitStandardization, leadingColumns } from '@/lib/features/standardize';
import { FORECAST_MODEL_SCHEMA, OUTPUTS_DOC, predictWithModel, type ForecastModel } from './artifact';
import { BASELINES, fitBaselines, fitLogistic, predictBaseline, type BaselineName, type HorizonRows } from './baselines';
import { forecastFeatureGroups, permutationImportance, type FeatureImportance } from './importance';
import { trainForecastNetwork, type NetworkData, type NetworkOptions } from './forecast-network';
import { fitOffsetLogistic } from './linear-path';
import { logit } from './logistic';
import { scoreHorizon, type HorizonMetrics, type HorizonPrediction } from './metrics';

export type MetricsByHorizon = Record<`${Horizon}`, HorizonMetrics>;
export type BaselineMetricsByHorizon = Record<`${Horizon}`, Record<BaselineName, HorizonMetrics>>;

/** Share of the training weeks (the latest ones) used to pick the best epoch. */
const VALIDATION_SHARE = 0.15;

/**
 * Default cutoff: the as-of day below which 70% of the rows with the longest observed
 * horizon fall, so every horizon keeps held-out rows. Throws when no horizon was observed.
 */
export function defaultCutoffDay(rows: ForecastRows): number {
  for (const h of [...HORIZONS].reverse()) {
    const days: number[] = [];
    for (let r = 0; r < rows.n; r++) if (rows.targets[h].observed[r]) days.push(rows.day[r] as number);
    if (days.length < 10) continue;
    days.sort((a, b) => a - b);
    return days[Math.floor(days.length * 0.7)] as number;
  }
  throw new Error(`not enough chart history to train: no horizon of ${HORIZONS.join(' or ')} weeks has been observed yet (need more than ${HORIZONS[0]} weeks of weekly chart data)`);
}

/** Indexes of the train rows (as-of < cutoff, some horizon observed) and the test rows per horizon. */
export function timeSplit(rows: ForecastRows, cutoffDay: number) {
  const train: number[] = [];
  const test = { 26: [] as number[], 52: [] as number[] };
  for (let r = 0; r < rows.n; r++) {
    const before = (rows.day[r] as number) < cutoffDay;
    const observed = HORIZONS.filter((h) => rows.targets[h].observed[r]);
    if (before && observed.length) train.push(r);
    if (!before) for (const h of observed) test[h].push(r);
  }
  return { train, test };
}

/** Training options: the network's, plus how fast older weeks lose weight. */
export interface FitOptions extends NetworkOptions {
  /**
   * Half-life in weeks of a row's weight, counted back from the latest training week: charts
   * change their rules and the base rate drifts, so recent weeks speak more for the future.
   */
  halfLifeWeeks?: number;
}

/** Default half-life of the training rows' weights (picked on Billboard's 2018 validation weeks). */
export const DEFAULT_HALF_LIFE_WEEKS = 208;

/** A training row's weight, 2^(−age/half-life) with age in weeks before `latestDay` (1 without a latest day). */
const recencyWeight = (rows: ForecastRows, r: number, latestDay: number, halfLifeWeeks: number) =>
  latestDay === -Infinity ? 1 : 2 ** (-Math.max(0, latestDay - (rows.day[r] as number)) / 7 / halfLifeWeeks);

/** Training target of a horizon: learnt under today's rules, a song only an older rule kept on the chart counts as gone. */
const chartingToday = (t: ForecastRows['targets'][Horizon], r: number) => (t.keptByOldRules[r] ? 0 : (t.charting[r] as number));

/**
 * Network inputs (the features the network reads) and targets; the mask column carries the row's
 * weight (the losses are weighted means over it).
 */
function networkData(rows: ForecastRows, idx: readonly number[], std: ReturnType<typeof fitStandardization>, latestDay = -Infinity, halfLifeWeeks = Infinity): NetworkData {
  const y = new Float32Array(idx.length * 3 * HORIZONS.length);
  idx.forEach((r, i) => {
    const weight = recencyWeight(rows, r, latestDay, halfLifeWeeks);
    HORIZONS.forEach((h, j) => {
      const t = rows.targets[h];
      const o = i * 3 * HORIZONS.length + 3 * j;
      y[o] = (t.observed[r] as number) * weight;
      y[o + 1] = chartingToday(t, r);
      // Conditional quantiles are learnt as offsets from the current score (persistence as the prior).
      y[o + 2] = ((t.score[r] as number) - (rows.score[r] as number)) / 100;
    });
  });
  return { x: leadingColumns(applyStandardization(rows.x, FEATURE_COUNT, std, idx), FEATURE_COUNT, NETWORK_FEATURE_COUNT), y, n: idx.length };
}

/** The linear paths, one into each horizon's still-charting logit, with the L2 penalty on its weights (ninth and tenth rounds, docs/evaluation.md). */
const LINEAR_PATHS: readonly { horizon: Horizon; l2: number }[] = [
  { horizon: 26, l2: 1e-4 },
  { horizon: 52, l2: 1e-2 },
];

/**
 * Stage 2 of the fit: with the network frozen (`base`, no calibration yet), the weights of a linear path on
 * every feature (standardised as for the network: the network's inputs and LINEAR_PATH_FEATURES) into the
 * horizon's still-charting logit, by logistic regression on the training rows observed at that horizon with the
 * network's logit as the offset and the training's recency weights. A column constant over the training rows
 * reads 0 there and gets weight 0.
 */
async function fitLinearPath(base: ForecastModel, rows: ForecastRows, fitIdx: readonly number[], latestDay: number, halfLifeWeeks: number, { horizon, l2 }: (typeof LINEAR_PATHS)[number]): Promise<NonNullable<ForecastModel['spec']['linearPaths']>[number]> {
  const t = rows.targets[horizon];
  const idx = fitIdx.filter((r) => t.observed[r]);
  const j = HORIZONS.indexOf(horizon);
  const network = (await predictWithModel(base, featureRows(rows, idx), idx.length))[j] as HorizonPrediction;
  const weights = fitOffsetLogistic(
    {
      x: applyStandardization(rows.x, FEATURE_COUNT, base.spec.standardization, idx),
      dim: FEATURE_COUNT,
      offset: Float64Array.from(network.pCharting, logit),
      y: Float64Array.from(idx, (r) => chartingToday(t, r)),
      weight: Float64Array.from(idx, (r) => recencyWeight(rows, r, latestDay, halfLifeWeeks)),
    },
    l2,
  );
  return { horizon, features: [...FORECAST_FEATURES], weights };
}

/**
 * Trains a model on the given rows, in two stages. Stage 1 trains the network on the features it reads
 * (all but LINEAR_PATH_FEATURES); the epoch is picked on `validation` when given (rows outside trainIdx),
 * else on the latest weeks of trainIdx, which are then not fitted. Stage 2 freezes it and fits the linear
 * paths (fitLinearPath, one per horizon, each fitted apart: a path moves its own horizon's chance only), so every
 * conditional score quantile is the network's alone. The Platt scaling is fitted last on the validation rows.
 * `base` is the network without the linear paths (stage 1 as a model of its own, sharing `model`'s network).
 */
export async function fitForecastModel(
  rows: ForecastRows,
  trainIdx: readonly number[],
  opts: FitOptions,
  onEpoch?: (epoch: number, loss: number) => void,
  validation?: readonly number[],
): Promise<{ model: ForecastModel; base: ForecastModel; bestEpoch: number; history: { epoch: number; loss: number; validationLoss?: number }[] }> {
  if (trainIdx.length === 0) throw new Error('no training rows before the cutoff: choose a later --cutoff');
  const days = [...new Set(trainIdx.map((r) => rows.day[r] as number))].sort((a, b) => a - b);
  const validationFrom = validation || days.length < 10 ? Infinity : (days[Math.floor(days.length * (1 - VALIDATION_SHARE))] as number);
  const fitIdx = trainIdx.filter((r) => (rows.day[r] as number) < validationFrom);
  const validationIdx = validation ?? trainIdx.filter((r) => (rows.day[r] as number) >= validationFrom);
  const standardization = fitStandardization(rows.x, FEATURE_COUNT, fitIdx);
  const hidden = opts.hidden ?? [64, 32];
  const latestDay = Math.max(...fitIdx.map((r) => rows.day[r] as number));
  const halfLifeWeeks = opts.halfLifeWeeks ?? DEFAULT_HALF_LIFE_WEEKS;
  const result = await trainForecastNetwork(
    networkData(rows, fitIdx, standardization, latestDay, halfLifeWeeks),
    NETWORK_FEATURE_COUNT,
    HORIZONS.length,
    { ...opts, hidden },
    validationIdx.length ? networkData(rows, validationIdx, standardization) : undefined,
    onEpoch,
  );
  const base: ForecastModel = {
    network: result.model,
    spec: {
      schema: FORECAST_MODEL_SCHEMA,
      featureNames: [...FORECAST_FEATURES],
      horizons: [...HORIZONS],
      standardization,
      outputs: OUTPUTS_DOC,
      hidden,
      seed: opts.seed,
      epochs: opts.epochs,
      networkInputs: NETWORK_FEATURE_COUNT,
    },
  };
  const linearPaths: NonNullable<ForecastModel['spec']['linearPaths']> = [];
  for (const path of LINEAR_PATHS) linearPaths.push(await fitLinearPath(base, rows, fitIdx, latestDay, halfLifeWeeks, path));
  const model: ForecastModel = { network: result.model, spec: { ...base.spec, linearPaths } };
  if (validationIdx.length) {
    base.spec.calibration = await fitCalibration(base, rows, validationIdx);
    model.spec.calibration = await fitCalibration(model, rows, validationIdx);
  }
  return { model, base, bestEpoch: result.bestEpoch, history: result.history };
}

/**
 * Platt scaling per horizon on the validation rows (the weeks that picked the epoch, which the
 * network never fitted): the training years' base rate drifts, and the latest weeks say where it
 * is now. Identity for a horizon whose validation rows have a single outcome.
 */
async function fitCalibration(model: ForecastModel, rows: ForecastRows, validationIdx: readonly number[]): Promise<{ a: number; b: number }[]> {
  const predictions = await predictWithModel(model, featureRows(rows, validationIdx), validationIdx.length);
  return HORIZONS.map((h, j) => {
    const t = rows.targets[h];
    const x: number[] = [];
    const y: number[] = [];
    validationIdx.forEach((r, i) => {
      if (!t.observed[r]) return;
      x.push(logit(predictions[j]!.pCharting[i] as number));
      y.push(t.charting[r] as number);
    });
    const positives = y.reduce((a, b) => a + b, 0);
    return positives > 0 && positives < y.length ? fitLogistic(x, y) : { a: 0, b: 1 };
  });
}

function horizonRows(rows: ForecastRows, h: Horizon, idx: readonly number[]): HorizonRows {
  const t = rows.targets[h];
  return {
    charting: Float64Array.from(idx, (r) => t.charting[r] as number),
    score: Float64Array.from(idx, (r) => t.score[r] as number),
    currentScore: Float64Array.from(idx, (r) => rows.score[r] as number),
    rankFraction: Float64Array.from(idx, (r) => rows.rankFraction[r] as number),
  };
}

/** True when the model reads exactly the features this code computes. */
export function isCompatible(model: ForecastModel): boolean {
  return readsTheseFeatures(model.spec);
}

/** The feature rows of `idx`, contiguous. */
function featureRows(rows: ForecastRows, idx: readonly number[]): Float32Array {
  const x = new Float32Array(idx.length * FEATURE_COUNT);
  idx.forEach((r, i) => x.set(rows.x.subarray(r * FEATURE_COUNT, (r + 1) * FEATURE_COUNT), i * FEATURE_COUNT));
  return x;
}

/** Scores a model on the test rows of each horizon. */
export async function scoreModel(model: ForecastModel, rows: ForecastRows, test: Record<Horizon, number[]>): Promise<MetricsByHorizon> {
  const out = {} as MetricsByHorizon;
  for (const [j, h] of HORIZONS.entries()) {
    const idx = test[h];
    const pred = (await predictWithModel(model, featureRows(rows, idx), idx.length))[j];
    if (!pred) throw new Error(`the model has no output for horizon ${h}`);
    const target = horizonRows(rows, h, idx);
    out[`${h}`] = scoreHorizon(pred, target.charting, target.score);
  }
  return out;
}

/**
 * Permutation importance of each feature group (importance.ts) on the test rows of every
 * horizon, shuffled once per group over the union of those rows with a PRNG seeded by `seed`.
 */
export async function scoreImportance(model: ForecastModel, rows: ForecastRows, test: Record<Horizon, number[]>, seed: number): Promise<Record<`${Horizon}`, FeatureImportance[]>> {
  const union = [...new Set(HORIZONS.flatMap((h) => test[h]))].sort((a, b) => a - b);
  const at = new Map(union.map((r, i) => [r, i]));
  const targets = HORIZONS.map((h) => ({ horizon: h, rows: test[h].map((r) => at.get(r) as number), ...horizonRows(rows, h, test[h]) }));
  const x = featureRows(rows, union);
  const importance = await permutationImportance((v, n) => predictWithModel(model, v, n), { x, n: union.length, dim: FEATURE_COUNT, groups: forecastFeatureGroups(), targets, seed });
  return importance as Record<`${Horizon}`, FeatureImportance[]>;
}

/** Fits every baseline on the train rows of each horizon and scores it on that horizon's test rows. */
export function scoreBaselines(rows: ForecastRows, trainIdx: readonly number[], test: Record<Horizon, number[]>): BaselineMetricsByHorizon {
  const out = {} as BaselineMetricsByHorizon;
  for (const h of HORIZONS) {
    const fit = fitBaselines(horizonRows(rows, h, trainIdx.filter((r) => rows.targets[h].observed[r])));
    const target = horizonRows(rows, h, test[h]);
    out[`${h}`] = Object.fromEntries(
      BASELINES.map((name) => [name, scoreHorizon(predictBaseline(name, fit, target), target.charting, target.score)]),
    ) as Record<BaselineName, HorizonMetrics>;
  }
  return out;
}
