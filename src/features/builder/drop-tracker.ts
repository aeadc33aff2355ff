import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core';
import { SCREEN_READER_INSTRUCTIONS, builderAnnouncements } from './announcements';
import { liveStackView } from './stack-view';

export interface DropTracker {
  /** Where the current palette drag would land (null: not over the stack, or refused). */
  readonly insertAt: number | null;
  setInsertAt(at: number | null): void;
  readonly accessibility: {
    announcements: Announcements;
    screenReaderInstructions: ScreenReaderInstructions;
  };
}

/**
 * Holds the landing index outside React state, because dnd-kit's announcements run right after
 * the drag handlers, before any re-render, and must read what those handlers decided.
 */
export function createDropTracker(): DropTracker {
  let insertAt: number | null = null;
  return {
    get insertAt() {
      return insertAt;
    },
    setInsertAt: (at) => {
      insertAt = at;
    },
    accessibility: {
      announcements: builderAnnouncements(() => liveStackView(insertAt)),
      screenReaderInstructions: { draggable: SCREEN_READER_INSTRUCTIONS },
    },
  };
}
