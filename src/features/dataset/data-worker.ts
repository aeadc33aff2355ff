import { parsePrepareReply } from '../../data/prepare-protocol';
import { createPreparer, type PrepareReply, type PrepareRequest } from '../../data/preparer';
import type { Result } from '../../data/result';
import { fetchShippedText, type DataPort, type PrepareJob } from '../../store/dataset-port';

interface Pending {
  job: PrepareJob;
  resolve(reply: Result<PrepareReply> | null): void;
}

/**
 * The page's side of the data worker. One job runs at a time and only the newest waiting job
 * is kept: while a large file parses, ten edits to the window length cost one preparation,
 * not ten. The text crosses over only when it changed (the worker keeps the last one). If the
 * worker cannot start or dies, the same preparer runs on the page instead.
 */
export function createDataWorkerPort(): DataPort & { dispose(): void } {
  let worker: Worker | null = null;
  /** The worker failed (or cannot exist here): the page prepares from now on. */
  let broken = false;
  let page: ReturnType<typeof createPreparer> | null = null;
  let sentVersion = -1;
  let running: Pending | null = null;
  let waiting: Pending | null = null;

  const finish = (reply: Result<PrepareReply>) => {
    const done = running;
    running = null;
    done?.resolve(reply);
    if (waiting) start(waiting);
  };

  const onPage = (req: PrepareRequest) => {
    page ??= createPreparer();
    const preparer = page;
    // A macrotask, so the page paints "Reading…" before it is busy.
    setTimeout(() => finish({ ok: true, value: preparer.handle(req) }), 0);
  };

  /** Started on the first job, so a page that never changes its data never loads the worker. */
  const ensureWorker = () => {
    if (worker || broken) return;
    try {
      worker = new Worker(new URL('../../data/prepare.worker.ts', import.meta.url), {
        type: 'module',
      });
    } catch {
      broken = true;
      return;
    }
    worker.addEventListener('message', (e: MessageEvent<unknown>) =>
      finish(parsePrepareReply(e.data)),
    );
    worker.addEventListener('error', (e: ErrorEvent) => {
      e.preventDefault();
      fallBack();
    });
    worker.addEventListener('messageerror', () =>
      finish({ ok: false, reason: 'A message from the data worker could not be read; try again.' }),
    );
  };

  const start = (p: Pending) => {
    waiting = null;
    running = p;
    const { text, ...rest } = p.job;
    const req: PrepareRequest = rest.textVersion === sentVersion ? rest : { ...rest, text };
    ensureWorker();
    if (worker) {
      sentVersion = rest.textVersion;
      worker.postMessage(req);
    } else onPage({ ...rest, text });
  };

  const fallBack = () => {
    broken = true;
    worker?.terminate();
    worker = null;
    if (running) onPage({ ...running.job });
  };

  return {
    prepare: (job) =>
      new Promise((resolve) => {
        const p = { job, resolve };
        if (running) {
          waiting?.resolve(null);
          waiting = p;
        } else start(p);
      }),
    fetchShipped: fetchShippedText,
    // Jobs already given still finish (on the page), so no request is left without an answer.
    dispose: fallBack,
  };
}
