import type { WorkerEvent } from '../core/training/protocol';
import type { RedrawClock } from './redraw-clock';

type Batches = Extract<WorkerEvent, { type: 'batches' }>;

/**
 * Hands the worker's events to the store on the page's redraw clock, in the order they were
 * sent: the store changes, and the page renders and paints, once a tick rather than once a
 * message, in the same frame as the charts' redraw. Loss batches (up to 20 a second) are joined
 * while they wait. Epoch ends and probes (several a second with short epochs) used to apply at
 * once, each a render and a frame of its own between the ticks; a tick is at most 80 ms away.
 */
export function batchedReceiver(receive: (event: WorkerEvent) => void, clock: RedrawClock) {
  let queue: WorkerEvent[] = [];
  const flush = () => {
    const events = queue;
    queue = [];
    for (const event of events) receive(event);
  };
  return {
    receive(event: WorkerEvent) {
      const last = queue.at(-1);
      if (event.type === 'batches' && last?.type === 'batches' && last.runId === event.runId) {
        queue[queue.length - 1] = join(last, event);
      } else {
        queue.push(event);
      }
      clock.schedule(flush);
    },
    /** Applies what is held now (the page is going away, or a test wants the store current). */
    flush() {
      clock.cancel(flush);
      flush();
    },
  };
}

/** One event with both events' losses and the later progress. */
const join = (held: Batches, next: Batches): Batches => ({
  ...next,
  losses: held.losses.concat(next.losses),
});
