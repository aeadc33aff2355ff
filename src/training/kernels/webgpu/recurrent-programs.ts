import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { backwardSource, weightGradInvocations, weightGradSource } from './recurrent-backward-wgsl';
import {
  forwardSource,
  GATES,
  SERIAL_ROWS,
  shaderKey,
  slotSize,
  workgroupSize,
  type KernelMode,
  type RecurrentShaderConfig,
} from './recurrent-wgsl';

// One workgroup per batch row (cooperative) or per SERIAL_ROWS rows (serial); x covers every
// output dimension so tfjs' generated helpers (unused here) see a flat layout and call
// main(index) with the global invocation index.
function rowDispatch(rows: number, outputShape: number[], mode: KernelMode) {
  const groups = mode === 'serial' ? Math.ceil(rows / SERIAL_ROWS) : rows;
  return {
    dispatchLayout: { x: outputShape.map((_, i) => i) },
    dispatch: [groups, 1, 1] as [number, number, number],
  };
}

/** The fused forward pass over the whole sequence; output: the slots (see recurrent-wgsl.ts). */
export class RecurrentForwardProgram implements WebGPUProgram {
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  variableNames: string[];
  workgroupSize: [number, number, number];
  uniforms = 'steps : i32,';

  constructor(
    private readonly config: RecurrentShaderConfig,
    private readonly mode: KernelMode,
    rows: number,
    steps: number,
  ) {
    this.outputShape = [rows, steps, slotSize(config.kind, config.units)];
    ({ dispatchLayout: this.dispatchLayout, dispatch: this.dispatch } = rowDispatch(
      rows,
      this.outputShape,
      mode,
    ));
    this.variableNames = config.useBias ? ['xs', 'w', 'rk', 'gateBias'] : ['xs', 'w', 'rk'];
    this.workgroupSize = [workgroupSize(config.units, mode), 1, 1];
    this.shaderKey = shaderKey(config, mode, 'fwd');
  }

  getUserCode(): string {
    return forwardSource(this.config, this.mode);
  }
}

/** Backpropagation through time; output: per step, the gate gradients dz then dx [B, T, G·U + F]. */
export class RecurrentBackwardProgram implements WebGPUProgram {
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  variableNames = ['slots', 'rk', 'dy', 'w'];
  workgroupSize: [number, number, number];
  uniforms = 'steps : i32,';

  constructor(
    private readonly config: RecurrentShaderConfig,
    private readonly mode: KernelMode,
    private readonly returnSequences: boolean,
    rows: number,
    steps: number,
    features: number,
  ) {
    this.outputShape = [rows, steps, GATES[config.kind] * config.units + features];
    ({ dispatchLayout: this.dispatchLayout, dispatch: this.dispatch } = rowDispatch(
      rows,
      this.outputShape,
      mode,
    ));
    this.workgroupSize = [workgroupSize(config.units, mode), 1, 1];
    this.shaderKey = shaderKey(config, mode, 'bwd', returnSequences ? '_seq' : '_last');
  }

  getUserCode(): string {
    return backwardSource(this.config, this.returnSequences, this.mode);
  }
}

/** dW, dU and db in one pass (see weightGradSource); output [F + U + 1, G·U]. */
export class RecurrentWeightGradProgram implements WebGPUProgram {
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  variableNames = ['xs', 'slots', 'dzx'];
  workgroupSize: [number, number, number] = [64, 1, 1];

  constructor(
    private readonly config: RecurrentShaderConfig,
    features: number,
  ) {
    const width = GATES[config.kind] * config.units;
    this.outputShape = [features + config.units + 1, width];
    this.dispatchLayout = { x: [0, 1] };
    this.dispatch = [Math.ceil(weightGradInvocations(config, features) / 64), 1, 1];
    this.shaderKey = shaderKey(config, 'cooperative', 'wgrad');
  }

  getUserCode(): string {
    return weightGradSource(this.config);
  }
}
