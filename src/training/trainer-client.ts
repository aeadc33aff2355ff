import type { Engine } from './engine';
import { createYield } from './yield';
import {
  parseEvent,
  parseRequest,
  type WorkerEvent,
  type WorkerRequest,
} from '../core/training/protocol';

export type TrainerMode = 'worker' | 'main-thread';

export interface TrainerClient {
  send(req: WorkerRequest): void;
  dispose(): void;
}

type StartRequest = Extract<WorkerRequest, { type: 'start' }>;

/**
 * Yielding on the page (no worker): message-channel tasks alone starve input and rendering
 * here, so every ~16 ms of work ends with a timer task, which lets a click and a frame in. A
 * hidden page needs neither, and its timers are throttled, so it keeps to the message channel.
 */
function createPageYield(): () => Promise<void> {
  const quick = createYield();
  let last = performance.now();
  return () => {
    if (document.hidden || performance.now() - last < 16) return quick();
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        last = performance.now();
        resolve();
      }, 0),
    );
  };
}

/**
 * Main-thread side of the worker bridge. Events are validated before the page sees them.
 * When the worker cannot start or dies, the same engine is imported into the page (tfjs stays
 * out of the first bundle either way) and the last backend choice and the active run are sent
 * again, so nothing the user set up is lost; the run restarts from its seed.
 */
export function createTrainerClient(
  onEvent: (e: WorkerEvent) => void,
  onMode: (mode: TrainerMode) => void = () => undefined,
): TrainerClient {
  let worker: Worker | null = null;
  let engine: Engine | null = null;
  let falling = false;
  let disposed = false;
  let lastInit: WorkerRequest | null = null;
  let active: StartRequest | null = null;

  const deliver = (data: unknown) => {
    if (disposed) return;
    const parsed = parseEvent(data);
    const event: WorkerEvent = parsed.ok
      ? parsed.value
      : { type: 'error', runId: null, message: parsed.reason };
    if (event.type === 'done' && active?.runId === event.runId) active = null;
    onEvent(event);
  };

  const toEngine = (req: WorkerRequest) => {
    const parsed = parseRequest(req);
    if (parsed.ok) engine?.handle(parsed.value);
    else deliver({ type: 'error', runId: null, message: parsed.reason });
  };

  const fallBack = async (reason: string) => {
    if (falling || disposed) return;
    falling = true;
    worker?.terminate();
    worker = null;
    onMode('main-thread');
    deliver({
      type: 'notice',
      message: `${reason}. Training continues on the page itself, which may respond a little more slowly while it trains.`,
    });
    try {
      const { createEngine } = await import('./engine');
      engine = createEngine(deliver, { yieldNow: createPageYield() });
    } catch (err) {
      deliver({ type: 'error', runId: null, message: `Training cannot run here: ${String(err)}` });
      return;
    }
    // Requests sent meanwhile are folded into these two (record() below).
    [lastInit, active].forEach((r) => r && toEngine(r));
  };

  const record = (req: WorkerRequest) => {
    if (req.type === 'init') lastInit = req;
    if (req.type === 'start') active = req;
    if (req.type === 'stop' && active?.runId === req.runId) active = null;
    if (active && req.type !== 'start' && 'runId' in req && req.runId === active.runId) {
      if (req.type === 'pause' || req.type === 'resume')
        active = { ...active, paused: req.type === 'pause' };
      if (req.type === 'setLearningRate')
        active = { ...active, settings: { ...active.settings, learningRate: req.learningRate } };
    }
  };

  try {
    worker = new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (e: MessageEvent<unknown>) => deliver(e.data));
    worker.addEventListener('error', (e: ErrorEvent) => {
      e.preventDefault();
      void fallBack(`The training worker stopped (${e.message || 'it failed to load or crashed'})`);
    });
    worker.addEventListener('messageerror', () =>
      deliver({
        type: 'error',
        runId: null,
        message: 'A message from the training worker could not be read.',
      }),
    );
    onMode('worker');
  } catch (err) {
    void fallBack(`The training worker could not start (${String(err)})`);
  }

  return {
    send(req) {
      // The page keeps the data: the worker gets copies, the main-thread engine the originals.
      if (worker) worker.postMessage(req);
      else if (engine) toEngine(req);
      record(req);
    },
    dispose() {
      disposed = true;
      worker?.terminate();
      if (active) engine?.handle({ type: 'stop', runId: active.runId });
    },
  };
}
