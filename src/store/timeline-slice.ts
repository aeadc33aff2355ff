import type { StateCreator } from 'zustand';
import type { TimelineEntry } from '../core/timeline/history';
import type { SaliencyReply, SaliencyRequest } from '../core/timeline/saliency-types';
import type { WorkerRequest } from '../core/training/protocol';
import type { ModelSpec } from '../core/model-spec';
import type { AppMutators, AppState } from './store';
import { trainerRequests } from './trainer-requests';

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
  /**
   * The layer (by id) the embedding view projects; null: the one before the output. Sent with
   * the next start request: a run projects the layer chosen when it started.
   */
  embeddingLayerId: string | null;
  setEmbeddingLayer(id: string | null): void;
  /** Off: runs record no timeline (the bench measures what recording costs). */
  timelineRecording: boolean;
  setTimelineRecording(on: boolean): void;
  /** Asks the trainer which inputs a prediction depends on; resolves with its reply. */
  saliencyRequest(req: Omit<SaliencyRequest, 'type' | 'requestId'>): Promise<SaliencyReply>;
  saliencyReply(reply: SaliencyReply): void;
}

type StartRequest = Extract<WorkerRequest, { type: 'start' }>;

/** The timeline's part of a start request: whether to record, and which layer to project. */
export function timelineRequest(
  s: Pick<TimelineSlice, 'embeddingLayerId' | 'timelineRecording'>,
  spec: ModelSpec,
): Pick<StartRequest, 'timeline' | 'embeddingLayer'> {
  if (!s.timelineRecording) return { timeline: false };
  const index = spec.layers.findIndex((l) => l.id === s.embeddingLayerId);
  // A chosen layer since removed falls back to the default.
  return index >= 1 ? { embeddingLayer: index } : {};
}

/** A trainer that fell back to the page mid-request never answers it. */
const SALIENCY_TIMEOUT_MS = 30_000;

export const createTimelineSlice: StateCreator<AppState, AppMutators, [], TimelineSlice> = (
  set,
  get,
) => {
  const requests = trainerRequests<SaliencyReply>(SALIENCY_TIMEOUT_MS, (requestId, message) => ({
    type: 'saliency',
    requestId,
    message,
    values: null,
    target: 0,
    outputs: [],
  }));
  return {
    timelineAt: null,
    replay: null,
    timelineNotice: null,
    setTimelineAt: (epoch) => set({ timelineAt: epoch }),
    startReplay: (replay) => set({ replay, timelineAt: replay.entries[0]?.epoch ?? 0 }),
    stopReplay: () => set({ replay: null, timelineAt: null }),
    setTimelineNotice: (timelineNotice) => set({ timelineNotice }),
    embeddingLayerId: null,
    setEmbeddingLayer: (embeddingLayerId) => set({ embeddingLayerId }),
    timelineRecording: true,
    setTimelineRecording: (timelineRecording) => set({ timelineRecording }),
    saliencyRequest: (req) =>
      requests.ask(get().trainer, (requestId) => ({ type: 'saliency', requestId, ...req })),
    saliencyReply: (reply) => requests.answer(reply),
  };
};
