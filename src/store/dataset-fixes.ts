import type { StateCreator } from 'zustand';
import { lossFits } from '../core/training/compat';
import { fitOutput } from '../core/training/model-fit';
import type { Edit } from './model-slice';
import type { AppMutators, AppState } from './store';

/**
 * One-click fixes that make the model fit the data. Each is a model edit through the model
 * slice (so it is checked against the limits and undoable) or, for the loss, the training
 * slice's own setter: the data panel suggests, the owning slice decides.
 */
export interface DataFixes {
  /** Sets the Input layer's shape to one sample of the data. */
  applyDataInputShape(): Edit;
  /** Sets the last Dense to the task's units and activation (or appends one), and fits the loss. */
  applyDataOutput(): Edit;
  /** Inserts a Flatten after the Input, for a Dense stack fed with windows or images. */
  addFlattenForData(): Edit;
  /** Sets the loss back to Auto, which follows the data's suggestion. */
  applyDataLoss(): void;
}

const noData = (s: AppState): Edit | null =>
  s.prepared.ok ? null : { ok: false, reason: `There is no data to fit yet: ${s.prepared.reason}` };
const noInput: Edit = {
  ok: false,
  reason: 'The model does not start with an Input layer: add one at the top first.',
};

export const createDataFixes: StateCreator<AppState, AppMutators, [], DataFixes> = (_set, get) => ({
  applyDataInputShape: () => {
    const s = get();
    if (!s.prepared.ok) return noData(s) as Edit;
    const input = s.spec.layers[0];
    if (input?.kind !== 'Input') return noInput;
    return s.updateParams(input.id, { shape: s.prepared.value.xShape.slice(1) });
  },
  applyDataOutput: () => {
    const s = get();
    if (!s.prepared.ok) return noData(s) as Edit;
    const want = s.prepared.value.suggestedOutput;
    const last = s.spec.layers.at(-1);
    const done =
      last?.kind === 'Dense'
        ? s.updateParams(last.id, { units: want.units, activation: want.activation })
        : appendDense(s, want);
    if (done.ok) s.applyDataLoss();
    return done;
  },
  addFlattenForData: () => {
    const s = get();
    if (s.spec.layers[0]?.kind !== 'Input') return noInput;
    const added = s.addLayer('Flatten', 1);
    return added.ok ? { ok: true } : added;
  },
  applyDataLoss: () => {
    const s = get();
    if (!s.prepared.ok || s.trainingSettings.loss === 'auto') return;
    if (!lossFits(s.trainingSettings.loss, s.prepared.value.suggestedOutput.loss)) {
      s.setTrainingSettings({ loss: 'auto' });
    }
  },
});

/** One edit (one undo step): the new Dense arrives with its units and activation set. */
function appendDense(s: AppState, want: Parameters<typeof fitOutput>[1]): Edit {
  const { spec, layerId } = fitOutput(s.spec, want);
  const done = s.setSpec(spec);
  if (done.ok) s.select(layerId);
  return done;
}
