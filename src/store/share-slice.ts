import type { StateCreator } from 'zustand';
import type { WeightsReply, WeightsRequest } from '../core/training/protocol';
import type { AppMutators, AppState } from './store';
import { trainerRequests } from './trainer-requests';

/** One saved experiment as the list shows it; its content lives under its own storage key. */
export interface LibraryEntry {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  /** Trained weights were saved to IndexedDB for it (by the worker, through tfjs). */
  hasWeights: boolean;
}

/**
 * A message about sharing and saving: what a link or a file left out, a storage problem.
 * Items are sentences from decodeExperiment and the importers, shown as text only.
 */
export interface ShareNotice {
  id: number;
  tone: 'warning' | 'error' | 'success';
  title: string;
  items: string[];
  /** A later notice with the same key replaces this one (the latest link, not every link). */
  key?: string;
  /** Saving is off: the banner offers Copy link and Export, the ways to keep the work anyway. */
  offer?: boolean;
}

type WeightsCall = DistributiveOmit<WeightsRequest, 'requestId'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface ShareSlice {
  library: LibraryEntry[];
  activeExperimentId: string | null;
  shareNotices: ShareNotice[];
  setLibrary(library: LibraryEntry[], activeId: string | null): void;
  pushShareNotice(notice: Omit<ShareNotice, 'id'>): void;
  dismissShareNotice(id: number): void;
  /** Sends a weights request to the trainer; resolves with its reply, or a reason. */
  weightsRequest(req: WeightsCall): Promise<WeightsReply>;
  /** Where the training slice hands the worker's replies to weights requests. */
  weightsReply(reply: WeightsReply): void;
}

const MAX_NOTICES = 4;
/** A trainer that fell back to the page mid-request never answers it. */
const WEIGHTS_TIMEOUT_MS = 60_000;

export const createShareSlice: StateCreator<AppState, AppMutators, [], ShareSlice> = (set, get) => {
  let noticeId = 0;
  const requests = trainerRequests<WeightsReply>(WEIGHTS_TIMEOUT_MS, (requestId, message) => ({
    type: 'weights',
    requestId,
    message,
    files: null,
  }));

  return {
    library: [],
    activeExperimentId: null,
    shareNotices: [],
    setLibrary: (library, activeId) => set({ library, activeExperimentId: activeId }),
    pushShareNotice: (notice) =>
      set((s) => {
        const others = s.shareNotices.filter(
          (n) => notice.key === undefined || n.key !== notice.key,
        );
        return { shareNotices: [...others, { ...notice, id: ++noticeId }].slice(-MAX_NOTICES) };
      }),
    dismissShareNotice: (id) =>
      set((s) => ({ shareNotices: s.shareNotices.filter((n) => n.id !== id) })),
    weightsRequest: (req) =>
      requests.ask(get().trainer, (requestId) => ({ ...req, requestId }) as WeightsRequest),
    weightsReply: (reply) => requests.answer(reply),
  };
};
