import type { ModelSpec } from '../core/model-spec';
import { formatShape, inferShapes } from '../core/shapes';
import type { Result } from '../core/layers/types';
import { LOSS_LABELS, type LossId } from './settings';
import type { TrainingData } from './training-data';

/**
 * Can this model train on this data with this loss? Pure, so the page says so before any
 * tfjs is loaded and the worker checks again. Every reason names what to change.
 */
type DataShape = Pick<TrainingData, 'xShape' | 'yShape' | 'numClasses'>;

const sampleShape = (shape: readonly number[]) => formatShape(shape.slice(1));

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
      reason: `The Input layer takes samples of shape ${formatShape(inputShape)} but the data's samples have shape ${sampleShape(data.xShape)}: set the Input shape to ${sampleShape(data.xShape)}.`,
    };
  }
  const out = report.output;
  const last = report.layers.at(-1)?.name ?? 'the last layer';
  if (out.length !== 2) {
    return {
      ok: false,
      reason: `The model outputs ${formatShape(out)} per batch but the data has one target row per sample: end the model with a layer that gives (None, units), e.g. Flatten or GlobalAveragePooling1D before the last Dense, or return_sequences off.`,
    };
  }
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
