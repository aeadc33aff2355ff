import { createContext, useContext } from 'react';
import type { UniqueIdentifier } from '@dnd-kit/core';

export interface DropState {
  /** Where a palette drag would land, for the drop indicator; null when not over the stack. */
  insertAt: number | null;
  /** A palette drag is in progress (the stack shows it can take a drop). */
  paletteDrag: boolean;
  activeId: UniqueIdentifier | null;
}

export const DropContext = createContext<DropState>({
  insertAt: null,
  paletteDrag: false,
  activeId: null,
});

export const useDropState = () => useContext(DropContext);
