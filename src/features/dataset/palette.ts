import type { ScatterView } from './preview-data';

/** Class colours that read on both the light and the dark theme (Tableau 10). */
export const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#59a14f',
  '#b07aa1',
  '#76b7b2',
  '#edc948',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
] as const;

export const colourOf = (i: number): string => PALETTE[i % PALETTE.length] ?? '#4e79a7';

/** The line, the highlighted window and its target point in the window chart. */
export const LINE = '#6366f1';
export const WINDOW_FILL = '#6366f1';
export const TARGET = '#e15759';

/** Low to high for value ranges of a numeric target: blue, grey, red (no light middle). */
export const RANGES = ['#2166ac', '#67a9cf', '#9a9a9a', '#ef8a62', '#b2182b'] as const;

/** The colour of a scatter's i-th group: a sequential scale for value ranges, else by class. */
export const groupColour = (grouping: ScatterView['grouping'], i: number): string =>
  grouping === 'ranges' ? (RANGES[i] ?? colourOf(i)) : colourOf(i);
