import * as tf from '@tensorflow/tfjs';
import {
  CANDIDATE_GATE,
  GATES,
  saturationBounds,
  type RecurrentGateKind,
  type SaturationBounds,
} from '../core/timeline/gate-saturation';

interface Readable {
  read(): tf.Tensor;
}
interface Activation {
  apply(x: tf.Tensor): tf.Tensor;
  getClassName(): string;
}
/** The parts of tfjs' LSTMCell/GRUCell this reads (the classes are not exported). */
interface CellInternals {
  units: number;
  useBias: boolean;
  kernel: Readable;
  recurrentKernel: Readable;
  bias?: Readable | null;
  activation: Activation;
  recurrentActivation: Activation;
}

/** LSTM or GRU for tfjs' own layers and the app's fused ones (same class names). */
export function gateKind(layer: tf.layers.Layer): RecurrentGateKind | null {
  const name = layer.getClassName();
  return name === 'LSTM' || name === 'GRU' ? name : null;
}

export interface GateRun {
  /** [low₀, high₀, low₁, high₁, …]: how many values of each gate lie past its bounds. */
  counts: tf.Tensor1D;
  /** Values each gate had (samples × timesteps × units). */
  perGate: number;
  /** Each gate's bounds, in Keras' order; null where its activation has no flat ends. */
  bounds: (SaturationBounds | null)[];
  /** The hidden state at every step [samples, timesteps, units], when asked for. */
  sequence: tf.Tensor3D | null;
}

/**
 * Runs an LSTM or GRU layer's recurrence on x [samples, timesteps, features] with its current
 * weights (inference: no dropout), the way tfjs' cells do (Keras' gate order, GRU with
 * reset_after=False, as the fused kernels too), counting each gate's saturated values on the way.
 */
export function gateRecurrence(
  layer: tf.layers.Layer,
  kind: RecurrentGateKind,
  x: tf.Tensor,
  keepSequence = false,
): GateRun {
  const cell = (layer as unknown as { cell: CellInternals }).cell;
  const names = GATES[kind];
  const bounds = names.map((g) =>
    saturationBounds(
      (g === CANDIDATE_GATE ? cell.activation : cell.recurrentActivation).getClassName(),
    ),
  );
  const [n = 0, steps = 0, features = 0] = x.shape;
  const U = cell.units;
  const G = names.length;
  const count = (gates: tf.Tensor[]) =>
    tf.stack(
      gates.flatMap((g, k) => {
        const b = bounds[k];
        if (!b) return [tf.scalar(0), tf.scalar(0)];
        return [
          tf.sum(tf.cast(tf.less(g, b.low), 'float32')),
          tf.sum(tf.cast(tf.greater(g, b.high), 'float32')),
        ];
      }),
    );
  const result = tf.tidy(() => {
    const kernel = cell.kernel.read();
    const rk = cell.recurrentKernel.read();
    let projected = tf.matMul(tf.reshape(x, [n * steps, features]), kernel);
    if (cell.useBias && cell.bias) projected = tf.add(projected, cell.bias.read());
    const xw = tf.reshape(projected, [n, steps, G * U]);
    const [rkGates, rkCandidate] = kind === 'GRU' ? tf.split(rk, [2 * U, U], 1) : [rk, rk];
    let h: tf.Tensor = tf.zeros([n, U]);
    let c: tf.Tensor = tf.zeros([n, U]);
    let counts: tf.Tensor = tf.zeros([2 * G]);
    const sequence: tf.Tensor[] = [];
    for (let t = 0; t < steps; t++) {
      const next = tf.tidy(() => {
        const xt = tf.reshape(tf.slice(xw, [0, t, 0], [n, 1, G * U]), [n, G * U]);
        if (kind === 'LSTM') {
          const [zi, zf, zc, zo] = tf.split(tf.add(xt, tf.matMul(h, rk)), 4, 1) as tf.Tensor[];
          const i = cell.recurrentActivation.apply(zi!);
          const f = cell.recurrentActivation.apply(zf!);
          const g = cell.activation.apply(zc!);
          const o = cell.recurrentActivation.apply(zo!);
          const cNext = tf.add(tf.mul(f, c), tf.mul(i, g));
          const hNext = tf.mul(o, cell.activation.apply(cNext));
          return { h: hNext, c: cNext, counts: tf.add(counts, count([i, f, g, o])) };
        }
        const [xz, xr, xh] = tf.split(xt, 3, 1) as tf.Tensor[];
        const [rz, rr] = tf.split(tf.matMul(h, rkGates!), 2, 1) as tf.Tensor[];
        const z = cell.recurrentActivation.apply(tf.add(xz!, rz!));
        const r = cell.recurrentActivation.apply(tf.add(xr!, rr!));
        const hh = cell.activation.apply(tf.add(xh!, tf.matMul(tf.mul(r, h), rkCandidate!)));
        const hNext = tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), hh));
        return { h: hNext, c, counts: tf.add(counts, count([z, r, hh])) };
      });
      if (!keepSequence) h.dispose();
      if (next.c !== c) c.dispose();
      counts.dispose();
      ({ h, c, counts } = next);
      if (keepSequence) sequence.push(h);
    }
    return keepSequence && steps > 0 ? [counts, tf.stack(sequence, 1)] : [counts];
  });
  return {
    counts: result[0] as tf.Tensor1D,
    sequence: (result[1] as tf.Tensor3D | undefined) ?? null,
    perGate: n * steps * U,
    bounds,
  };
}
