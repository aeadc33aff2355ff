import { createRng } from '../random';
import { numericColumn, type Table } from '../table';
import type { PointSetSettings } from './classification';

/**
 * 2-D regression sets: `samples` rows of x1, x2 uniform in [-1, 1] and a numeric target y,
 * plus Gaussian noise of standard deviation `noise` on y.
 */
function surface(s: PointSetSettings, f: (a: number, b: number) => number): Table {
  const rng = createRng(s.seed);
  const x1 = new Float64Array(s.samples);
  const x2 = new Float64Array(s.samples);
  const y = new Float64Array(s.samples);
  for (let i = 0; i < s.samples; i++) {
    const a = rng.uniform(-1, 1);
    const b = rng.uniform(-1, 1);
    x1[i] = a;
    x2[i] = b;
    y[i] = f(a, b) + s.noise * rng.normal();
  }
  return {
    columns: [numericColumn('x1', x1), numericColumn('x2', x2), numericColumn('y', y)],
    rowCount: s.samples,
    roles: { x1: 'feature', x2: 'feature', y: 'label' },
    kind: 'table',
  };
}

/** y = 0.6·x1 − 0.4·x2: a linear model can fit it exactly (up to the noise). */
export const plane = (s: PointSetSettings): Table => surface(s, (a, b) => 0.6 * a - 0.4 * b);

/** Fixed bumps and dips (TF Playground's "Gaussian" regression): needs hidden units. */
const BUMPS: readonly [number, number, number][] = [
  [-0.6, 0.6, 1],
  [0, 0.6, -1],
  [0.6, 0.6, 1],
  [-0.6, -0.6, -1],
  [0, -0.6, 1],
  [0.6, -0.6, -1],
];

export const gaussianRegression = (s: PointSetSettings): Table =>
  surface(s, (a, b) =>
    BUMPS.reduce((sum, [cx, cy, sign]) => {
      const d2 = (a - cx) ** 2 + (b - cy) ** 2;
      return sum + sign * Math.exp(-d2 / (2 * 0.2 ** 2));
    }, 0),
  );
