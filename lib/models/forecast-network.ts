/**
 * The forecast network: a shared MLP trunk over the standardised features with, per
 * horizon, a still-charting logit (binary cross-entropy over every observed row) and three
 * quantiles of the score *given that the song still charts* (pinball loss over the rows
 * that do), kept ordered as c50 − softplus(d10) ≤ c50 ≤ c50 + softplus(d90).
 * score-distribution.ts turns p and these into the unconditional p10/p50/p90.
 * Trained with a seeded, hand-written loop (seeded initialisers, own shuffle), so the
 * same data and seed give the same weights on the single-threaded wasm backend.
 */
import type * as TF from '@tensorflow/tfjs';
import { sigmoid } from './logistic';
import { seededRandom, shuffleInPlace } from './random';
import { loadTf } from './tf';

/** Raw output columns per horizon: logit, c50, d10, d90 (scores in units of 100 points). */
export const OUTPUTS_PER_HORIZON = 4;

/**
 * Independently initialised members trained side by side in one model (each on its own
 * loss) whose forecasts are averaged: on Billboard one member's AUC moved by ±0.05 with the
 * seed, the average of three much less.
 */
export const DEFAULT_MEMBERS = 3;

export interface NetworkOptions {
  seed: number;
  epochs: number;
  hidden?: number[];
  /** Ensemble members (DEFAULT_MEMBERS). */
  members?: number;
  batchSize?: number;
  learningRate?: number;
  /** Weight of the quantile (pinball) loss against the cross-entropy. */
  quantileWeight?: number;
  /** L2 penalty on the kernels: songs span many weeks, so the net could memorise them. */
  l2?: number;
}

/**
 * Training targets, row-major with 3 columns per horizon: the row's weight when the
 * horizon is observed, else 0 (the losses are weighted means); charting (0/1); and
 * (score at the horizon − score now) / 100.
 */
export interface NetworkData {
  x: Float32Array;
  y: Float32Array;
  n: number;
}

export interface TrainResult {
  model: TF.LayersModel;
  /** Mean training loss per epoch, and validation loss when validation rows were given. */
  history: { epoch: number; loss: number; validationLoss?: number }[];
  bestEpoch: number;
}

const softplus = (tf: typeof TF, x: TF.Tensor) => tf.relu(x).add(tf.log1p(tf.exp(tf.neg(tf.abs(x)))));

/**
 * The network's layers, with initialisers seeded from `seed`: `members` MLPs side by side,
 * their raw outputs concatenated (member-major), so one LayersModel holds the ensemble.
 */
export async function buildForecastNetwork(inputDim: number, horizons: number, seed: number, hidden = [64, 32], members = 1): Promise<TF.LayersModel> {
  const tf = await loadTf();
  const input = tf.input({ shape: [inputDim] });
  const outs = Array.from({ length: members }, (_, m) => {
    const prefix = members === 1 ? '' : `m${m}_`;
    const base = (seed * 101 + m * 7919) % 2 ** 31;
    let h: TF.SymbolicTensor = input;
    hidden.forEach((units, i) => {
      h = tf.layers
        .dense({ units, activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: base + i }), name: `${prefix}trunk_${i}` })
        .apply(h) as TF.SymbolicTensor;
    });
    return tf.layers
      .dense({ units: horizons * OUTPUTS_PER_HORIZON, kernelInitializer: tf.initializers.glorotUniform({ seed: base + 99 }), name: `${prefix}heads` })
      .apply(h) as TF.SymbolicTensor;
  });
  const out = outs.length === 1 ? (outs[0] as TF.SymbolicTensor) : (tf.layers.concatenate({ name: 'members' }).apply(outs) as TF.SymbolicTensor);
  return tf.model({ inputs: input, outputs: out });
}

