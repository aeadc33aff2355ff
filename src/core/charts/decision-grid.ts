/**
 * The decision-boundary grid for 2-D classification (as TensorFlow Playground draws it): a
 * size × size grid over the data's range, in the same normalised feature space as x, that the
 * worker predicts at every probe.
 */
export interface Grid {
  size: number;
  /** Ranges in normalised feature units, the data's range plus a margin. */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Row-major, row 0 at y0: [size · size, 2], flattened like x. */
  inputs: Float32Array;
}

export const GRID_SIZE = 40;

export function decisionGrid(
  x: ArrayLike<number>,
  samples: number,
  size = GRID_SIZE,
  margin = 0.1,
): Grid {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < samples; i++) {
    const a = x[2 * i] as number;
    const b = x[2 * i + 1] as number;
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    x0 = Math.min(x0, a);
    x1 = Math.max(x1, a);
    y0 = Math.min(y0, b);
    y1 = Math.max(y1, b);
  }
  if (x0 > x1) [x0, x1, y0, y1] = [-1, 1, -1, 1];
  const padX = (x1 - x0 || 2) * margin;
  const padY = (y1 - y0 || 2) * margin;
  [x0, x1, y0, y1] = [x0 - padX, x1 + padX, y0 - padY, y1 + padY];
  const inputs = new Float32Array(size * size * 2);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const k = (r * size + c) * 2;
      inputs[k] = cellCentre(x0, x1, size, c);
      inputs[k + 1] = cellCentre(y0, y1, size, r);
    }
  }
  return { size, x0, x1, y0, y1, inputs };
}

export const cellCentre = (lo: number, hi: number, size: number, i: number): number =>
  lo + ((i + 0.5) * (hi - lo)) / size;

/** The class each grid cell predicts and how sure the model is (0.5–1 for two classes). */
export function cellVerdicts(
  values: ArrayLike<number>,
  cells: number,
  units: number,
): { cls: number; confidence: number }[] {
  return Array.from({ length: cells }, (_, i) => {
    if (units === 1) {
      const p = values[i] as number;
      return { cls: p >= 0.5 ? 1 : 0, confidence: p >= 0.5 ? p : 1 - p };
    }
    let best = 0;
    for (let u = 1; u < units; u++) {
      if ((values[i * units + u] as number) > (values[i * units + best] as number)) best = u;
    }
    return { cls: best, confidence: values[i * units + best] as number };
  });
}
