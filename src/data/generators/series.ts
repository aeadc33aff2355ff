import { createRng } from '../random';
import { numericColumn, type Table } from '../table';

/**
 * Univariate series for forecasting: `samples` rows (time steps) with columns t (0, 1, 2 …,
 * role time) and value (role feature), amplitude about 1, plus `trend`·t and Gaussian noise of
 * standard deviation `noise`. Rows are in time order (kind 'series').
 */
export interface SeriesSettings {
  samples: number;
  noise: number;
  seed: number;
  period: number;
  trend: number;
}

/** A wave with period 1: maps a phase in cycles to a value in [-1, 1]. */
export type Wave = (cycles: number) => number;

const frac = (x: number): number => x - Math.floor(x);
export const sineWave: Wave = (c) => Math.sin(2 * Math.PI * c);
export const sawtoothWave: Wave = (c) => 2 * frac(c) - 1;
export const squareWave: Wave = (c) => (frac(c) < 0.5 ? 1 : -1);
export const triangleWave: Wave = (c) => 1 - 4 * Math.abs(frac(c) - 0.5);

function series(s: SeriesSettings, shape: (t: number) => number): Table {
  const rng = createRng(s.seed);
  const t = new Float64Array(s.samples);
  const value = new Float64Array(s.samples);
  for (let i = 0; i < s.samples; i++) {
    t[i] = i;
    value[i] = shape(i) + s.trend * i + s.noise * rng.normal();
  }
  return {
    columns: [numericColumn('t', t), numericColumn('value', value)],
    rowCount: s.samples,
    roles: { t: 'time', value: 'feature' },
    kind: 'series',
  };
}

export const sine = (s: SeriesSettings): Table => series(s, (i) => sineWave(i / s.period));
export const sawtooth = (s: SeriesSettings): Table => series(s, (i) => sawtoothWave(i / s.period));
export const square = (s: SeriesSettings): Table => series(s, (i) => squareWave(i / s.period));

/**
 * Three sines: the base period plus two faster ones at incommensurate ratios, so the pattern
 * never repeats exactly. Phases come from the seed; amplitudes 0.6, 0.3, 0.15 sum to about 1.
 */
export function sumOfSines(s: SeriesSettings): Table {
  const rng = createRng(s.seed ^ 0x5eed);
  const parts = [
    { period: s.period, amplitude: 0.6, phase: rng.next() },
    { period: s.period / 2.7, amplitude: 0.3, phase: rng.next() },
    { period: s.period / 6.3, amplitude: 0.15, phase: rng.next() },
  ];
  return series(s, (i) =>
    parts.reduce((sum, p) => sum + p.amplitude * sineWave(i / p.period + p.phase), 0),
  );
}