/** Sum over horizons of the mean loss over the observed rows of each horizon, averaged over the members. */
function batchLoss(tf: typeof TF, out: TF.Tensor2D, y: TF.Tensor2D, horizons: number, quantileWeight: number): TF.Scalar {
  const members = (out.shape[1] as number) / (horizons * OUTPUTS_PER_HORIZON);
  const o = out.reshape([-1, members, horizons, OUTPUTS_PER_HORIZON]);
  const t = y.reshape([-1, 1, horizons, 3]);
  const col = (x: TF.Tensor, k: number) => x.slice([0, 0, 0, k], [-1, -1, -1, 1]);
  const logit = col(o, 0);
  const c50 = col(o, 1);
  const lo = c50.sub(softplus(tf, col(o, 2)));
  const hi = c50.add(softplus(tf, col(o, 3)));
  const mask = col(t, 0);
  const charting = col(t, 1);
  const score = col(t, 2);
  // Numerically stable binary cross-entropy on logits, over the observed rows.
  const bce = tf.relu(logit).sub(logit.mul(charting)).add(tf.log1p(tf.exp(tf.neg(tf.abs(logit))))).mul(mask);
  // Pinball loss of the three conditional quantiles (τ = 0.1, 0.5, 0.9), over the rows still charting.
  const charted = mask.mul(charting);
  const tau = tf.tensor1d([0.1, 0.5, 0.9]);
  const d = score.sub(tf.concat([lo, c50, hi], 3));
  const pinball = tf.maximum(d.mul(tau), d.mul(tau.sub(1))).sum(3, true).mul(charted);
  const perHorizon = bce.sum(0).div(tf.maximum(mask.sum(0), 1)).add(pinball.sum(0).div(tf.maximum(charted.sum(0), 1)).mul(quantileWeight));
  return perHorizon.sum().div(members) as TF.Scalar;
}

function evaluateLoss(tf: typeof TF, model: TF.LayersModel, data: NetworkData, dim: number, horizons: number, qw: number): number {
  return tf.tidy(() => {
    const x = tf.tensor2d(data.x, [data.n, dim]);
    const y = tf.tensor2d(data.y, [data.n, 3 * horizons]);
    const out = model.predict(x, { batchSize: 8192 }) as TF.Tensor2D;
    return batchLoss(tf, out, y, horizons, qw).dataSync()[0] as number;
  });
}

/**
 * Trains a new network. With validation rows, keeps the weights of the epoch with the
 * lowest validation loss (early model selection, still deterministic).
 */
export async function trainForecastNetwork(
  train: NetworkData,
  dim: number,
  horizons: number,
  opts: NetworkOptions,
  validation?: NetworkData,
  onEpoch?: (epoch: number, loss: number) => void,
): Promise<TrainResult> {
  const tf = await loadTf();
  // Defaults picked on Billboard's 2018 validation weeks (docs/evaluation.md): a heavier quantile
  // weight or L2 left the still-charting head underfitted.
  const { seed, epochs, batchSize = Math.min(1024, Math.max(32, 2 ** Math.round(Math.log2(train.n / 100)))), learningRate = 0.003, quantileWeight = 2, l2 = 1e-4 } = opts;
  const kernels = () => model.trainableWeights.filter((w) => w.name.includes('kernel')).map((w) => w.read());
  const model = await buildForecastNetwork(dim, horizons, seed, opts.hidden, opts.members ?? DEFAULT_MEMBERS);
  const optimizer = tf.train.adam(learningRate);
  const random = seededRandom(seed);
  const order = Int32Array.from({ length: train.n }, (_, i) => i);
  const yDim = 3 * horizons;
  const xb = new Float32Array(batchSize * dim);
  const yb = new Float32Array(batchSize * yDim);
  const history: TrainResult['history'] = [];
  let best = { loss: Infinity, epoch: 0, weights: null as TF.Tensor[] | null };

  for (let epoch = 1; epoch <= epochs; epoch++) {
    shuffleInPlace(order, random);
    let lossSum = 0;
    let batches = 0;
    for (let start = 0; start < train.n; start += batchSize) {
      const size = Math.min(batchSize, train.n - start);
      for (let i = 0; i < size; i++) {
        const r = order[start + i] as number;
        xb.set(train.x.subarray(r * dim, (r + 1) * dim), i * dim);
        yb.set(train.y.subarray(r * yDim, (r + 1) * yDim), i * yDim);
      }
      lossSum += tf.tidy(() => {
        const x = tf.tensor2d(xb.subarray(0, size * dim), [size, dim]);
        const y = tf.tensor2d(yb.subarray(0, size * yDim), [size, yDim]);
        const cost = optimizer.minimize(() => {
          const penalty = tf.addN(kernels().map((k) => tf.sum(tf.square(k)))).mul(l2);
          return batchLoss(tf, model.apply(x, { training: true }) as TF.Tensor2D, y, horizons, quantileWeight).add(penalty) as TF.Scalar;
        }, true);
        return cost ? (cost.dataSync()[0] as number) : 0;
      });
      batches++;
    }
    const loss = lossSum / Math.max(1, batches);
    const validationLoss = validation && validation.n > 0 ? evaluateLoss(tf, model, validation, dim, horizons, quantileWeight) : undefined;
    history.push({ epoch, loss, validationLoss });
    onEpoch?.(epoch, loss);
    if (validationLoss !== undefined && validationLoss < best.loss) {
      best.weights?.forEach((w) => w.dispose());
      best = { loss: validationLoss, epoch, weights: model.getWeights().map((w) => w.clone()) };
    }
  }
  if (best.weights) {
    model.setWeights(best.weights);
    best.weights.forEach((w) => w.dispose());
  }
  optimizer.dispose();
  return { model, history, bestEpoch: best.weights ? best.epoch : epochs };
}

