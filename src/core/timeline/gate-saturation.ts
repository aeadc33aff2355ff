import type { GateSaturation } from './timeline-types';

/**
 * Gate saturation for LSTM and GRU layers: the share of each gate's activations pinned near the
 * flat ends of its activation, where almost no gradient passes. Pure: the worker counts, this
 * names, bounds and words the result.
 */
export type RecurrentGateKind = 'LSTM' | 'GRU';

/** Keras' gate order in the kernel's columns: LSTM i f c o, GRU z r h (reset_after=False). */
export const GATES: Record<RecurrentGateKind, readonly string[]> = {
  LSTM: ['input', 'forget', 'candidate', 'output'],
  GRU: ['update', 'reset', 'candidate'],
};

/** Which gate uses the layer's `activation` (the others use `recurrent_activation`). */
export const CANDIDATE_GATE = 'candidate';

/** A gate value below `low` or above `high` counts as saturated. */
export interface SaturationBounds {
  low: number;
  high: number;
}

/**
 * Sigmoid-like gates saturate below 0.05 or above 0.95; tanh-like ones beyond ±0.95. Takes the
 * tfjs activation's class name (sigmoid, hardSigmoid, tanh, softsign…); null for an activation
 * without flat ends (relu, linear…), whose saturation means nothing.
 */
export function saturationBounds(activationClass: string): SaturationBounds | null {
  switch (activationClass) {
    case 'sigmoid':
    case 'hardSigmoid':
    case 'hard_sigmoid':
      return { low: 0.05, high: 0.95 };
    case 'tanh':
    case 'softsign':
      return { low: -0.95, high: 0.95 };
    default:
      return null;
  }
}

/** Shares of values below `low` and above `high` (the hand computation the worker's counts match). */
export function saturationShares(
  values: ArrayLike<number>,
  b: SaturationBounds,
): { low: number; high: number } {
  let low = 0;
  let high = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v < b.low) low++;
    else if (v > b.high) high++;
  }
  const n = Math.max(1, values.length);
  return { low: low / n, high: high / n };
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** A gate this saturated (or more) gets advice. */
export const SATURATED_WARNING = 0.5;

const gateWord = (gate: string) => (gate === CANDIDATE_GATE ? 'candidate' : `${gate}-gate`);

function why(g: GateSaturation['gates'][number]): string {
  const low = g.low ?? 0;
  const high = g.high ?? 0;
  if (g.gate === 'forget')
    return high >= low
      ? 'mostly near 1: the cell keeps nearly everything'
      : 'mostly near 0: the cell forgets at every step';
  if (g.gate === CANDIDATE_GATE) return 'at ±1';
  return high >= low ? 'mostly near 1: always open' : 'mostly near 0: always shut';
}

/** "lstm_1: 62% of forget-gate activations saturated at epoch 5 (…) — try …", per layer. */
export function gateSentence(layer: GateSaturation, epoch: number): string {
  const known = layer.gates.filter((g) => g.low !== null && g.high !== null);
  if (known.length === 0)
    return `${layer.layerName}: its gate activations have no flat ends, so nothing saturates.`;
  const share = (g: (typeof known)[number]) => (g.low ?? 0) + (g.high ?? 0);
  const worst = known.reduce((a, b) => (share(b) > share(a) ? b : a));
  const at = epoch === 0 ? 'before training' : `at epoch ${epoch}`;
  const rest = known
    .filter((g) => g !== worst)
    .map((g) => `${g.gate} ${pct(share(g))}`)
    .join(', ');
  const reason = share(worst) > 0 ? ` (${why(worst)})` : '';
  const head = `${layer.layerName}: ${pct(share(worst))} of ${gateWord(worst.gate)} activations saturated ${at}${reason}`;
  const others = rest ? `; ${rest}` : '';
  if (share(worst) < SATURATED_WARNING)
    return `${head}${others}. Most gate values are still in the range where they learn.`;
  return `${head}${others} — saturated gates pass almost no gradient: try scaling the inputs (the data settings), a lower learning rate or clipnorm, or fewer timesteps per window.`;
}
