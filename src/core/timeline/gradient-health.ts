/**
 * Plain warnings about gradients, read from the per-epoch norms the timeline records: the
 * classic traps are gradients that vanish on the way back to the first layers (deep sigmoid or
 * tanh stacks, long SimpleRNNs) and gradients that explode (too high a learning rate, unscaled
 * inputs, long RNNs without clipping).
 */
export interface GradientPoint {
  epoch: number;
  global: number | null;
  /** Per layer with weights, in layer order (first layer first). */
  layers: readonly { name: string; norm: number | null }[];
}

export interface GradientWarning {
  kind: 'vanishing' | 'exploding';
  /** What is happening, with the layer and the figures. */
  text: string;
  /** What to try. */
  advice: string;
}

/** A first layer's gradient this many times smaller than the largest layer's is vanishing. */
export const VANISHING_RATIO = 1e-3;
/** A global norm this many times its smallest earlier value (and above 10) is exploding. */
export const EXPLODING_GROWTH = 100;

const fmt = (v: number) => v.toExponential(1);

export function gradientWarning(history: readonly GradientPoint[]): GradientWarning | null {
  const last = history.at(-1);
  if (!last) return null;
  if (last.global !== null && !Number.isFinite(last.global)) {
    return {
      kind: 'exploding',
      text: `The gradients are not finite at epoch ${last.epoch}.`,
      advice: explodingAdvice,
    };
  }
  const earlier = history
    .slice(0, -1)
    .map((p) => p.global)
    .filter((g): g is number => g !== null && Number.isFinite(g) && g > 0);
  if (last.global !== null && last.global > 10 && earlier.length > 0) {
    const least = Math.min(...earlier);
    if (last.global >= EXPLODING_GROWTH * least) {
      return {
        kind: 'exploding',
        text: `The gradient norm grew from ${fmt(least)} to ${fmt(last.global)} by epoch ${last.epoch}.`,
        advice: explodingAdvice,
      };
    }
  }
  const layers = last.layers.filter(
    (l): l is { name: string; norm: number } => l.norm !== null && Number.isFinite(l.norm),
  );
  if (layers.length >= 2) {
    const largest = Math.max(...layers.map((l) => l.norm));
    const first = layers[0]!;
    if (largest > 0 && first.norm < VANISHING_RATIO * largest) {
      return {
        kind: 'vanishing',
        text: `At epoch ${last.epoch} the gradient reaching ${first.name} (${fmt(first.norm)}) is ${Math.round(largest / Math.max(first.norm, Number.MIN_VALUE)).toLocaleString('en')} times smaller than the largest layer's (${fmt(largest)}): the first layers barely learn.`,
        advice:
          'Try relu or elu instead of sigmoid or tanh between layers, fewer layers, BatchNormalization, or LSTM/GRU instead of SimpleRNN for long sequences.',
      };
    }
  }
  return null;
}

const explodingAdvice =
  'Try a lower learning rate, clipnorm in the training settings, or scaling the inputs (the data settings).';
