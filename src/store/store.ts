import { create } from 'zustand';
import { createTrainingSlice, type TrainingSlice } from './training-slice';

/** One store, built once from slices (zustand's slices pattern). */
export type AppState = TrainingSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createTrainingSlice(...a),
}));
