/**
 * Colours for chart series. SVG attributes cannot read CSS variables everywhere recharts puts
 * them, so the palette lives here; it reads on light and dark backgrounds alike.
 */
export const CURRENT_TRAIN = '#4f46e5';
export const CURRENT_VAL = '#f97316';
export const RAW_STREAM = '#a5b4fc';

/** Earlier runs, by run number; train solid, validation dashed in the same colour. */
const RUN_COLOURS = ['#0ea5e9', '#10b981', '#db2777', '#ca8a04', '#8b5cf6', '#64748b', '#dc2626'];
export const runColour = (n: number): string =>
  RUN_COLOURS[(n - 1) % RUN_COLOURS.length] ?? '#64748b';

/** Class colours for points, decision regions and confusion matrices (TF Playground-like). */
const CLASS_COLOURS = [
  '#f59e0b',
  '#0284c7',
  '#16a34a',
  '#db2777',
  '#7c3aed',
  '#dc2626',
  '#0d9488',
  '#65a30d',
];
export const classColour = (c: number): string =>
  CLASS_COLOURS[c % CLASS_COLOURS.length] ?? '#64748b';

export const AXIS_STYLE = { fontSize: 11, fill: 'currentColor' } as const;
export const GRID_STROKE = 'rgb(127 127 127 / 25%)';
