import type { WorkerEvent, WorkerRequest } from '../core/training/protocol';
import { createEngine, type EngineOptions } from './engine';

/**
 * Test helper (imported by *.test.ts): one start request through a fresh engine, every event
 * it posts until the run is done. Batches are not held back: the loop yields at once.
 */
export async function runToEnd(
  req: Extract<WorkerRequest, { type: 'start' }>,
  options: EngineOptions = {},
): Promise<WorkerEvent[]> {
  const events: WorkerEvent[] = [];
  let finish: () => void = () => undefined;
  const done = new Promise<void>((r) => (finish = r));
  const engine = createEngine(
    (e) => {
      events.push(e);
      if (e.type === 'done') finish();
    },
    { yieldNow: () => Promise.resolve(), ...options },
  );
  engine.handle(req);
  await done;
  return events;
}
