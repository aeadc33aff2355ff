/// <reference lib="webworker" />
import { createEngine } from './engine';
import { parseRequest, type WorkerEvent } from '../core/training/protocol';

/** Thin on purpose: validate, hand to the engine, post its events. */
const post = (event: WorkerEvent): void => self.postMessage(event);
const engine = createEngine(post);

self.addEventListener('message', (e: MessageEvent<unknown>) => {
  const parsed = parseRequest(e.data);
  if (!parsed.ok) {
    post({ type: 'error', runId: null, message: parsed.reason });
    return;
  }
  engine.handle(parsed.value);
});
