import { createRng } from '../random';
import { categoricalColumn, numericColumn, type Table } from '../table';
import { sawtoothWave, sineWave, squareWave, triangleWave, type Wave } from './series';

/**
 * Sequence classification: `samples` consecutive segments of `segmentLength` steps, each
 * showing one waveform (period within ±40 % of `period`, random phase, amplitude 0.8–1.2, plus
 * noise). Rows: samples × segmentLength time steps with columns t (time), value (feature) and
 * waveform (label, 4 classes). Windows of segmentLength steps with the same stride line up
 * with the segments exactly.
 */
export interface WaveformSettings {
  samples: number;
  noise: number;
  seed: number;
  period: number;
  segmentLength: number;
}

export const WAVEFORM_CLASSES = ['sine', 'square', 'sawtooth', 'triangle'] as const;
const WAVES: readonly Wave[] = [sineWave, squareWave, sawtoothWave, triangleWave];

export function waveforms(s: WaveformSettings): Table {
  const rng = createRng(s.seed);
  const rows = s.samples * s.segmentLength;
  const t = new Float64Array(rows);
  const value = new Float64Array(rows);
  const labels: string[] = new Array<string>(rows);
  for (let seg = 0; seg < s.samples; seg++) {
    const cls = rng.int(WAVES.length);
    const wave = WAVES[cls] as Wave;
    const period = s.period * rng.uniform(0.6, 1.4);
    const phase = rng.next();
    const amplitude = rng.uniform(0.8, 1.2);
    for (let k = 0; k < s.segmentLength; k++) {
      const i = seg * s.segmentLength + k;
      t[i] = i;
      value[i] = amplitude * wave(k / period + phase) + s.noise * rng.normal();
      labels[i] = WAVEFORM_CLASSES[cls] as string;
    }
  }
  return {
    columns: [
      numericColumn('t', t),
      numericColumn('value', value),
      categoricalColumn('waveform', labels, WAVEFORM_CLASSES),
    ],
    rowCount: rows,
    roles: { t: 'time', value: 'feature', waveform: 'label' },
    kind: 'series',
  };
}
