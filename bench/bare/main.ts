import type { BenchRequest } from './protocol';

/**
 * The page side of the bare bench: a module worker (as in the app) and `window.bench.call`,
 * which Playwright awaits. Nothing is rendered while it trains.
 */
type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
let nextId = 1;

worker.addEventListener('message', (e: MessageEvent<Reply>) => {
  const w = waiting.get(e.data.id);
  waiting.delete(e.data.id);
  if (!w) return;
  if (e.data.ok) w.resolve(e.data.value);
  else w.reject(new Error(e.data.error));
});
worker.addEventListener('error', (e) => {
  const err = new Error(`the bench worker failed: ${e.message || 'it did not load'}`);
  for (const w of waiting.values()) w.reject(err);
  waiting.clear();
});

function call(req: BenchRequest): Promise<unknown> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker.postMessage({ id, req });
  });
}

(window as unknown as { bench: { call: typeof call } }).bench = { call };
