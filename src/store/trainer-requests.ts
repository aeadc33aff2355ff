import type { WorkerRequest } from '../core/training/protocol';
import type { TrainerPort } from './training-slice';

/**
 * Requests to the trainer that get one reply each (weights, saliency, predictions): paired by
 * requestId, and answered with a failure instead of never when there is no trainer or it does
 * not answer in time (a trainer that fell back to the page mid-request never does).
 */
export function trainerRequests<Reply extends { requestId: number }>(
  timeoutMs: number,
  failed: (requestId: number, message: string) => Reply,
) {
  let lastId = 0;
  const pending = new Map<number, (reply: Reply) => void>();
  return {
    /** Sends `request(id)` through `trainer`; resolves with its reply or a failure. */
    ask(
      trainer: TrainerPort | null,
      request: (requestId: number) => WorkerRequest,
    ): Promise<Reply> {
      const id = ++lastId;
      if (!trainer) return Promise.resolve(failed(id, 'The trainer has not started yet.'));
      return new Promise<Reply>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve(failed(id, 'The trainer did not answer; try again.'));
        }, timeoutMs);
        pending.set(id, (reply) => {
          clearTimeout(timer);
          resolve(reply);
        });
        trainer.send(request(id));
      });
    },
    /** The trainer's reply: settles its request (a late one, after the timeout, is dropped). */
    answer(reply: Reply): void {
      const resolve = pending.get(reply.requestId);
      pending.delete(reply.requestId);
      resolve?.(reply);
    },
  };
}
