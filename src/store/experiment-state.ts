import type { Experiment } from '../core/share/experiment';
import type { AppState } from './store';
import { isDefaultSweep } from '../core/sweep/definition';

/** The parts of the store an experiment is made of. */
export type ExperimentSource = Pick<
  AppState,
  'spec' | 'datasetConfig' | 'trainingSettings' | 'backendChoice' | 'view'
> &
  Partial<Pick<AppState, 'sweepDefinition'>>;

/** The shareable experiment the store holds now. Keys in a fixed order, so equal states encode equal. */
export function experimentOf(s: ExperimentSource): Experiment {
  const t = s.trainingSettings;
  return {
    model: s.spec,
    data: s.datasetConfig,
    training: {
      optimizer: t.optimizer,
      learningRate: t.learningRate,
      batchSize: t.batchSize,
      epochs: t.epochs,
      loss: t.loss,
      metrics: [...t.metrics],
      clipNorm: t.clipNorm,
      fusedRecurrent: t.fusedRecurrent,
      seed: t.seed,
      backend: s.backendChoice,
    },
    view: { ...s.view },
    // The sweep travels only once it differs from the one every page starts with.
    ...(s.sweepDefinition && !isDefaultSweep(s.sweepDefinition)
      ? { sweep: s.sweepDefinition }
      : {}),
  };
}

/** True when an edit touched something a link or a save carries. */
export function experimentChanged(a: ExperimentSource, b: ExperimentSource): boolean {
  return (
    a.spec !== b.spec ||
    a.datasetConfig !== b.datasetConfig ||
    a.trainingSettings !== b.trainingSettings ||
    a.backendChoice !== b.backendChoice ||
    a.view !== b.view ||
    a.sweepDefinition !== b.sweepDefinition
  );
}

type Target = Pick<
  AppState,
  'setSpec' | 'setDatasetConfig' | 'setTrainingSettings' | 'setBackendChoice' | 'setView'
> &
  Partial<Pick<AppState, 'setSweepDefinition'>>;

/**
 * Puts an experiment (already validated by decodeExperiment) into the store through the
 * slices' own actions, so every rule they enforce still holds. Returns what was refused.
 */
export function applyExperiment(s: Target, exp: Experiment): string[] {
  const problems: string[] = [];
  const model = s.setSpec(exp.model);
  if (!model.ok) problems.push(`model: ${model.reason} The model already on screen was kept.`);
  s.setDatasetConfig(exp.data);
  const { backend, ...settings } = exp.training;
  if (!s.setTrainingSettings(settings)) {
    problems.push('training: the settings could not be used, so the ones on screen were kept.');
  }
  s.setBackendChoice(backend);
  s.setView(exp.view);
  if (exp.sweep) s.setSweepDefinition?.(exp.sweep);
  return problems;
}
