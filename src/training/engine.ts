import { BackendState } from './backend-state';
import { RunControl } from './control';
import type { BenchmarkResult, WorkerEvent, WorkerRequest } from '../core/training/protocol';
import type { AutoHooks } from './auto-run';
import { runTraining } from './run-training';
import { createWeightsIO, type WeightsIO } from './weights-io';
import { createYield } from './yield';
import { PROBE_EVERY_MS } from './train-loop';
import { saliency } from './saliency';
import type * as tf from '@tensorflow/tfjs';
import type { SaliencyReply, SaliencyRequest } from '../core/timeline/saliency-types';
import type { PredictRequest } from '../core/predict/predict-types';
import { predictOne } from './predict';

/**
 * Everything the worker does, as a plain object: the worker wraps it in postMessage, and the
 * page runs the very same engine (dynamically imported) when no worker can start.
 *
 * Runs never overlap: init and start are queued one after another, and a new start (or init)
 * stops the current run first. Commands name a runId; those for any other run are stale and
 * ignored, so a late Pause cannot pause the next run.
 */
export interface Engine {
  handle(req: WorkerRequest): void;
}

export interface EngineOptions {
  yieldNow?: () => Promise<void>;
  probeEveryMs?: number;
  /** Where trained models go; tests pass one with an in-memory store. */
  weights?: WeightsIO;
  /** Tests decide what Auto's measurement says. */
  auto?: AutoHooks;
}

interface ActiveRun {
  id: number;
  control: RunControl;
  learningRate: number;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function createEngine(post: (e: WorkerEvent) => void, options: EngineOptions = {}): Engine {
  const yieldNow = options.yieldNow ?? createYield();
  let current: ActiveRun | null = null;
  let queue: Promise<void> = Promise.resolve();
  const measured = new Map<string, BenchmarkResult[]>();
  const enqueue = (task: () => Promise<void>, runId: number | null) => {
    queue = queue
      .then(task)
      .catch((err: unknown) => post({ type: 'error', runId, message: message(err) }));
  };
  const backends = new BackendState(post, () => {
    if (current) current.control.interrupt();
    else enqueue(() => backends.reselect(), null);
  });
  // Trained weights (save, export, delete) are answered at once, not queued behind a run.
  const weights = options.weights ?? createWeightsIO(post);
  let live: { runId: number; model: tf.LayersModel } | null = null;
  const explain = async (req: SaliencyRequest) => {
    const reply = (r: Omit<SaliencyReply, 'type' | 'requestId'>) =>
      post({ type: 'saliency', requestId: req.requestId, ...r });
    const model = live?.runId === req.runId ? live.model : weights.modelOf(req.runId);
    if (!model) {
      return reply({
        message: "That run's model is no longer in memory: train again to explain it.",
        values: null,
        target: 0,
        outputs: [],
      });
    }
    try {
      const r = await saliency(model, req.input, req.sampleShape, req.method, req.steps);
      reply({ message: null, ...r });
    } catch (err) {
      reply({ message: message(err), values: null, target: 0, outputs: [] });
    }
  };
  const predict = async (req: PredictRequest) => {
    const reply = (message: string | null, outputs: number[] = []) =>
      post({ type: 'predict', requestId: req.requestId, message, outputs });
    const model = live?.runId === req.runId ? live.model : weights.modelOf(req.runId);
    if (!model) return reply("That run's model is no longer in memory: train again to try it.");
    try {
      reply(null, await predictOne(model, req.input, req.sampleShape));
    } catch (err) {
      reply(message(err));
    }
  };
  const withRun = (runId: number, f: (run: ActiveRun) => void) => {
    if (current?.id === runId) f(current);
  };

  return {
    handle(req) {
      switch (req.type) {
        case 'init':
          current?.control.stop();
          current = null;
          enqueue(async () => void (await backends.ensure(req.backend)), null);
          return;
        case 'start': {
          current?.control.stop();
          const run: ActiveRun = {
            id: req.runId,
            control: new RunControl(req.paused),
            learningRate: req.settings.learningRate,
          };
          current = run;
          enqueue(async () => {
            try {
              await runTraining({
                req,
                control: run.control,
                backends,
                post,
                yieldNow,
                probeEveryMs: options.probeEveryMs ?? PROBE_EVERY_MS,
                learningRate: () => run.learningRate,
                measured,
                keepModel: weights.keep,
                onModel: (runId, model) => {
                  live = model ? { runId, model } : live?.runId === runId ? null : live;
                },
                ...(options.auto && { autoHooks: options.auto }),
              });
            } catch (err) {
              post({ type: 'done', runId: run.id, outcome: 'failed', message: message(err) });
            } finally {
              if (current === run) current = null;
            }
          }, req.runId);
          return;
        }
        case 'pause':
          return withRun(req.runId, (r) => r.control.pause());
        case 'resume':
          return withRun(req.runId, (r) => r.control.resume());
        case 'step':
          return withRun(req.runId, (r) => r.control.step(req.unit));
        case 'stop':
          return withRun(req.runId, (r) => r.control.stop());
        case 'setLearningRate':
          return withRun(req.runId, (r) => {
            r.learningRate = req.learningRate;
            r.control.setLearningRate(req.learningRate);
          });
        case 'saveWeights':
        case 'exportWeights':
        case 'deleteWeights':
          return weights.handle(req);
        // Answered at once, between batches, on the model as it is now.
        case 'saliency':
          return void explain(req);
        case 'predict':
          return void predict(req);
      }
    },
  };
}
