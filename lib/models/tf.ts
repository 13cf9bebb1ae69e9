/**
 * TensorFlow.js on the wasm backend (tfjs-node cannot install here; wasm is ~4× faster
 * than the cpu backend and single-threaded, hence deterministic). Call before any tensor work.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

let ready: Promise<typeof tf> | null = null;

/** The tf namespace with the wasm backend initialised (once per process). */
export function loadTf(): Promise<typeof tf> {
  ready ??= (async () => {
    if (tf.getBackend() !== 'wasm') {
      const ok = await tf.setBackend('wasm');
      if (!ok) throw new Error('TensorFlow.js could not start its wasm backend (@tensorflow/tfjs-backend-wasm).');
    }
    await tf.ready();
    return tf;
  })();
  return ready;
}
