import { getDef } from '../layers/catalog';
import type { ModelSpec } from '../model-spec';
import { formatShape, inferShapes } from '../shapes';
import type { Result } from '../result';
import { LOSS_LABELS, type LossId } from './settings';
import type { TrainingData } from './training-data';

/**
 * Does this model fit this data and loss? The one check, pure so the page says so before any
 * tfjs is loaded, the data panel offers fixes (model-fit.ts) and the worker checks again, all
 * with the same sentences. Every reason names what to change.
 */
type DataShape = Pick<TrainingData, 'xShape' | 'yShape' | 'numClasses'>;

/** "One sample of the data has shape (12, 2), but the Input layer takes (2,)" */
export const inputMismatch = (dataShape: readonly number[], inputShape: readonly number[]) =>
  `One sample of the data has shape ${formatShape(dataShape)}, but the Input layer takes ${formatShape(inputShape)}`;

export interface RankProblem {
  message: string;
  /** A Flatten right after the Input is a fix; otherwise the user picks where to summarise. */
  canFlatten: boolean;
}

/** The model (its Input already matching the data) gives several values per sample. */
export function rankProblem(spec: ModelSpec, dataShape: readonly number[]): RankProblem | null {
  const report = inferShapes(spec);
  if (!report.ok || !report.output || report.output.length <= 2) return null;
  // A Flatten right after the Input suits a stack of Dense-like layers; Conv and RNN layers
  // need the steps, so for those the user decides where the sequence is summarised.
  const needsSteps = spec.layers.some((l) => (getDef(l.kind).inputRank?.min ?? 0) >= 3);
  const canFlatten = !needsSteps && spec.layers[1]?.kind !== 'Flatten';
  const where = canFlatten
    ? 'add a Flatten right after the Input'
    : 'add a Flatten or GlobalAveragePooling1D before the last Dense, or turn off return_sequences in the last recurrent layer';
  return {
    message: `With samples of shape ${formatShape(dataShape)} the model outputs ${formatShape(report.output)}: several values per sample where the data has one target. To fix it, ${where}.`,
    canFlatten,
  };
}

/** The losses that suit the task: any regression loss for numbers, the matching one for classes. */
export function lossFits(loss: LossId, suggested: LossId): boolean {
  if (suggested === 'mse') return loss === 'mse' || loss === 'mae' || loss === 'huber';
  return loss === suggested;
}

/**
 * TensorFlow.js 4.22 reads gamma and beta on every training step of a BatchNormalization, even
 * when center or scale is off and the layer has none: it fails with a JavaScript error. Said
 * before training instead; such a model still builds, shows and exports.
 */
function partialBatchNorm(
  spec: ModelSpec,
  layers: readonly { id: string; name: string }[],
): string | null {
  for (const l of spec.layers) {
    if (l.kind !== 'BatchNormalization' || (l.params.center && l.params.scale)) continue;
    const name = layers.find((x) => x.id === l.id)?.name ?? l.id;
    const off = [!l.params.center && 'center', !l.params.scale && 'scale'].filter(Boolean);
    return `BatchNormalization '${name}' has ${off.join(' and ')} off, which TensorFlow.js 4.22 cannot train: turn ${off.length > 1 ? 'them' : 'it'} on to train here (the exported Keras script keeps your setting).`;
  }
  return null;
}

export function checkTrainable(spec: ModelSpec, data: DataShape, loss: LossId): Result<true> {
  const report = inferShapes(spec);
  const firstError = report.errors[0];
  if (!report.ok || !report.output) {
    const where = report.layers.find((l) => l.id === firstError?.layerId)?.name;
    return {
      ok: false,
      reason: `The model cannot be built yet${where ? ` (layer '${where}')` : ''}: ${firstError?.message ?? 'its shapes are unknown'}`,
    };
  }
  const input = spec.layers[0];
  const inputShape = input?.kind === 'Input' ? input.params.shape : [];
  const dataShape = data.xShape.slice(1);
  if (inputShape.join(',') !== dataShape.join(',')) {
    return {
      ok: false,
      reason: `${inputMismatch(dataShape, inputShape)}: set the Input shape to ${formatShape(dataShape)}.`,
    };
  }
  const rank = rankProblem(spec, dataShape);
  if (rank) return { ok: false, reason: rank.message };
  const partial = partialBatchNorm(spec, report.layers);
  if (partial) return { ok: false, reason: partial };
  const out = report.output;
  const last = report.layers.at(-1)?.name ?? 'the last layer';
  const units = out[1] ?? 0;
  const k = data.yShape[1] ?? 1;
  const label = LOSS_LABELS[loss];
  if (loss === 'sparse_categorical_crossentropy') {
    if (k !== 1)
      return {
        ok: false,
        reason: `${label} takes class codes, but the targets are one-hot (${k} columns): use categorical cross-entropy.`,
      };
    if (units !== data.numClasses)
      return {
        ok: false,
        reason: `The data has ${data.numClasses} classes but '${last}' outputs ${units} values: set its units to ${data.numClasses} (with softmax).`,
      };
    return { ok: true, value: true };
  }
  if (loss === 'categorical_crossentropy' && k === 1) {
    return {
      ok: false,
      reason: `${label} needs one-hot targets, but each target is a single value: use binary or sparse categorical cross-entropy, or one-hot labels.`,
    };
  }
  if (units !== k) {
    const what = k === 1 ? 'one value' : `${k} values (one per class)`;
    return {
      ok: false,
      reason: `Each target is ${what} but '${last}' outputs ${units}: set its units to ${k}.`,
    };
  }
  return { ok: true, value: true };
}

/** 'auto' takes the data's suggestion (PreparedData.suggestedOutput.loss). */
export function resolveLoss(setting: LossId | 'auto', suggested: LossId | null): LossId {
  return setting === 'auto' ? (suggested ?? 'mse') : setting;
}
