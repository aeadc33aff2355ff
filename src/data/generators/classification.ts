import { createRng, type Rng } from '../random';
import { categoricalColumn, numericColumn, type Table } from '../table';

/**
 * 2-D two-class point sets in the spirit of TensorFlow Playground, scaled to about [-1, 1]:
 * `samples` rows with columns x1, x2 (numeric) and label (two named classes, half each).
 * `noise` is the standard deviation of Gaussian jitter added to both coordinates.
 */
export interface PointSetSettings {
  samples: number;
  noise: number;
  seed: number;
}

type PointMaker = (rng: Rng, cls: 0 | 1, i: number, perClass: number) => [number, number];

function pointSet(
  s: PointSetSettings,
  classNames: readonly [string, string],
  make: PointMaker,
): Table {
  const rng = createRng(s.seed);
  const x1: number[] = [];
  const x2: number[] = [];
  const labels: string[] = [];
  const perClass = Math.ceil(s.samples / 2);
  for (let i = 0; i < s.samples; i++) {
    // Alternating classes keep both halves equal and the rows interleaved.
    const cls = (i % 2) as 0 | 1;
    const [a, b] = make(rng, cls, Math.floor(i / 2), perClass);
    x1.push(a + s.noise * rng.normal());
    x2.push(b + s.noise * rng.normal());
    labels.push(classNames[cls]);
  }
  return {
    columns: [
      numericColumn('x1', x1),
      numericColumn('x2', x2),
      categoricalColumn('label', labels, classNames),
    ],
    rowCount: s.samples,
    roles: { x1: 'feature', x2: 'feature', label: 'label' },
    kind: 'table',
  };
}

/** Inner disc of radius 0.5 against a ring from 0.7 to 1. */
export const circle = (s: PointSetSettings): Table =>
  pointSet(s, ['inside', 'outside'], (rng, cls) => {
    const r = cls === 0 ? rng.uniform(0, 0.5) : rng.uniform(0.7, 1);
    const angle = rng.uniform(0, 2 * Math.PI);
    return [r * Math.cos(angle), r * Math.sin(angle)];
  });

/** Quadrants: same sign of x1 and x2 against opposite signs; kept 0.05 off the axes. */
export const xor = (s: PointSetSettings): Table =>
  pointSet(s, ['same sign', 'opposite sign'], (rng, cls) => {
    const a = rng.uniform(0.05, 1) * (rng.next() < 0.5 ? -1 : 1);
    const b = rng.uniform(0.05, 1) * Math.sign(a) * (cls === 0 ? 1 : -1);
    return [a, b];
  });

/** Two round clusters centred at (0.5, 0.5) and (-0.5, -0.5), spread 0.2. */
export const gaussian = (s: PointSetSettings): Table =>
  pointSet(s, ['cluster A', 'cluster B'], (rng, cls) => {
    const c = cls === 0 ? 0.5 : -0.5;
    return [c + 0.2 * rng.normal(), c + 0.2 * rng.normal()];
  });

/** Two interleaved arms, each turning 1.75 times around the origin out to radius 1. */
export const spiral = (s: PointSetSettings): Table =>
  pointSet(s, ['arm A', 'arm B'], (_rng, cls, i, perClass) => {
    const r = i / perClass;
    const t = 1.75 * r * 2 * Math.PI + (cls === 0 ? 0 : Math.PI);
    return [r * Math.sin(t), r * Math.cos(t)];
  });
