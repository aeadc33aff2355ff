import type { WorkerEvent } from '../core/training/protocol';
import type { RedrawClock } from './redraw-clock';

type Batches = Extract<WorkerEvent, { type: 'batches' }>;

/**
 * Hands the worker's events to the store, with its loss batches (sent up to 20 times a second)
 * joined and applied on the page's redraw clock: the store changes, and the page renders and
 * paints, once a tick rather than once a message, in the same frame as the charts' redraw. Any
 * other event first applies the batches held before it, so the store sees events in the order
 * they were sent (the last progress before "done").
 */
export function batchedReceiver(receive: (event: WorkerEvent) => void, clock: RedrawClock) {
  let held: Batches | null = null;
  const flush = () => {
    const event = held;
    held = null;
    if (event) receive(event);
  };
  return {
    receive(event: WorkerEvent) {
      if (event.type !== 'batches') {
        clock.cancel(flush);
        flush();
        receive(event);
        return;
      }
      if (held && held.runId === event.runId) {
        held = { ...event, losses: held.losses.concat(event.losses) };
      } else {
        flush();
        held = event;
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
