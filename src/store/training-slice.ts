import type { StateCreator } from 'zustand';
import type { BackendReport } from '../training/protocol';
import type { BackendChoice } from '../training/backend-names';
import type { AppMutators, AppState } from './store';

export type BackendStatus =
  | { state: 'starting' }
  | { state: 'ready'; report: BackendReport }
  | { state: 'failed'; message: string };

export interface TrainingSlice {
  backendChoice: BackendChoice;
  backend: BackendStatus;
  setBackendChoice(choice: BackendChoice): void;
  backendReady(report: BackendReport): void;
  backendFailed(message: string): void;
}

export const createTrainingSlice: StateCreator<AppState, AppMutators, [], TrainingSlice> = (
  set,
) => ({
  backendChoice: 'auto',
  backend: { state: 'starting' },
  setBackendChoice: (choice) => set({ backendChoice: choice, backend: { state: 'starting' } }),
  backendReady: (report) => set({ backend: { state: 'ready', report } }),
  backendFailed: (message) => set({ backend: { state: 'failed', message } }),
});
