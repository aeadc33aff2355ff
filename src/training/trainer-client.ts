import { parseEvent, type WorkerEvent, type WorkerRequest } from './protocol';

export interface TrainerClient {
  send(req: WorkerRequest): void;
  dispose(): void;
}

/**
 * Main-thread side of the worker bridge. Events are validated before the page sees them; a
 * worker that cannot start or crashes is reported as an error event, not a thrown exception.
 */
export function createTrainerClient(onEvent: (e: WorkerEvent) => void): TrainerClient {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module' });
  } catch (err) {
    queueMicrotask(() =>
      onEvent({ type: 'error', message: `The training worker could not start: ${String(err)}` }),
    );
    return { send: () => undefined, dispose: () => undefined };
  }
  worker.addEventListener('message', (e: MessageEvent<unknown>) => {
    const parsed = parseEvent(e.data);
    onEvent(parsed.ok ? parsed.value : { type: 'error', message: parsed.reason });
  });
  worker.addEventListener('error', (e: ErrorEvent) => {
    onEvent({
      type: 'error',
      message: `The training worker crashed: ${e.message || 'unknown error'}`,
    });
  });
  return {
    send: (req) => worker.postMessage(req),
    dispose: () => worker.terminate(),
  };
}
