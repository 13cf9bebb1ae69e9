/**
 * The theme model: a small TF.js softmax classifier from audio features to listening occasions.
 * Stored in `models.artifact` as JSON (spec + weight shapes and values): the network is tiny,
 * and rebuilding its fixed topology from the spec keeps the format readable.
 */
import type * as TF from '@tensorflow/tfjs';
import { z } from 'zod';
import { applyStandardization, fitStandardization } from '@/lib/features/standardize';
import { seededRandom, shuffleInPlace } from '@/lib/models/random';
import { loadTf } from '@/lib/models/tf';

export const THEME_MODEL_SCHEMA = 'songcast.theme-model.v1';

export const themeSpecSchema = z.object({
  schema: z.literal(THEME_MODEL_SCHEMA),
  occasions: z.array(z.string()).min(2),
  featureNames: z.array(z.string()).min(1),
  standardization: z.object({ mean: z.array(z.number()), std: z.array(z.number()) }),
  hidden: z.number().int().positive(),
  seed: z.number().int(),
  epochs: z.number().int().positive(),
  /** Where the training labels came from: `playlists` or `sample-rule` (see occasions.ts). */
  labelSource: z.string(),
});
export type ThemeSpec = z.infer<typeof themeSpecSchema>;

export interface ThemeModel {
  network: TF.LayersModel;
  spec: ThemeSpec;
}

/** A network's weights as plain JSON (shape + values per tensor), for small models stored as JSON. */
export const weightsJsonSchema = z.array(z.object({ shape: z.array(z.number().int()), values: z.array(z.number()) }));
export type WeightsJson = z.infer<typeof weightsJsonSchema>;

/** Reads a network's weights out as JSON. */
export const weightsToJson = (network: TF.LayersModel): WeightsJson => network.getWeights().map((w) => ({ shape: w.shape, values: Array.from(w.dataSync()) }));

/** Loads JSON weights into a network of the same topology. */
export function setWeightsFromJson(tf: typeof TF, network: TF.LayersModel, weights: WeightsJson): void {
  tf.tidy(() => network.setWeights(weights.map((w) => tf.tensor(w.values, w.shape))));
}

const artifactSchema = z.object({ spec: themeSpecSchema, weights: weightsJsonSchema });

function buildNetwork(tf: typeof TF, dim: number, classes: number, hidden: number, seed: number): TF.Sequential {
  const network = tf.sequential();
  network.add(tf.layers.dense({ inputShape: [dim], units: hidden, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed }) }));
  network.add(tf.layers.dense({ units: classes, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }) }));
  network.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
  return network;
}

export interface ThemeTrainOptions {
  occasions: readonly string[];
  featureNames: readonly string[];
  hidden: number;
  epochs: number;
  seed: number;
  labelSource: string;
}

/** Fits a model on raw feature rows (`x` row-major, n × featureNames) and class indices; deterministic for a seed. */
export async function fitThemeModel(x: Float32Array, labels: Int32Array, o: ThemeTrainOptions): Promise<ThemeModel> {
  const tf = await loadTf();
  const dim = o.featureNames.length;
  const n = labels.length;
  const standardization = fitStandardization(x, dim);
  // One seeded shuffle instead of fit's Math.random shuffling, so training repeats exactly.
  const order = Array.from({ length: n }, (_, i) => i);
  shuffleInPlace(order, seededRandom(o.seed));
  const xs = tf.tensor2d(applyStandardization(x, dim, standardization, order), [n, dim]);
  const ys = tf.oneHot(tf.tensor1d(order.map((i) => labels[i] as number), 'int32'), o.occasions.length);
  const network = buildNetwork(tf, dim, o.occasions.length, o.hidden, o.seed);
  try {
    await network.fit(xs, ys, { epochs: o.epochs, batchSize: 64, shuffle: false, verbose: 0 });
  } finally {
    xs.dispose();
    ys.dispose();
  }
  const spec: ThemeSpec = { schema: THEME_MODEL_SCHEMA, occasions: [...o.occasions], featureNames: [...o.featureNames], standardization, hidden: o.hidden, seed: o.seed, epochs: o.epochs, labelSource: o.labelSource };
  return { network, spec };
}

/** Class probabilities for raw feature rows: n × occasions, row-major. */
export async function predictThemes(model: ThemeModel, x: Float32Array, n: number): Promise<Float32Array> {
  const tf = await loadTf();
  const dim = model.spec.featureNames.length;
  if (x.length !== n * dim) throw new RangeError(`expected ${n}×${dim} features, got ${x.length} values`);
  const input = tf.tensor2d(applyStandardization(x, dim, model.spec.standardization), [n, dim]);
  const output = model.network.predict(input, { batchSize: 8192 }) as TF.Tensor;
  try {
    return (await output.data()) as Float32Array;
  } finally {
    input.dispose();
    output.dispose();
  }
}

/** The model as bytes for `models.artifact`. */
export function serializeThemeModel(model: ThemeModel): Buffer {
  return Buffer.from(JSON.stringify({ spec: model.spec, weights: weightsToJson(model.network) }), 'utf8');
}

/** Reads bytes written by serializeThemeModel; a clear error for anything else. */
export async function deserializeThemeModel(bytes: Uint8Array): Promise<ThemeModel> {
  const tf = await loadTf();
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new Error('theme model artifact is not JSON: not a songcast theme model');
  }
  const { spec, weights } = artifactSchema.parse(raw);
  const network = buildNetwork(tf, spec.featureNames.length, spec.occasions.length, spec.hidden, spec.seed);
  setWeightsFromJson(tf, network, weights);
  return { network, spec };
}
