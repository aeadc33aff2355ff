import type { AppState } from './store';

/** Named selectors: components read state only through these. */
export const selectBackend = (s: AppState) => s.backend;
export const selectBackendChoice = (s: AppState) => s.backendChoice;
export const selectSpec = (s: AppState) => s.spec;
export const selectSelectedId = (s: AppState) => s.selectedId;
