/** Trains the what-if model on a split by release date and scores it against the mean and a linear model. */
import { mae } from '@/lib/models/metrics';
import { percentile } from '@/lib/themes/cv';
import { attributeFeatureNames, attributeRow, NUMERIC_ATTRIBUTES } from './attributes';
import type { AttributesExample } from './attributes-data';
import { fitAttributesModel, predictPopularity, type AttributesModel, type AttributesTrainOptions } from './attributes-model';

/** Genres with fewer training songs than this share the "other" column (all zeros). */
const MIN_GENRE_SONGS = 20;
/** The latest-released share of songs held out for scoring. */
const TEST_SHARE = 0.2;

export interface Scores {
  r2: number;
  mae: number;
}

export interface AttributesTraining {
  model: AttributesModel;
  trainRows: number;
  testRows: number;
  /** First release date in the held-out set. */
  cutoff: string;
  metrics: Scores & { coverage80: number; inferenceMs: { p50: number | null; p95: number | null } };
  baselines: { mean: Scores; linear: Scores };
}

/** R² of predictions against actual values (1 is perfect, 0 is the actual mean's score). */
export function rSquared(pred: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = y.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += (y[i] as number) / n;
  let sse = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    sse += ((y[i] as number) - (pred[i] as number)) ** 2;
    sst += ((y[i] as number) - mean) ** 2;
  }
  return sst === 0 ? 0 : 1 - sse / sst;
}

const scores = (pred: ArrayLike<number>, y: Float32Array): Scores => ({ r2: rSquared(pred, y), mae: mae(Float32Array.from(pred as ArrayLike<number>), y) });

/**
 * Chooses between the small network and a linear model by R² on the latest-released 15% of the
 * training songs (fitted on the rest), so the held-out test set plays no part in the choice.
 */
async function pickHidden(
  train: AttributesExample[],
  matrix: (rows: AttributesExample[]) => Float32Array,
  target: (rows: AttributesExample[]) => Float32Array,
  options: AttributesTrainOptions,
): Promise<number[]> {
  const cut = Math.floor(train.length * 0.85);
  const [fit, val] = [train.slice(0, cut), train.slice(cut)];
  const yVal = target(val);
  let best: { hidden: number[]; r2: number } | null = null;
  for (const hidden of [options.hidden, []]) {
    const m = await fitAttributesModel(matrix(fit), target(fit), { ...options, hidden });
    const r2 = rSquared((await predictPopularity(m, matrix(val), val.length)).map((p) => p.popularity), yVal);
    m.network.dispose();
    if (best === null || r2 > best.r2) best = { hidden, r2 };
  }
  return best?.hidden ?? options.hidden;
}

/** Splits by release date, fits the model and the linear baseline on the earlier songs, scores all on the later. */
export async function trainAttributes(examples: AttributesExample[], o: { epochs: number; seed: number; target: string }): Promise<AttributesTraining> {
  const sorted = [...examples].sort((a, b) => a.releaseDate.localeCompare(b.releaseDate));
  const cutoff = sorted[Math.floor(sorted.length * (1 - TEST_SHARE))]?.releaseDate;
  const train = sorted.filter((e) => cutoff !== undefined && e.releaseDate < cutoff);
  const test = sorted.filter((e) => cutoff !== undefined && e.releaseDate >= cutoff);
  if (cutoff === undefined || train.length < 50 || test.length < 10) {
    throw new Error(`only ${train.length} songs released before and ${test.length} from the cutoff: too few to train and score the what-if model`);
  }
  const counts = new Map<string, number>();
  for (const e of train) counts.set(e.attributes.genre, (counts.get(e.attributes.genre) ?? 0) + 1);
  const genres = [...counts].filter(([, n]) => n >= MIN_GENRE_SONGS).map(([g]) => g).sort();
  const typical = Object.fromEntries(
    NUMERIC_ATTRIBUTES.map((a) => {
      const values = train.map((e) => e.attributes[a.name]);
      return [a.name, [percentile(values, 5) ?? a.min, percentile(values, 95) ?? a.max] as [number, number]];
    }),
  );
  const matrix = (rows: AttributesExample[]) => Float32Array.from(rows.flatMap((e) => attributeRow(e.attributes, genres)));
  const target = (rows: AttributesExample[]) => Float32Array.from(rows.map((e) => e.popularity));
  const options: AttributesTrainOptions = { featureNames: attributeFeatureNames(genres), genres, hidden: [16], seed: o.seed, epochs: o.epochs, typical, target: o.target };
  const [xTrain, yTrain, xTest, yTest] = [matrix(train), target(train), matrix(test), target(test)];
  const hidden = await pickHidden(train, matrix, target, options);
  const linear = await fitAttributesModel(xTrain, yTrain, { ...options, hidden: [] });
  const model = hidden.length === 0 ? linear : await fitAttributesModel(xTrain, yTrain, { ...options, hidden });
  const predicted = await predictPopularity(model, xTest, test.length);
  const linearPredicted = await predictPopularity(linear, xTest, test.length);
  if (model !== linear) linear.network.dispose();
  const trainMean = yTrain.reduce((s, v) => s + v, 0) / yTrain.length;
  const inside = predicted.filter((p, i) => (yTest[i] as number) >= p.p10 && (yTest[i] as number) <= p.p90).length;
  const dim = options.featureNames.length;
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    await predictPopularity(model, xTest.subarray((i % test.length) * dim, ((i % test.length) + 1) * dim), 1);
    times.push(performance.now() - started);
  }
  return {
    model,
    trainRows: train.length,
    testRows: test.length,
    cutoff,
    metrics: { ...scores(predicted.map((p) => p.popularity), yTest), coverage80: inside / test.length, inferenceMs: { p50: percentile(times, 50), p95: percentile(times, 95) } },
    baselines: { mean: scores(new Float32Array(test.length).fill(trainMean), yTest), linear: scores(linearPredicted.map((p) => p.popularity), yTest) },
  };
}
