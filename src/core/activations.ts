/**
 * The activation functions a layer can use, by their Keras identifier. Only identifiers that
 * tfjs-layers 4.22 can run are listed (it has no 'exponential'; it calls hard_sigmoid
 * 'hardSigmoid', which training/build-model.ts translates).
 */
export interface ActivationInfo {
  readonly id: string;
  /** Plain-text formula shown in the inspector. */
  readonly formula: string;
  readonly help: string;
}

export const ACTIVATIONS = [
  {
    id: 'linear',
    formula: 'f(x) = x',
    help: 'Passes values through unchanged; use it on a regression output.',
  },
  {
    id: 'relu',
    formula: 'f(x) = max(0, x)',
    help: 'Keeps positive values and zeroes negative ones; the usual choice for hidden layers.',
  },
  {
    id: 'relu6',
    formula: 'f(x) = min(max(0, x), 6)',
    help: 'ReLU capped at 6, which keeps activations bounded.',
  },
  {
    id: 'elu',
    formula: 'f(x) = x if x > 0, else exp(x) − 1',
    help: 'Like ReLU but smooth and slightly negative below zero, which keeps the mean near zero.',
  },
  {
    id: 'selu',
    formula: 'f(x) = 1.0507 · (x if x > 0, else 1.6733 · (exp(x) − 1))',
    help: 'A scaled ELU that keeps activations normalised through deep stacks of Dense layers.',
  },
  {
    id: 'sigmoid',
    formula: 'f(x) = 1 / (1 + exp(−x))',
    help: 'Squashes any value into (0, 1); use it for a yes/no output.',
  },
  {
    id: 'hard_sigmoid',
    formula: 'f(x) = clip(0.2 · x + 0.5, 0, 1)',
    help: 'A cheap straight-line approximation of sigmoid.',
  },
  {
    id: 'tanh',
    formula: 'f(x) = (exp(x) − exp(−x)) / (exp(x) + exp(−x))',
    help: 'Squashes any value into (−1, 1); the default inside recurrent layers.',
  },
  {
    id: 'softmax',
    formula: 'f(x)ᵢ = exp(xᵢ) / Σⱼ exp(xⱼ)',
    help: 'Turns the last axis into probabilities that sum to 1; use it for a multi-class output.',
  },
  {
    id: 'softplus',
    formula: 'f(x) = log(1 + exp(x))',
    help: 'A smooth, always-positive version of ReLU.',
  },
  {
    id: 'softsign',
    formula: 'f(x) = x / (1 + |x|)',
    help: 'Squashes into (−1, 1) like tanh, but approaches the limits more slowly.',
  },
  {
    id: 'swish',
    formula: 'f(x) = x · sigmoid(x)',
    help: 'A smooth ReLU-like curve that lets small negative values through.',
  },
  {
    id: 'mish',
    formula: 'f(x) = x · tanh(softplus(x))',
    help: 'A smooth ReLU-like curve, close to swish.',
  },
  {
    id: 'gelu',
    formula: 'f(x) = x · Φ(x) = 0.5 · x · (1 + erf(x / √2))',
    help: 'Weights each value by the chance a standard normal is below it; common in transformers.',
  },
] as const satisfies readonly ActivationInfo[];

export type ActivationId = (typeof ACTIVATIONS)[number]['id'];

export const ACTIVATION_IDS = ACTIVATIONS.map((a) => a.id) as [ActivationId, ...ActivationId[]];

export function getActivation(id: ActivationId): ActivationInfo {
  const found = ACTIVATIONS.find((a) => a.id === id);
  if (!found) throw new Error(`Unknown activation ${id}`);
  return found;
}
