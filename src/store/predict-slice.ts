import type { StateCreator } from 'zustand';
import type { PredictReply, PredictRequest } from '../core/predict/predict-types';
import type { AppMutators, AppState } from './store';
import { trainerRequests } from './trainer-requests';

export interface PredictSlice {
  /** Asks the trainer what its model says for one sample; resolves with its reply. */
  predictRequest(req: Omit<PredictRequest, 'type' | 'requestId'>): Promise<PredictReply>;
  predictReply(reply: PredictReply): void;
}

/** A trainer that fell back to the page mid-request never answers it. */
const PREDICT_TIMEOUT_MS = 30_000;

export const createPredictSlice: StateCreator<AppState, AppMutators, [], PredictSlice> = (
  _set,
  get,
) => {
  const requests = trainerRequests<PredictReply>(PREDICT_TIMEOUT_MS, (requestId, message) => ({
    type: 'predict',
    requestId,
    message,
    outputs: [],
  }));
  return {
    predictRequest: (req) =>
      requests.ask(get().trainer, (requestId) => ({ type: 'predict', requestId, ...req })),
    predictReply: (reply) => requests.answer(reply),
  };
};
