import { parsePrepareReply } from '../../data/prepare-protocol';
import { createPreparer, type PrepareReply, type PrepareRequest } from '../../data/preparer';
import type { DataContent } from '../../data/content';
import type { Result } from '../../data/result';
import { fetchShippedText, type DataPort, type PrepareJob } from '../../store/dataset-port';

interface Pending {
  job: PrepareJob;
  resolve(reply: Result<PrepareReply> | null): void;
}

/**
 * The request that carries the text or bytes, and what to transfer: bytes go as a copy whose
 * buffer moves to the worker (the page keeps its own for a restart or the fallback), so an
 * image set crosses as one memory copy, not as text.
 */
export function withContent(
  rest: Omit<PrepareRequest, 'text'>,
  text: DataContent | null,
): [PrepareRequest, Transferable[]] {
  if (typeof text === 'string' || text === null) return [{ ...rest, text }, []];
  const copy = text.slice();
  return [{ ...rest, text: copy }, [copy.buffer]];
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
    ensureWorker();
    if (worker) {
      const send = rest.textVersion !== sentVersion;
      sentVersion = rest.textVersion;
      const [req, transfer] = send ? withContent(rest, text) : [rest, []];
      worker.postMessage(req, transfer);
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
