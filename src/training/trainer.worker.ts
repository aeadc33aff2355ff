/// <reference lib="webworker" />
import { selectBackend } from './backends';
import { backendOrder } from './backend-names';
import { parseRequest, type WorkerEvent, type WorkerRequest } from './protocol';

/** Thin on purpose: validate, dispatch, post events. The work lives in plain modules. */
const post = (event: WorkerEvent): void => self.postMessage(event);

async function handle(req: WorkerRequest): Promise<void> {
  switch (req.type) {
    case 'init': {
      const report = await selectBackend(backendOrder(req.backend));
      post({ type: 'backend', report });
      return;
    }
  }
}

self.addEventListener('message', (e: MessageEvent<unknown>) => {
  const parsed = parseRequest(e.data);
  if (!parsed.ok) {
    post({ type: 'error', message: parsed.reason });
    return;
  }
  handle(parsed.value).catch((err: unknown) => {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  });
});
