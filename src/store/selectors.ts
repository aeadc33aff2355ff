import type { AppState } from './store';

/** Named selectors: components read state only through these. */
export const selectBackend = (s: AppState) => s.backend;
export const selectBackendChoice = (s: AppState) => s.backendChoice;
