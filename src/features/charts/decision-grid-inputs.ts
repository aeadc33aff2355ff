import { decisionGrid, GRID_SIZE, type Grid } from '../../core/charts/decision-grid';
import type { PreparedData } from '../../data/index';

/** 2-D inputs and classes: the case TensorFlow Playground draws a decision boundary for. */
export const isPlaneClassification = (p: PreparedData): boolean =>
  p.task !== 'regression' && p.xShape.length === 2 && p.xShape[1] === 2;

const grids = new WeakMap<PreparedData, Grid>();
const ours = new WeakSet<Float32Array>();

/** The grid for this data (the same object every time, so probes and the chart agree). */
export function gridFor(p: PreparedData): Grid | null {
  if (!isPlaneClassification(p)) return null;
  let grid = grids.get(p);
  if (!grid) {
    grid = decisionGrid(p.x, p.xShape[0] ?? 0, GRID_SIZE);
    grids.set(p, grid);
    ours.add(grid.inputs);
  }
  return grid;
}

/** Whether these probe inputs are a grid the charts asked for (others' are left alone). */
export const isOurGrid = (x: Float32Array | null): boolean => x !== null && ours.has(x);
