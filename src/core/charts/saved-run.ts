import type { DatasetConfig } from '../../data/config';
import type { ModelSpec } from '../model-spec';
import { lttbIndices, type XY } from './lttb';
import { batchColumns, pointsToDraw, type BatchLike, type EpochLike } from './series';

/**
 * A finished training run as the run history keeps it: what was trained (model, settings,
 * data) and its curves, downsampled to a fixed budget. Plain JSON throughout (no typed arrays,
 * no class instances) so the history can be persisted or exported as it is.
 */
export interface RunConfig {
  spec: ModelSpec;
  /** The training settings (structurally TrainingSettings, with the loss resolved). */
  settings: {
    optimizer: string;
    learningRate: number;
    batchSize: number;
    epochs: number;
    loss: string;
    seed: number;
    metrics: readonly string[];
    clipNorm: number | null;
  };
  data: { config: DatasetConfig; summary: string };
}

export interface SavedEpoch {
  epoch: number;
  loss: number;
  valLoss: number | null;
  metrics: Partial<Record<string, number>>;
  valMetrics: Partial<Record<string, number>>;
}

export interface SavedRun {
  id: string;
  /** 1, 2, 3… in the order runs were kept; names default to "Run n". */
  number: number;
  name: string;
  createdAt: number;
  /** The training slice's run id, to tell the run still on screen from earlier ones. */
  sourceRunId: number;
  outcome: string;
  message: string | null;
  backend: string | null;
  /** Overlaid on the current run's charts. */
  shown: boolean;
  config: RunConfig;
  epochs: SavedEpoch[];
  /** Per-batch loss, x = step over all epochs; at most MAX_SAVED_POINTS, LTTB-picked. */
  batches: XY[];
  /** Batches actually trained, before downsampling. */
  batchCount: number;
}

export const MAX_SAVED_POINTS = 1000;
export const MAX_SAVED_EPOCHS = 1000;
export const MAX_RUNS = 30;
export const MAX_RUN_NAME = 60;

export interface RunToSave {
  number: number;
  createdAt: number;
  sourceRunId: number;
  outcome: string;
  message: string | null;
  backend: string | null;
  config: RunConfig;
  epochs: readonly EpochLike[];
  losses: readonly BatchLike[];
  batchesPerEpoch: number;
}

const plainEpoch = (e: EpochLike): SavedEpoch => ({
  epoch: e.epoch,
  loss: e.loss,
  valLoss: e.valLoss,
  metrics: { ...e.metrics },
  valMetrics: { ...e.valMetrics },
});

export function snapshotRun(r: RunToSave): SavedRun {
  const epochs =
    r.epochs.length <= MAX_SAVED_EPOCHS
      ? r.epochs
      : lttbIndices(
          r.epochs.map((e) => e.epoch),
          r.epochs.map((e) => (Number.isFinite(e.loss) ? e.loss : 0)),
          MAX_SAVED_EPOCHS,
        ).map((i) => r.epochs[i] as EpochLike);
  return {
    id: `run-${r.number}`,
    number: r.number,
    name: `Run ${r.number}`,
    createdAt: r.createdAt,
    sourceRunId: r.sourceRunId,
    outcome: r.outcome,
    message: r.message,
    backend: r.backend,
    shown: false,
    config: r.config,
    epochs: epochs.map(plainEpoch),
    batches: pointsToDraw(batchColumns(r.losses, r.batchesPerEpoch), {
      smoothing: 0,
      logScale: false,
      maxPoints: MAX_SAVED_POINTS,
    }),
    batchCount: r.losses.length,
  };
}

/** A name as typed, trimmed; null when it is empty or too long to show. */
export function cleanRunName(name: string): string | null {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  return trimmed.length > 0 && trimmed.length <= MAX_RUN_NAME ? trimmed : null;
}

/** "Input(2) → Dense(8, relu) → Dense(1, sigmoid)": the model in one line. */
export function describeSpec(spec: ModelSpec): string {
  return spec.layers
    .map((l) => {
      const p = l.params as {
        units?: number;
        filters?: number;
        activation?: string;
        shape?: number[];
        pool_size?: number | number[];
      };
      const parts: string[] = [];
      if (p.shape) parts.push(p.shape.join('×'));
      if (p.units !== undefined) parts.push(String(p.units));
      if (p.filters !== undefined) parts.push(String(p.filters));
      if (p.pool_size !== undefined) parts.push(String(p.pool_size));
      if (p.activation !== undefined && p.activation !== 'linear') parts.push(p.activation);
      return parts.length > 0 ? `${l.kind}(${parts.join(', ')})` : l.kind;
    })
    .join(' → ');
}
