import type { PredictReply, PredictRequest } from '../../core/predict/predict-types';

export type Ask = Omit<PredictRequest, 'type' | 'requestId'>;

/**
 * Asks for predictions no faster than the trainer answers: at most one request in flight and
 * one every `gapMs`; pokes that arrive meanwhile fold into one more request, for the latest
 * input, once the answer is in. So a user drawing fast or a run sending twenty batches a
 * second never queues requests in the worker, and the last state is always asked.
 */
export function createPredictionPump(
  ask: (req: Ask) => Promise<PredictReply>,
  onReply: (reply: PredictReply) => void,
  gapMs: number,
) {
  let current: Ask | null = null;
  let inFlight = false;
  let again = false;
  let lastSent = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let alive = true;

  const poke = (): void => {
    if (!alive || !current) return;
    if (inFlight || timer) {
      again = true;
      return;
    }
    const wait = lastSent + gapMs - Date.now();
    if (wait > 0) {
      timer = setTimeout(() => {
        timer = null;
        poke();
      }, wait);
      return;
    }
    inFlight = true;
    again = false;
    lastSent = Date.now();
    void ask(current).then((reply) => {
      inFlight = false;
      if (!alive) return;
      onReply(reply);
      if (again) poke();
    });
  };

  return {
    /** The input to predict from now on (null: nothing to ask), asked at once. */
    set(req: Ask | null) {
      current = req;
      poke();
    },
    /** The model moved on: ask again for the same input. */
    poke,
    start() {
      alive = true;
    },
    stop() {
      alive = false;
      if (timer) clearTimeout(timer);
      timer = null;
      again = false;
    },
  };
}
