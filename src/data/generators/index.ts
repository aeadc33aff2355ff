import { datasetConfigSchema, type BuiltinConfig, type BuiltinId } from '../config';
import { fail, formatCount, ok, type Result } from '../result';
import type { Table } from '../table';
import { circle, gaussian, spiral, xor } from './classification';
import { pixelDigits } from './digits';
import { gaussianRegression, plane } from './regression';
import { sawtooth, sine, square, sumOfSines } from './series';
import { waveforms } from './waveforms';

export type BuiltinKind =
  | 'classification'
  | 'regression'
  | 'forecasting'
  | 'sequence-classification'
  | 'image-classification';
export type BuiltinSetting = 'samples' | 'noise' | 'period' | 'trend' | 'segmentLength';

export interface BuiltinInfo {
  id: BuiltinId;
  title: string;
  kind: BuiltinKind;
  /** Which BuiltinConfig settings this generator reads; the UI shows only these. */
  settings: readonly BuiltinSetting[];
  /** What `samples` counts for this generator, for the UI label. */
  samplesMeaning: string;
  help: string;
}

const POINTS = ['samples', 'noise'] as const;
const SERIES = ['samples', 'noise', 'period', 'trend'] as const;
const info = (
  id: BuiltinId,
  title: string,
  kind: BuiltinKind,
  settings: readonly BuiltinSetting[],
  samplesMeaning: string,
  help: string,
): BuiltinInfo => ({ id, title, kind, settings, samplesMeaning, help });

export const BUILTIN_INFO: Record<BuiltinId, BuiltinInfo> = {
  circle: info('circle', 'Circle', 'classification', POINTS, 'points', 'A disc inside a ring.'),
  xor: info('xor', 'XOR', 'classification', POINTS, 'points', 'Opposite quadrants share a class.'),
  gaussian: info('gaussian', 'Two clusters', 'classification', POINTS, 'points', 'Two blobs.'),
  spiral: info('spiral', 'Spiral', 'classification', POINTS, 'points', 'Two interleaved arms.'),
  plane: info('plane', 'Plane', 'regression', POINTS, 'points', 'y = 0.6·x1 − 0.4·x2.'),
  'gaussian-regression': info(
    'gaussian-regression',
    'Bumps',
    'regression',
    POINTS,
    'points',
    'Bumps and dips over the plane.',
  ),
  sine: info('sine', 'Sine', 'forecasting', SERIES, 'time steps', 'One sine wave.'),
  'sum-of-sines': info(
    'sum-of-sines',
    'Sum of sines',
    'forecasting',
    SERIES,
    'time steps',
    'Three sines at different speeds.',
  ),
  sawtooth: info('sawtooth', 'Sawtooth', 'forecasting', SERIES, 'time steps', 'Ramps and drops.'),
  square: info('square', 'Square', 'forecasting', SERIES, 'time steps', 'Jumps between ±1.'),
  waveforms: info(
    'waveforms',
    'Which waveform?',
    'sequence-classification',
    ['samples', 'noise', 'period', 'segmentLength'],
    'segments',
    'Segments of sine, square, sawtooth or triangle waves: name the wave in each window.',
  ),
  'pixel-digits': info(
    'pixel-digits',
    '8×8 digits',
    'image-classification',
    POINTS,
    'images',
    'Small synthetic images of the digits 0–9, for Conv2D.',
  ),
};

/** Keeps generated data within what a browser tab trains on comfortably. */
export const MAX_GENERATED_ROWS = 1_000_000;

export function generateBuiltin(c: BuiltinConfig): Result<Table> {
  switch (c.id) {
    case 'circle':
      return ok(circle(c));
    case 'xor':
      return ok(xor(c));
    case 'gaussian':
      return ok(gaussian(c));
    case 'spiral':
      return ok(spiral(c));
    case 'plane':
      return ok(plane(c));
    case 'gaussian-regression':
      return ok(gaussianRegression(c));
    case 'sine':
      return ok(sine(c));
    case 'sum-of-sines':
      return ok(sumOfSines(c));
    case 'sawtooth':
      return ok(sawtooth(c));
    case 'square':
      return ok(square(c));
    case 'waveforms': {
      const rows = c.samples * c.segmentLength;
      if (rows > MAX_GENERATED_ROWS) {
        return fail(
          `${formatCount(c.samples)} segments of ${c.segmentLength} steps make ${formatCount(rows)} rows; ` +
            `keep it at most ${formatCount(MAX_GENERATED_ROWS)} with fewer or shorter segments.`,
        );
      }
      return ok(waveforms(c));
    }
    case 'pixel-digits':
      return ok(pixelDigits(c));
  }
}

const forecastPrepare = { windowing: { enabled: true, length: 24, stride: 1, horizon: 1 } };
const OVERRIDES: Partial<Record<BuiltinId, object>> = {
  sine: { samples: 1000, prepare: forecastPrepare },
  'sum-of-sines': { samples: 1500, period: 60, prepare: forecastPrepare },
  sawtooth: { samples: 1000, prepare: forecastPrepare },
  square: { samples: 1000, prepare: forecastPrepare },
  waveforms: {
    samples: 400,
    period: 12,
    segmentLength: 32,
    prepare: { windowing: { enabled: true, mode: 'classify', length: 32, stride: 32 } },
  },
  'pixel-digits': { samples: 1000, noise: 0.1, prepare: { normalisation: 'none' } },
};

/**
 * The settings a generator starts from beyond the schema's defaults (a link that names the
 * generator but leaves fields out gets these, as picking it in the app would).
 */
export function builtinOverrides(id: string): Record<string, unknown> {
  const own = Object.hasOwn(OVERRIDES, id) ? OVERRIDES[id as BuiltinId] : undefined;
  return structuredClone((own ?? {}) as Record<string, unknown>);
}

/** The settings the app starts from when the user picks this generator. */
export function defaultBuiltinConfig(id: BuiltinId): BuiltinConfig {
  const parsed = datasetConfigSchema.parse({ source: 'builtin', id, ...OVERRIDES[id] });
  if (parsed.source !== 'builtin') throw new Error('unreachable: built-in defaults');
  return parsed;
}