/** Per horizon: the still-charting probability and the conditional quantiles of (score then − score now), in points. */
export interface NetworkPrediction {
  pCharting: Float64Array;
  c10: Float64Array;
  c50: Float64Array;
  c90: Float64Array;
}

/**
 * Turns the raw outputs into per-horizon probabilities and ordered conditional quantiles,
 * averaged over the members (as many as the output width holds).
 */
export function decodeOutputs(raw: Float32Array, n: number, horizons: number): NetworkPrediction[] {
  const perMember = horizons * OUTPUTS_PER_HORIZON;
  const members = n > 0 ? raw.length / n / perMember : 1;
  if (!Number.isInteger(members) || members < 1) throw new RangeError(`${raw.length} outputs do not split into ${n} rows of ${horizons} horizons`);
  const sp = (v: number) => Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
  return Array.from({ length: horizons }, (_, j) => {
    const out = { pCharting: new Float64Array(n), c10: new Float64Array(n), c50: new Float64Array(n), c90: new Float64Array(n) };
    for (let i = 0; i < n; i++) {
      for (let m = 0; m < members; m++) {
        const base = (i * members + m) * perMember + j * OUTPUTS_PER_HORIZON;
        const c50 = raw[base + 1] as number;
        out.pCharting[i]! += sigmoid(raw[base] as number) / members;
        out.c50[i]! += (100 * c50) / members;
        out.c10[i]! += (100 * (c50 - sp(raw[base + 2] as number))) / members;
        out.c90[i]! += (100 * (c50 + sp(raw[base + 3] as number))) / members;
      }
    }
    return out;
  });
}

/** Runs the network on standardised rows (batched: the default batch of 32 is ~100× slower). */
export async function runForecastNetwork(model: TF.LayersModel, xStd: Float32Array, n: number, dim: number, horizons: number): Promise<NetworkPrediction[]> {
  const tf = await loadTf();
  if (n === 0) return decodeOutputs(new Float32Array(0), 0, horizons);
  // The values are read outside tidy(): tidy walks what its function returns, element by element.
  const out = tf.tidy(() => model.predict(tf.tensor2d(xStd, [n, dim]), { batchSize: 8192 }) as TF.Tensor);
  try {
    return decodeOutputs(out.dataSync() as Float32Array, n, horizons);
  } finally {
    out.dispose();
  }
}
