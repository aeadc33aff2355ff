import * as tf from '@tensorflow/tfjs';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import {
  RecurrentBackwardProgram,
  RecurrentForwardProgram,
  RecurrentWeightGradProgram,
} from './recurrent-programs';
import { GATES, slotSize, type KernelMode, type RecurrentShaderConfig } from './recurrent-wgsl';

export interface FusedRecurrentArgs extends RecurrentShaderConfig {
  returnSequences: boolean;
  /** How the time loop is spread (see recurrent-wgsl.ts); by default, what suits the adapter. */
  mode?: KernelMode;
}

/** SwiftShader, Chromium's software adapter, names itself in the adapter's architecture. */
export function defaultKernelMode(): KernelMode {
  const info = (webgpu() as unknown as { adapterInfo?: { architecture?: string } }).adapterInfo;
  return info?.architecture === 'swiftshader' ? 'serial' : 'cooperative';
}

function webgpu(): WebGPUBackend {
  if (tf.getBackend() !== 'webgpu') {
    throw new Error(`Fused recurrent kernels need the webgpu backend, not ${tf.getBackend()}`);
  }
  return tf.backend() as WebGPUBackend;
}

/** Runs one of the fused programs; `steps` is its uniform. */
export function runRecurrentProgram(
  program: RecurrentForwardProgram | RecurrentBackwardProgram | RecurrentWeightGradProgram,
  inputs: tf.Tensor[],
  steps: number,
) {
  const info = webgpu().runWebGPUProgram(program, inputs, 'float32', [
    { type: 'int32', data: [steps] },
  ]);
  return tf.engine().makeTensorFromTensorInfo(info);
}

/**
 * The recurrence of a SimpleRNN, LSTM or GRU layer over x [batch, steps, features], starting
 * from a zero state, with its gradient (inputs and every weight): 2 dispatches forward (the
 * whole sequence, then the slice of outputs) and 6 backward (back through time with dx, the
 * weight gradients, 4 slices), whatever the number of steps. Weights are laid out as tfjs-layers' own: kernel [features, G·U],
 * recurrentKernel [U, G·U], bias [G·U], gate blocks in Keras order. Returns the last output
 * [batch, units], or every output [batch, steps, units] with returnSequences.
 */
export function fusedRecurrent(
  args: FusedRecurrentArgs,
  x: tf.Tensor3D,
  kernel: tf.Tensor2D,
  recurrentKernel: tf.Tensor2D,
  bias: tf.Tensor1D | null,
): tf.Tensor {
  const [rows, steps, features] = x.shape;
  const U = args.units;
  const width = GATES[args.kind] * U;
  const slot = slotSize(args.kind, U);
  const mode = args.mode ?? defaultKernelMode();
  const forward = (xs: tf.Tensor3D, w: tf.Tensor2D, rk: tf.Tensor2D, b: tf.Tensor1D | null) => {
    const program = new RecurrentForwardProgram(args, mode, rows, steps);
    return runRecurrentProgram(program, b ? [xs, w, rk, b] : [xs, w, rk], steps);
  };
  const outputs = (slots: tf.Tensor) =>
    args.returnSequences
      ? tf.slice(slots, [0, 0, slot - U], [rows, steps, U])
      : tf.reshape(tf.slice(slots, [0, steps - 1, slot - U], [rows, 1, U]), [rows, U]);

  const backward = (
    dy: tf.Tensor,
    xs: tf.Tensor,
    w: tf.Tensor,
    rk: tf.Tensor,
    slots: tf.Tensor,
  ) => {
    const bwd = new RecurrentBackwardProgram(
      args,
      mode,
      args.returnSequences,
      rows,
      steps,
      features,
    );
    const dzx = runRecurrentProgram(bwd, [slots, rk, dy, w], steps);
    const grads = runRecurrentProgram(
      new RecurrentWeightGradProgram(args, features),
      [xs, slots, dzx],
      steps,
    );
    return {
      dx: tf.slice(dzx, [0, 0, width], [rows, steps, features]),
      dw: tf.slice(grads, [0, 0], [features, width]),
      drk: tf.slice(grads, [features, 0], [U, width]),
      db: tf.reshape(tf.slice(grads, [features + U, 0], [1, width]), [width]),
    };
  };

  if (bias) {
    const op = tf.customGrad((...inputs: (tf.Tensor | tf.GradSaveFunc)[]) => {
      const [xs, w, rk, b, save] = inputs as [
        tf.Tensor3D,
        tf.Tensor2D,
        tf.Tensor2D,
        tf.Tensor1D,
        tf.GradSaveFunc,
      ];
      const slots = forward(xs, w, rk, b);
      save([xs, w, rk, slots]);
      return {
        value: outputs(slots),
        gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
          const [sx, sw, srk, sslots] = saved as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
          const g = backward(dy, sx, sw, srk, sslots);
          return [g.dx, g.dw, g.drk, g.db];
        },
      };
    });
    return op(x, kernel, recurrentKernel, bias);
  }
  const op = tf.customGrad((...inputs: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xs, w, rk, save] = inputs as [tf.Tensor3D, tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
    const slots = forward(xs, w, rk, null);
    save([xs, w, rk, slots]);
    return {
      value: outputs(slots),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, sw, srk, sslots] = saved as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
        const g = backward(dy, sx, sw, srk, sslots);
        return [g.dx, g.dw, g.drk];
      },
    };
  });
  return op(x, kernel, recurrentKernel);
}
