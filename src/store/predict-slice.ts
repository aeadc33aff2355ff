import type { StateCreator } from 'zustand';
import type { PredictReply, PredictRequest } from '../core/predict/predict-types';
import type { AppMutators, AppState } from './store';

export interface PredictSlice {
  /** Asks the trainer what its model says for one sample; resolves with its reply. */
  predictRequest(req: Omit<PredictRequest, 'type' | 'requestId'>): Promise<PredictReply>;
  predictReply(reply: PredictReply): void;
}

/** A trainer that fell back to the page mid-request never answers it. */
const PREDICT_TIMEOUT_MS = 30_000;

/** The same request/reply pairing as saliency (timeline-slice.ts): by requestId, with a timeout. */
export const createPredictSlice: StateCreator<AppState, AppMutators, [], PredictSlice> = (
  _set,
  get,
) => {
  let requestId = 0;
  const pending = new Map<number, (reply: PredictReply) => void>();
  const failed = (id: number, message: string): PredictReply => ({
    type: 'predict',
    requestId: id,
    message,
    outputs: [],
  });
  return {
    predictRequest: (req) => {
      const id = ++requestId;
      const trainer = get().trainer;
      if (!trainer) return Promise.resolve(failed(id, 'The trainer has not started yet.'));
      return new Promise<PredictReply>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve(failed(id, 'The trainer did not answer; try again.'));
        }, PREDICT_TIMEOUT_MS);
        pending.set(id, (reply) => {
          clearTimeout(timer);
          resolve(reply);
        });
        trainer.send({ type: 'predict', requestId: id, ...req });
      });
    },
    predictReply: (reply) => {
      const resolve = pending.get(reply.requestId);
      pending.delete(reply.requestId);
      resolve?.(reply);
    },
  };
};
