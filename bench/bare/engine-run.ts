import type { LayerKind } from '../../src/core/layers/catalog';
import { createLayer, type ModelSpec } from '../../src/core/model-spec';
import { buildModel, disposeModel } from '../../src/training/build-model';
import { createEngine, type Engine } from '../../src/training/engine';
import { parseRequest, type EpochResult, type WorkerEvent } from '../../src/core/training/protocol';
import type { TrainingData } from '../../src/core/training/training-data';
import type { LayerRecipe, TrainRecipe } from './protocol';

/** The workload as the app's ModelSpec, built with the app's own defaults. */
export function specOf(layers: readonly LayerRecipe[]): ModelSpec {
  return {
    layers: layers.map(([kind, params], i) => {
      const base = createLayer(kind as LayerKind, `bench-${i}`);
      return { ...base, params: { ...base.params, ...params } } as ModelSpec['layers'][number];
    }),
  };
}

/** What the app does on every Train: build the model from the spec, later dispose it. */
export function rebuildOnce(spec: ModelSpec, seed: number): void {
  disposeModel(buildModel(spec, { seed }));
}

export interface EpochStep {
  /** null when the run ended instead (done, error) — `ended` says how. */
  result: EpochResult | null;
  backend: string | null;
  ended: string | null;
}

/**
 * The app's engine (src/training/engine.ts, the code inside its worker) driven by the same
 * protocol messages the page sends: started paused, then stepped one epoch at a time, so the
 * bench can read tf.memory() and the worker's heap at every epoch boundary with nothing running.
 */
export class EngineRun {
  private readonly engine: Engine;
  private waiter: ((e: WorkerEvent) => boolean) | null = null;
  private pendingEpoch: EpochResult | null = null;
  backend: string | null = null;
  ended: string | null = null;
  notices: string[] = [];

  constructor(
    private readonly spec: ModelSpec,
    private readonly data: TrainingData,
    private readonly recipe: TrainRecipe,
    private readonly backend0: string,
  ) {
    this.engine = createEngine((e) => this.receive(e));
  }

  private receive(e: WorkerEvent): void {
    if (e.type === 'started') this.backend = e.backend;
    if (e.type === 'notice') this.notices.push(e.message);
    if (e.type === 'epoch') this.pendingEpoch = e.result;
    if (e.type === 'done') this.ended = `${e.outcome}${e.message ? `: ${e.message}` : ''}`;
    if (e.type === 'error') this.ended = `error: ${e.message}`;
    if (this.waiter?.(e)) this.waiter = null;
  }

  private send(req: unknown): void {
    const parsed = parseRequest(req);
    if (!parsed.ok) throw new Error(parsed.reason);
    this.engine.handle(parsed.value);
  }

  /** Resolves at the next pause or at the end of the run. */
  private untilPaused(): Promise<void> {
    return new Promise((resolve) => {
      this.waiter = (e) => {
        const settled =
          (e.type === 'state' && e.state === 'paused') || e.type === 'done' || e.type === 'error';
        if (settled) resolve();
        return settled;
      };
    });
  }

  async start(epochs: number): Promise<EpochStep> {
    const paused = this.untilPaused();
    this.send({
      type: 'start',
      runId: 1,
      backend: this.backend0,
      spec: this.spec,
      data: this.data,
      settings: {
        seed: this.recipe.seed,
        optimizer: 'adam',
        learningRate: this.recipe.learningRate,
        batchSize: this.recipe.batchSize,
        epochs,
        loss: 'mse',
        metrics: [],
        clipNorm: null,
      },
      paused: true,
      probeInputs: null,
    });
    await paused;
    return { result: null, backend: this.backend, ended: this.ended };
  }

  async epoch(): Promise<EpochStep> {
    if (this.ended) return { result: null, backend: this.backend, ended: this.ended };
    this.pendingEpoch = null;
    const paused = this.untilPaused();
    this.send({ type: 'step', runId: 1, unit: 'epoch' });
    await paused;
    return { result: this.pendingEpoch, backend: this.backend, ended: this.ended };
  }

  async stop(): Promise<void> {
    if (this.ended) return;
    const done = new Promise<void>((resolve) => {
      this.waiter = (e) => {
        if (e.type === 'done' || e.type === 'error') resolve();
        return e.type === 'done' || e.type === 'error';
      };
    });
    this.send({ type: 'stop', runId: 1 });
    await done;
  }
}

export interface EngineFitResult {
  /** Milliseconds from the start request to each epoch's last batch (worker clock). */
  epochEndsMs: number[];
  losses: number[];
  ended: string | null;
}

/**
 * The app's engine trained straight through, unpaused, as the app's worker runs it (probes,
 * timeline and all, unless `timeline` is false): the same-worker counterpart of plainFit, so
 * app/bare can be measured without the page and its painting (bench/overhead-ab.mjs).
 */
export function engineFit(
  spec: ModelSpec,
  data: TrainingData,
  recipe: TrainRecipe,
  backend: string,
  epochs: number,
  timeline: boolean,
): Promise<EngineFitResult> {
  const epochEndsMs: number[] = [];
  const losses: number[] = [];
  let start = 0;
  return new Promise((resolve) => {
    const engine = createEngine((e) => {
      if (e.type === 'batches' && e.progress.batch === e.progress.batchesPerEpoch) {
        if (epochEndsMs.length < e.progress.epoch) epochEndsMs.push(performance.now() - start);
      }
      if (e.type === 'epoch') losses.push(e.result.loss);
      if (e.type === 'done') resolve({ epochEndsMs, losses, ended: e.outcome });
      if (e.type === 'error') resolve({ epochEndsMs, losses, ended: `error: ${e.message}` });
    });
    const req = parseRequest({
      type: 'start',
      runId: 1,
      backend,
      spec,
      data,
      settings: {
        seed: recipe.seed,
        optimizer: 'adam',
        learningRate: recipe.learningRate,
        batchSize: recipe.batchSize,
        epochs,
        loss: 'mse',
        metrics: [],
        clipNorm: null,
      },
      paused: false,
      probeInputs: null,
      timeline,
    });
    if (!req.ok) throw new Error(req.reason);
    start = performance.now();
    engine.handle(req.value);
  });
}
