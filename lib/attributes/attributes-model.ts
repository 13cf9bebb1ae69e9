/**
 * The what-if (`attributes`) model: a small TF.js regression from a song's attributes to its
 * popularity (0–100), with an 80% interval from its training residuals. `hidden: []` gives the
 * linear baseline with the same code. Stored as JSON (spec + weights), like the theme model.
 */
import type * as TF from '@tensorflow/tfjs';
import { z } from 'zod';
import { applyStandardization, fitStandardization } from '@/lib/features/standardize';
import { seededRandom, shuffleInPlace } from '@/lib/models/random';
import { loadTf } from '@/lib/models/tf';
import { setWeightsFromJson, weightsJsonSchema, weightsToJson } from '@/lib/themes/theme-model';

/** v2: the artist's track record (earlier songs' mean popularity and count) replaced the artist's popularity. */
export const ATTRIBUTES_MODEL_SCHEMA = 'songcast.attributes-model.v2';

export const attributesSpecSchema = z.object({
  schema: z.literal(ATTRIBUTES_MODEL_SCHEMA),
  featureNames: z.array(z.string()).min(1),
  genres: z.array(z.string()),
  standardization: z.object({ mean: z.array(z.number()), std: z.array(z.number()) }),
  hidden: z.array(z.number().int().positive()),
  seed: z.number().int(),
  epochs: z.number().int().positive(),
  /** Residual (actual − predicted) quantiles on the training rows: the 80% interval's offsets. */
  residual: z.object({ p10: z.number(), p90: z.number() }),
  /** 5th and 95th percentile of each numeric attribute in training: the typical range the form shades. */
  typical: z.record(z.string(), z.tuple([z.number(), z.number()])),
  /** What popularity means here (the target's source). */
  target: z.string(),
});
export type AttributesSpec = z.infer<typeof attributesSpecSchema>;

export interface AttributesModel {
  network: TF.LayersModel;
  spec: AttributesSpec;
}

function buildNetwork(tf: typeof TF, dim: number, hidden: number[], seed: number): TF.Sequential {
  const network = tf.sequential();
  hidden.forEach((units, i) =>
    network.add(tf.layers.dense({ ...(i === 0 ? { inputShape: [dim] } : {}), units, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: seed + i }), kernelRegularizer: tf.regularizers.l2({ l2: 1e-3 }) })),
  );
  network.add(tf.layers.dense({ ...(hidden.length === 0 ? { inputShape: [dim] } : {}), units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: seed + hidden.length }) }));
  network.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError' });
  return network;
}

/** Predictions (0–100 scale, unclipped) for raw rows. */
async function run(tf: typeof TF, network: TF.LayersModel, xStd: Float32Array, n: number, dim: number): Promise<Float32Array> {
  const input = tf.tensor2d(xStd, [n, dim]);
  const output = network.predict(input, { batchSize: 8192 }) as TF.Tensor;
  try {
    return (await output.data()).map((v) => v * 100) as Float32Array;
  } finally {
    input.dispose();
    output.dispose();
  }
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * (sorted.length - 1))))] ?? 0;

export type AttributesTrainOptions = Pick<AttributesSpec, 'featureNames' | 'genres' | 'hidden' | 'seed' | 'epochs' | 'typical' | 'target'>;

/** Fits on raw rows (n × featureNames) and popularity 0–100; deterministic for a seed. */
export async function fitAttributesModel(x: Float32Array, y: Float32Array, o: AttributesTrainOptions): Promise<AttributesModel> {
  const tf = await loadTf();
  const dim = o.featureNames.length;
  const n = y.length;
  const standardization = fitStandardization(x, dim);
  const order = Array.from({ length: n }, (_, i) => i);
  shuffleInPlace(order, seededRandom(o.seed));
  const xStd = applyStandardization(x, dim, standardization, order);
  const xs = tf.tensor2d(xStd, [n, dim]);
  const ys = tf.tensor2d(order.map((i) => (y[i] as number) / 100), [n, 1]);
  const network = buildNetwork(tf, dim, o.hidden, o.seed);
  try {
    await network.fit(xs, ys, { epochs: o.epochs, batchSize: 64, shuffle: false, verbose: 0 });
  } finally {
    xs.dispose();
    ys.dispose();
  }
  const fitted = await run(tf, network, xStd, n, dim);
  const residuals = order.map((row, j) => (y[row] as number) - (fitted[j] as number)).sort((a, b) => a - b);
  const spec: AttributesSpec = { schema: ATTRIBUTES_MODEL_SCHEMA, ...o, standardization, residual: { p10: quantile(residuals, 0.1), p90: quantile(residuals, 0.9) } };
  return { network, spec };
}

export interface PopularityPrediction {
  popularity: number;
  p10: number;
  p90: number;
}

/** Popularity with its 80% interval for raw rows, clipped to 0–100. */
export async function predictPopularity(model: AttributesModel, x: Float32Array, n: number): Promise<PopularityPrediction[]> {
  const tf = await loadTf();
  const dim = model.spec.featureNames.length;
  if (x.length !== n * dim) throw new RangeError(`expected ${n}×${dim} features, got ${x.length} values`);
  const out = await run(tf, model.network, applyStandardization(x, dim, model.spec.standardization), n, dim);
  const clip = (v: number) => Math.min(100, Math.max(0, v));
  return Array.from(out, (v) => ({ popularity: clip(v), p10: clip(v + model.spec.residual.p10), p90: clip(v + model.spec.residual.p90) }));
}

/** The model as bytes for `models.artifact`. */
export function serializeAttributesModel(model: AttributesModel): Buffer {
  return Buffer.from(JSON.stringify({ spec: model.spec, weights: weightsToJson(model.network) }), 'utf8');
}

/** Reads bytes written by serializeAttributesModel. */
export async function deserializeAttributesModel(bytes: Uint8Array): Promise<AttributesModel> {
  const tf = await loadTf();
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new Error('attributes model artifact is not JSON: not a songcast what-if model');
  }
  const { spec, weights } = z.object({ spec: attributesSpecSchema, weights: weightsJsonSchema }).parse(raw);
  const network = buildNetwork(tf, spec.featureNames.length, spec.hidden, spec.seed);
  setWeightsFromJson(tf, network, weights);
  return { network, spec };
}
