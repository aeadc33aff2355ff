import type { PreparedData, SuggestedOutput } from '../../data/index';
import { createLayer, insertLayer, updateParams, type ModelSpec } from '../model-spec';
import { lossFits, rankProblem, type RankProblem } from './compat';
import { LOSS_LABELS, type LossId } from './settings';

/**
 * The data panel's view of compat.ts: each check with a one-click fix (the Input shape, the
 * output layer for the task, the rank, the loss), in compat's words. Pure, so it is unit-tested
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
  rank: (Fix & RankProblem) | null;
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

function rankFix(fitted: ModelSpec, dataShape: number[]): ModelFit['rank'] {
  const problem = rankProblem(fitted, dataShape);
  return problem && { ...problem, fixLabel: 'Add Flatten after the Input' };
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
    rank: rankFix(withInputShape(spec, dataShape), dataShape),
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
