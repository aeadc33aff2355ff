import type { StateCreator } from 'zustand';
import type { TimelineEntry } from '../core/timeline/history';
import type { SaliencyReply, SaliencyRequest } from '../core/timeline/saliency-types';
import type { AppMutators, AppState } from './store';

/** A run from the history whose timeline is being replayed instead of the current run's. */
export interface Replay {
  runId: string;
  name: string;
  entries: TimelineEntry[];
}

export interface TimelineSlice {
  /** The epoch every view shows; null follows the run live (its latest probe). */
  timelineAt: number | null;
  replay: Replay | null;
  /** Why an earlier run's timeline could not be read or kept; null when all is well. */
  timelineNotice: string | null;
  setTimelineAt(epoch: number | null): void;
  startReplay(replay: Replay): void;
  stopReplay(): void;
  setTimelineNotice(notice: string | null): void;
  /** Asks the trainer which inputs a prediction depends on; resolves with its reply. */
  saliencyRequest(req: Omit<SaliencyRequest, 'type' | 'requestId'>): Promise<SaliencyReply>;
  saliencyReply(reply: SaliencyReply): void;
}

/** A trainer that fell back to the page mid-request never answers it. */
const SALIENCY_TIMEOUT_MS = 30_000;

export const createTimelineSlice: StateCreator<AppState, AppMutators, [], TimelineSlice> = (
  set,
  get,
) => {
  let requestId = 0;
  const pending = new Map<number, (reply: SaliencyReply) => void>();
  const failed = (id: number, message: string): SaliencyReply => ({
    type: 'saliency',
    requestId: id,
    message,
    values: null,
    target: 0,
    outputs: [],
  });
  return {
    timelineAt: null,
    replay: null,
    timelineNotice: null,
    setTimelineAt: (epoch) => set({ timelineAt: epoch }),
    startReplay: (replay) => set({ replay, timelineAt: replay.entries[0]?.epoch ?? 0 }),
    stopReplay: () => set({ replay: null, timelineAt: null }),
    setTimelineNotice: (timelineNotice) => set({ timelineNotice }),
    saliencyRequest: (req) => {
      const id = ++requestId;
      const trainer = get().trainer;
      if (!trainer) return Promise.resolve(failed(id, 'The trainer has not started yet.'));
      return new Promise<SaliencyReply>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve(failed(id, 'The trainer did not answer; try again.'));
        }, SALIENCY_TIMEOUT_MS);
        pending.set(id, (reply) => {
          clearTimeout(timer);
          resolve(reply);
        });
        trainer.send({ type: 'saliency', requestId: id, ...req });
      });
    },
    saliencyReply: (reply) => {
      const resolve = pending.get(reply.requestId);
      pending.delete(reply.requestId);
      resolve?.(reply);
    },
  };
};
