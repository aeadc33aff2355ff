import type { ActivationId } from '../../../core/activations';

/**
 * WGSL for the activations the fused recurrent kernels support: each is a value and a
 * derivative of the pre-activation x, written to match what tfjs computes on the cpu backend
 * (the same formulas, the same boundary conventions of its gradients), because the fused
 * layers are checked against tfjs-layers' own ones.
 */
interface ActivationWgsl {
  value: string;
  derivative: string;
}

// tfjs-core's selu constants (selu_util.ts).
const SELU_SCALE = '1.0507009873554805';
const SELU_SCALE_ALPHA = '1.7580993408473768';
// tfjs' softplus switches to exp(x) or x where log(1 + exp(x)) is within float32 epsilon of them.
const SOFTPLUS_THRESHOLD = (Math.log(1.1920928955078125e-7) + 2).toFixed(9);

// WGSL's own tanh is a ratio of exponentials on some drivers and gives NaN past |x| ≈ 44.
const STABLE_TANH = 'sign(x) * (1.0 - exp(-2.0 * abs(x))) / (1.0 + exp(-2.0 * abs(x)))';
const SIGMOID = '1.0 / (1.0 + exp(-x))';

const ACTIVATIONS: Partial<Record<ActivationId, ActivationWgsl>> = {
  linear: { value: 'x', derivative: '1.0' },
  relu: { value: 'max(x, 0.0)', derivative: 'select(0.0, 1.0, x > 0.0)' },
  // tfjs: minimum(6, relu(x)); minimum passes the gradient to relu(x) only where it is below 6.
  relu6: { value: 'min(max(x, 0.0), 6.0)', derivative: 'select(0.0, 1.0, x > 0.0 && x < 6.0)' },
  elu: { value: 'select(exp(x) - 1.0, x, x > 0.0)', derivative: 'select(exp(x), 1.0, x >= 0.0)' },
  selu: {
    value: `select(${SELU_SCALE_ALPHA} * (exp(x) - 1.0), ${SELU_SCALE} * x, x > 0.0)`,
    derivative: `select(${SELU_SCALE_ALPHA} * exp(x), ${SELU_SCALE}, x > 0.0)`,
  },
  sigmoid: { value: SIGMOID, derivative: `(${SIGMOID}) * (1.0 - ${SIGMOID})` },
  // tfjs: clipByValue(0.2 x + 0.5, 0, 1), whose gradient passes on the closed interval.
  hard_sigmoid: {
    value: 'clamp(0.2 * x + 0.5, 0.0, 1.0)',
    derivative: 'select(0.0, 0.2, 0.2 * x + 0.5 >= 0.0 && 0.2 * x + 0.5 <= 1.0)',
  },
  tanh: { value: STABLE_TANH, derivative: `1.0 - (${STABLE_TANH}) * (${STABLE_TANH})` },
  softplus: {
    value: `select(select(log(1.0 + exp(x)), exp(x), x < ${SOFTPLUS_THRESHOLD}), x, x > -(${SOFTPLUS_THRESHOLD}))`,
    derivative: SIGMOID,
  },
  softsign: { value: 'x / (abs(x) + 1.0)', derivative: '1.0 / ((abs(x) + 1.0) * (abs(x) + 1.0))' },
  swish: {
    value: `x * (${SIGMOID})`,
    derivative: `(${SIGMOID}) + x * (${SIGMOID}) * (1.0 - ${SIGMOID})`,
  },
};

export const isFusableActivation = (id: ActivationId): boolean => ACTIVATIONS[id] !== undefined;

/** `fn <name>(x) -> f32` and `fn <name>_d(x) -> f32` (the derivative) for one activation. */
export function activationFunctions(name: string, id: ActivationId): string {
  const a = ACTIVATIONS[id];
  if (!a) throw new Error(`No fused WGSL for the ${id} activation`);
  return [
    `fn ${name}(x : f32) -> f32 { return ${a.value}; }`,
    `fn ${name}_d(x : f32) -> f32 { return ${a.derivative}; }`,
  ].join('\n');
}
