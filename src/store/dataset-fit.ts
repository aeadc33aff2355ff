import { getDef } from '../core/layers/catalog';
import { createLayer, insertLayer, updateParams, type ModelSpec } from '../core/model-spec';
import { formatShape, inferShapes } from '../core/shapes';
import type { PreparedData, SuggestedOutput } from '../data/index';
import { LOSS_LABELS, type LossId } from '../training/settings';

/**
 * Does the model fit the data? Three checks the data panel shows with a one-click fix each:
 * the Input shape, the output layer for the task, and the loss. Pure, so it is unit-tested
 * without a store, and the fixes are plain spec edits the model slice applies (undoable).
 */
export interface Fix {
  message: string;
  fixLabel: string;
}

export interface ModelFit {
  /** One sample's shape in the data, and what the model's Input takes (null: no Input on top). */
  dataShape: number[];
  inputShape: number[] | null;
  inputOk: boolean;
  output: Fix | null;
  /** The model gives several values per sample (e.g. one per time step); null when fine. */
  rank: (Fix & { canFlatten: boolean }) | null;
  loss: Fix | null;
  /** The loss training will use (the setting, or the data's suggestion for Auto). */
  lossInUse: LossId;
  suggested: SuggestedOutput;
}

const dense = (o: { units: number; activation: string }) => `Dense(${o.units}, ${o.activation})`;

function taskPhrase(p: PreparedData): string {
  switch (p.task) {
    case 'regression':
      return `predicting the number '${p.targetName}' (regression)`;
    case 'binary':
      return `telling 2 classes apart (binary classification)`;
    case 'multiclass':
      return `telling ${p.numClasses} classes apart`;
  }
}

/** The losses that suit the task: any regression loss for numbers, the matching one for classes. */
export function lossFits(loss: LossId, suggested: LossId): boolean {
  if (suggested === 'mse') return loss === 'mse' || loss === 'mae' || loss === 'huber';
  return loss === suggested;
}

/** The model as it would be with the data's input shape, so later checks are not echoes. */
export function withInputShape(spec: ModelSpec, shape: readonly number[]): ModelSpec {
  const input = spec.layers[0];
  return input?.kind === 'Input' ? updateParams(spec, input.id, { shape: [...shape] }) : spec;
}

function outputCheck(spec: ModelSpec, p: PreparedData): Fix | null {
  const want = p.suggestedOutput;
  const last = spec.layers.at(-1);
  const because = `For ${taskPhrase(p)}, the model should end with ${dense(want)}`;
  if (last?.kind === 'Dense') {
    const { units, activation } = last.params;
    if (units === want.units && activation === want.activation) return null;
    return {
      message: `${because}; it ends with ${dense({ units, activation })}.`,
      fixLabel: `Set the last Dense to ${dense(want)}`,
    };
  }
  return {
    message: `${because}; it ends with ${last ? last.kind : 'nothing'}.`,
    fixLabel: `Add ${dense(want)} at the end`,
  };
}

function rankCheck(fitted: ModelSpec, dataShape: number[]): ModelFit['rank'] {
  const report = inferShapes(fitted);
  if (!report.ok || !report.output || report.output.length <= 2) return null;
  // A Flatten right after the Input suits a stack of Dense-like layers; Conv and RNN layers
  // need the steps, so for those the user decides where the sequence is summarised.
  const needsSteps = fitted.layers.some((l) => (getDef(l.kind).inputRank?.min ?? 0) >= 3);
  const canFlatten = !needsSteps && fitted.layers[1]?.kind !== 'Flatten';
  const where = canFlatten
    ? 'add a Flatten right after the Input'
    : 'add a Flatten or GlobalAveragePooling1D before the last Dense, or turn off return_sequences in the last recurrent layer';
  return {
    message: `With samples of shape ${formatShape(dataShape)} the model outputs ${formatShape(report.output)}: several values per sample where the data has one target. To fix it, ${where}.`,
    fixLabel: 'Add Flatten after the Input',
    canFlatten,
  };
}

export function checkModelFit(spec: ModelSpec, p: PreparedData, loss: LossId): ModelFit {
  const dataShape = p.xShape.slice(1);
  const input = spec.layers[0];
  const inputShape = input?.kind === 'Input' ? [...input.params.shape] : null;
  const inputOk = inputShape !== null && inputShape.join(',') === dataShape.join(',');
  const want = p.suggestedOutput.loss;
  return {
    dataShape,
    inputShape,
    inputOk,
    output: outputCheck(spec, p),
    rank: rankCheck(withInputShape(spec, dataShape), dataShape),
    loss: lossFits(loss, want)
      ? null
      : {
          message: `Training uses ${LOSS_LABELS[loss]}, which does not suit this task; ${LOSS_LABELS[want]} does.`,
          fixLabel: `Use ${LOSS_LABELS[want]}`,
        },
    lossInUse: loss,
    suggested: p.suggestedOutput,
  };
}

/** The spec with the last Dense set to the suggestion, or a new Dense appended; and its id. */
export function fitOutput(
  spec: ModelSpec,
  want: SuggestedOutput,
  makeLayer = () => createLayer('Dense'),
): { spec: ModelSpec; layerId: string; appended: boolean } {
  const last = spec.layers.at(-1);
  const params = { units: want.units, activation: want.activation };
  if (last?.kind === 'Dense') {
    return { spec: updateParams(spec, last.id, params), layerId: last.id, appended: false };
  }
  const layer = makeLayer();
  const added = insertLayer(spec, { ...layer, params: { ...layer.params, ...params } });
  return { spec: added, layerId: layer.id, appended: true };
}
