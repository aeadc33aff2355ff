import fc from 'fast-check';
import { ACTIVATION_IDS } from '../activations';
import type { Shape } from '../layers/types';
import type { ModelSpec } from '../model-spec';
import { inferShapes } from '../shapes';
import { specFrom, type LayerEntry } from '../spec-from';

/**
 * A small grammar of stacks: after an Input of rank 1, 2 or 3, each step picks a layer that
 * fits the current rank and derives its params from a few random numbers. The core may still
 * refuse a stack (a window longer than the input, strides with dilation, a bad Reshape); then
 * the framework checked against must refuse it too. The stack stops at the first layer the core refuses.
 */
const step = fc.record({
  pick: fc.nat(99),
  a: fc.nat(99),
  b: fc.nat(99),
  c: fc.nat(99),
  flag: fc.boolean(),
});
const dimArb = (max: number) => fc.integer({ min: 1, max });
export const stackArb = fc.record({
  input: fc.oneof(
    fc.tuple(dimArb(12)),
    fc.tuple(dimArb(12), dimArb(4)),
    fc.tuple(dimArb(8), dimArb(8), dimArb(3)),
  ),
  steps: fc.array(step, { minLength: 1, maxLength: 5 }),
});
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

const ANY_RANK = [
  'Dense',
  'Dropout',
  'BatchNormalization',
  'Activation',
  'PReLU',
  'LeakyReLU',
  'ELU',
  'Reshape',
] as const;
const RANK3 = [
  'Flatten',
  'SimpleRNN',
  'LSTM',
  'GRU',
  'Conv1D',
  'MaxPooling1D',
  'AveragePooling1D',
  'GlobalAveragePooling1D',
  'GlobalMaxPooling1D',
] as const;
const RANK4 = ['Flatten', 'Conv2D', 'MaxPooling2D'] as const;

const divisors = (n: number) =>
  Array.from({ length: n }, (_, i) => i + 1).filter((d) => n % d === 0);
const at = <T>(xs: readonly T[], i: number): T => xs[i % xs.length] as T;

function entryFor(s: Step, shape: Shape): LayerEntry {
  const rank = shape.length;
  const kinds = [...ANY_RANK, ...(rank === 3 ? RANK3 : rank === 4 ? RANK4 : [])];
  const kind = at(kinds, s.pick);
  const activation = at(ACTIVATION_IDS, s.b);
  switch (kind) {
    case 'Dense':
      return [kind, { units: 1 + (s.a % 8), activation, use_bias: s.flag }];
    case 'SimpleRNN':
    case 'LSTM':
    case 'GRU':
      return [
        kind,
        { units: 1 + (s.a % 5), activation, return_sequences: s.flag, use_bias: s.c % 2 === 0 },
      ];
    case 'Conv1D': {
      const padding = at(['valid', 'same', 'causal'] as const, s.a + s.b);
      const dilation_rate = s.c % 4 === 0 ? 2 : 1;
      const strides = 1 + (s.b % 3);
      return [
        kind,
        {
          filters: 1 + (s.a % 4),
          kernel_size: 1 + (s.b % 4),
          strides,
          padding,
          dilation_rate,
          use_bias: s.flag,
        },
      ];
    }
    case 'MaxPooling1D':
    case 'AveragePooling1D':
      return [
        kind,
        {
          pool_size: 1 + (s.a % 4),
          strides: s.b % 3 === 0 ? null : 1 + (s.b % 3),
          padding: s.flag ? 'same' : 'valid',
        },
      ];
    case 'Conv2D':
      return [
        kind,
        {
          filters: 1 + (s.a % 3),
          kernel_size: [1 + (s.b % 3), 1 + (s.c % 3)],
          strides: [1 + (s.a % 2), 1 + (s.b % 2)],
          padding: s.flag ? 'same' : 'valid',
        },
      ];
    case 'MaxPooling2D':
      return [
        kind,
        {
          pool_size: [1 + (s.a % 3), 1 + (s.b % 3)],
          strides: s.c % 3 === 0 ? null : [1 + (s.c % 2), 2 - (s.c % 2)],
          padding: s.flag ? 'same' : 'valid',
        },
      ];
    case 'Reshape': {
      const total = shape.slice(1).reduce<number>((p, d) => p * (d ?? 1), 1);
      if (s.flag && s.a % 7 === 0) return [kind, { target_shape: [total + 1] }]; // refused on purpose
      const d1 = at(divisors(total), s.b);
      const d2 = at(divisors(total / d1), s.c);
      const forms = [[total], [total / d1, d1], [total / d1 / d2, d2, d1]];
      return [kind, { target_shape: at(forms, s.a) }];
    }
    case 'BatchNormalization':
      return [kind, { center: s.flag, scale: s.a % 2 === 0 }];
    case 'Dropout':
      return [kind, { rate: (s.a % 9) / 10 }];
    case 'LeakyReLU':
      return [kind, { alpha: (s.a % 10) / 10 }];
    case 'Activation':
      return [kind, { activation }];
    case 'Flatten':
    case 'PReLU':
    case 'ELU':
    case 'GlobalAveragePooling1D':
    case 'GlobalMaxPooling1D':
      return [kind];
  }
}

export function stackFrom(input: number[], steps: Step[]): ModelSpec {
  const entries: LayerEntry[] = [['Input', { shape: input }]];
  for (const s of steps) {
    const report = inferShapes(specFrom(entries));
    const shape = report.output;
    if (!shape) break;
    entries.push(entryFor(s, shape));
  }
  return specFrom(entries);
}
