/**
 * A forecast model as stored in `models.artifact` (LONGBLOB):
 *   uint32 BE header length · header JSON (spec, TF.js topology, weight specs) · weight bytes.
 * Saved through tf.io.withSaveHandler and loaded through tf.io.fromMemory, so no file
 * system (tfjs-node) is needed and predictions are bit-identical after a round trip.
 */
import type * as TF from '@tensorflow/tfjs';
import { z } from 'zod';
import { applyStandardization, leadingColumns, type Standardization } from '@/lib/features/standardize';
import type { HorizonPrediction } from './metrics';
import { runForecastNetwork, type NetworkPrediction } from './forecast-network';
import { logit, sigmoid } from './logistic';
import { mixtureMean, mixtureQuantile } from './score-distribution';
import { loadTf } from './tf';

export const FORECAST_MODEL_SCHEMA = 'songcast.forecast-model.v1';

const linearPathSchema = z.object({ horizon: z.number().int().positive(), features: z.array(z.string()).min(1), weights: z.array(z.number()) });

/** Everything besides the weights that predicting needs; stored as `models.feature_spec` too. */
export const forecastModelSpecSchema = z.object({
  schema: z.literal(FORECAST_MODEL_SCHEMA),
  featureNames: z.array(z.string()).min(1),
  horizons: z.array(z.number().int().positive()).min(1),
  standardization: z.object({ mean: z.array(z.number()), std: z.array(z.number()) }),
  /** How to read the network's outputs (documentation for other readers of the artifact). */
  outputs: z.string(),
  hidden: z.array(z.number().int().positive()),
  seed: z.number().int(),
  epochs: z.number().int().nonnegative(),
  /**
   * Per horizon, Platt scaling of the still-charting chance fitted on the validation weeks:
   * p = σ(a + b·logit(p_network)). Absent in older models (no recalibration).
   */
  calibration: z.array(z.object({ a: z.number(), b: z.number() })).optional(),
  /** How many leading features the network reads; absent in older models, whose network reads them all. */
  networkInputs: z.number().int().positive().optional(),
  /**
   * The eighth and ninth rounds' single linear path (into the +26-week logit), read as `linearPaths` of one;
   * absent in models before them and since the tenth round.
   */
  linearPath: linearPathSchema.optional(),
  /**
   * Bias-free linear terms on the named features (standardised), each added to its horizon's still-charting
   * logit (that of the members' averaged chance) before the Platt scaling. Fitted with the network frozen, so
   * the network's outputs are unchanged by them; absent in models before the tenth round.
   */
  linearPaths: z.array(linearPathSchema).optional(),
});
export type ForecastModelSpec = z.infer<typeof forecastModelSpecSchema>;

export const OUTPUTS_DOC = 'per horizon, in order: still-charting logit; c50; d10; d90 — quantiles of (score then − score now) given it still charts, in units of 100 points: c10 = c50 − softplus(d10), c90 = c50 + softplus(d90); p10/p50/p90 are the quantiles of the mixture (0 w.p. 1 − p), see lib/models/score-distribution.ts';

export interface ForecastModel {
  network: TF.LayersModel;
  spec: ForecastModelSpec;
}

const headerSchema = z.object({
  spec: forecastModelSpecSchema,
  modelTopology: z.record(z.string(), z.unknown()),
  weightSpecs: z.array(z.object({ name: z.string(), shape: z.array(z.number()), dtype: z.string() }).passthrough()),
});

