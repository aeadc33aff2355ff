import { ACTIVATIONS, type ActivationId } from '../activations';

/**
 * What the activation explorer can plot: every activation a layer's `activation` parameter
 * takes, plus the activation layers with a parameter (LeakyReLU, PReLU). ELU gets an alpha here
 * as in Keras, though tfjs-layers trains only alpha = 1.
 */
export type ExplorerId = ActivationId | 'leaky_relu' | 'prelu';

export interface AlphaParam {
  default: number;
  min: number;
  max: number;
  note: string;
}

export interface ExplorerEntry {
  id: ExplorerId;
  label: string;
  formula: string;
  help: string;
  alpha: AlphaParam | null;
}

const ALPHA: Partial<Record<ExplorerId, AlphaParam>> = {
  elu: {
    default: 1,
    min: 0.01,
    max: 3,
    note: 'Keras allows any alpha; TensorFlow.js trains ELU layers with alpha = 1 only.',
  },
  leaky_relu: {
    default: 0.3,
    min: 0,
    max: 1,
    note: 'The slope for negative inputs (Keras default 0.3).',
  },
  prelu: {
    default: 0.25,
    min: 0,
    max: 1,
    note: 'PReLU learns alpha per unit; this shows one value of it.',
  },
};

const FORMULA: Partial<Record<ExplorerId, string>> = {
  elu: 'f(x) = x if x > 0, else α · (exp(x) − 1)',
  softmax: 'f(x)ᵢ = exp(xᵢ) / Σⱼ exp(xⱼ); plotted: the first output for the vector (x, 0)',
};

export const EXPLORER_ENTRIES: readonly ExplorerEntry[] = [
  ...ACTIVATIONS.map((a) => ({
    id: a.id,
    label: a.id,
    formula: FORMULA[a.id] ?? a.formula,
    help: a.help,
    alpha: ALPHA[a.id] ?? null,
  })),
  {
    id: 'leaky_relu',
    label: 'LeakyReLU',
    formula: 'f(x) = x if x > 0, else α · x',
    help: "Lets a small slope through for negative values so units can't get stuck at zero.",
    alpha: ALPHA.leaky_relu ?? null,
  },
  {
    id: 'prelu',
    label: 'PReLU',
    formula: 'f(x) = x if x > 0, else α · x, α learned',
    help: 'A LeakyReLU whose slope is a weight the model learns.',
    alpha: ALPHA.prelu ?? null,
  },
];

export function explorerEntry(id: ExplorerId): ExplorerEntry {
  const found = EXPLORER_ENTRIES.find((e) => e.id === id);
  if (!found) throw new Error(`Unknown activation ${id}`);
  return found;
}