/** Serialises topology, weights and spec into one buffer. */
export async function serializeForecastModel(model: ForecastModel): Promise<Buffer> {
  const tf = await loadTf();
  let captured: TF.io.ModelArtifacts | null = null;
  await model.network.save(
    tf.io.withSaveHandler(async (artifacts) => {
      captured = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const artifacts = captured as TF.io.ModelArtifacts | null;
  if (!artifacts?.weightData || !artifacts.weightSpecs) throw new Error('TF.js returned no weights when saving the model');
  const weights = tf.io.concatenateArrayBuffers(Array.isArray(artifacts.weightData) ? artifacts.weightData : [artifacts.weightData]);
  const header = Buffer.from(JSON.stringify({ spec: model.spec, modelTopology: artifacts.modelTopology, weightSpecs: artifacts.weightSpecs }), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([length, header, Buffer.from(weights)]);
}

/** Reads a buffer written by serializeForecastModel; throws a clear error on anything else. */
export async function deserializeForecastModel(buffer: Uint8Array): Promise<ForecastModel> {
  const tf = await loadTf();
  const buf = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (buf.length < 4) throw new Error('model artifact is empty or truncated');
  const headerLength = buf.readUInt32BE(0);
  if (4 + headerLength > buf.length) throw new Error('model artifact is truncated (header longer than the blob)');
  let raw: unknown;
  try {
    raw = JSON.parse(buf.subarray(4, 4 + headerLength).toString('utf8'));
  } catch {
    throw new Error('model artifact header is not JSON: not a songcast forecast model');
  }
  const header = headerSchema.parse(raw);
  const weights = buf.subarray(4 + headerLength);
  const weightData = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) as ArrayBuffer;
  const network = await tf.loadLayersModel(
    tf.io.fromMemory({ modelTopology: header.modelTopology, weightSpecs: header.weightSpecs as TF.io.WeightsManifestEntry[], weightData }),
  );
  return { network, spec: header.spec };
}

/** The network's chance through a Platt scaling. */
export function recalibrate(p: number, { a, b }: { a: number; b: number }): number {
  return sigmoid(a + b * logit(p));
}

/** Where each of the model's linear paths reads (its columns in the feature vector) and writes (its horizon's index), with its weights. */
function linearPathsOf(spec: ForecastModelSpec): { horizonIndex: number; columns: number[]; weights: number[] }[] {
  const paths = spec.linearPaths ?? (spec.linearPath ? [spec.linearPath] : []);
  return paths.map((path) => {
    const columns = path.features.map((name) => spec.featureNames.indexOf(name));
    const horizonIndex = spec.horizons.indexOf(path.horizon);
    if (columns.some((c) => c < 0) || path.weights.length !== columns.length || horizonIndex < 0) {
      throw new Error('the model\'s linear path names features or a horizon the model does not have');
    }
    return { horizonIndex, columns, weights: path.weights };
  });
}

/** Adds w·x (standardised rows) to the logit of each row's chance, in place. */
function addLinearPath(pCharting: Float64Array, xStd: Float32Array, dim: number, { columns, weights }: { columns: number[]; weights: number[] }) {
  for (let i = 0; i < pCharting.length; i++) {
    let z = logit(pCharting[i] as number);
    columns.forEach((c, k) => (z += (weights[k] as number) * (xStd[i * dim + c] as number)));
    pCharting[i] = sigmoid(z);
  }
}

/**
 * Predicts every horizon for raw (unstandardised) feature rows: the still-charting chance
 * and the p10/p50/p90 and mean of the score mixture (score-distribution.ts). The network gives the
 * conditional quantiles as offsets from the current score (the row's `score`); the lowest
 * positive score is the chart's last place, 100/size (from the row's log_chart_size). The network reads
 * the first `networkInputs` features; each linear path, when the model has them, moves its horizon's chance
 * before the Platt scaling.
 */
export async function predictWithModel(model: ForecastModel, x: Float32Array, n: number): Promise<HorizonPrediction[]> {
  const dim = model.spec.featureNames.length;
  if (x.length !== n * dim) throw new RangeError(`expected ${n}×${dim} features, got ${x.length} values`);
  const sizeAt = model.spec.featureNames.indexOf('log_chart_size');
  const scoreAt = model.spec.featureNames.indexOf('score');
  if (sizeAt < 0 || scoreAt < 0) throw new Error('the model\'s features lack score or log_chart_size: not a forecast model of this version');
  const xStd = applyStandardization(x, dim, model.spec.standardization as Standardization);
  const inputs = model.spec.networkInputs ?? dim;
  const raw = await runForecastNetwork(model.network, inputs === dim ? xStd : leadingColumns(xStd, dim, inputs), n, inputs, model.spec.horizons.length);
  for (const path of linearPathsOf(model.spec)) addLinearPath((raw[path.horizonIndex] as NetworkPrediction).pCharting, xStd, dim, path);
  return raw.map((h, j) => {
    const platt = model.spec.calibration?.[j];
    if (platt) for (let i = 0; i < n; i++) h.pCharting[i] = recalibrate(h.pCharting[i] as number, platt);
    const out = { pCharting: h.pCharting, p10: new Float64Array(n), p50: new Float64Array(n), p90: new Float64Array(n), mean: new Float64Array(n) };
    for (let i = 0; i < n; i++) {
      const floor = 100 / Math.exp(x[i * dim + sizeAt] as number);
      const p = h.pCharting[i] as number;
      const now = x[i * dim + scoreAt] as number;
      const q = { c10: now + (h.c10[i] as number), c50: now + (h.c50[i] as number), c90: now + (h.c90[i] as number) };
      out.p10[i] = mixtureQuantile(0.1, p, q, floor);
      out.p50[i] = mixtureQuantile(0.5, p, q, floor);
      out.p90[i] = mixtureQuantile(0.9, p, q, floor);
      out.mean[i] = mixtureMean(p, q, floor);
    }
    return out;
  });
}
