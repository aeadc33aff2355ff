/**
 * The core's shapes and parameter counts against tfjs itself: for every kind over a table of
 * configurations, and for random stacks. Each model also runs a forward pass, because tfjs's
 * declared output shape is not always what its call() produces (Conv1D 'causal').
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVATION_IDS } from '../core/activations';
import { LAYER_KINDS, getDef } from '../core/layers/catalog';
import type { Shape } from '../core/layers/types';
import type { ModelSpec } from '../core/model-spec';
import { inferShapes } from '../core/shapes';
import { specFrom, type LayerEntry } from '../core/spec-from';
import { buildModel, disposeModel } from './build-model';

let tensorsAtStart = 0;
beforeAll(async () => {
  tf.env().set('PROD', true); // silences the "install tfjs-node" banner
  expect(await tf.setBackend('cpu')).toBe(true);
  tensorsAtStart = tf.memory().numTensors;
});
afterAll(() => expect(tf.memory().numTensors).toBe(tensorsAtStart));

const size = (shape: readonly (number | null)[]) => shape.reduce<number>((a, b) => a * (b ?? 1), 1);
const sum = (ws: tf.LayerVariable[]) => ws.reduce((n, w) => n + size(w.shape), 0);

interface View {
  name: string;
  type: string;
  output: Shape | null;
  trainable: number;
  nonTrainable: number;
}

function coreView(spec: ModelSpec): View[] {
  return inferShapes(spec).layers.map((l) => ({
    name: l.name,
    type: getDef(l.kind).kerasClass,
    output: l.output,
    trainable: l.params.trainable,
    nonTrainable: l.params.nonTrainable,
  }));
}

function tfjsView(model: tf.Sequential): View[] {
  return model.layers.map((l) => {
    expect(l.countParams()).toBe(sum(l.weights));
    return {
      name: l.name,
      type: l.getClassName(),
      output: l.outputShape as Shape,
      trainable: sum(l.trainableWeights),
      nonTrainable: sum(l.nonTrainableWeights),
    };
  });
}

/** The shapes call() really produces, layer by layer, for a batch of 2 zeros. */
function forwardShapes(model: tf.Sequential, inputShape: readonly number[]): Shape[] {
  const shapes: Shape[] = [];
  tf.tidy(() => {
    let x: tf.Tensor = tf.zeros([2, ...inputShape]);
    for (const layer of model.layers.slice(1)) {
      x = layer.apply(x) as tf.Tensor;
      shapes.push([null, ...x.shape.slice(1)]);
    }
  });
  return shapes;
}

function expectParity(spec: ModelSpec) {
  const report = inferShapes(spec);
  expect(report.errors).toEqual([]);
  const model = buildModel(spec, { seed: 1 });
  try {
    expect(tfjsView(model)).toEqual(coreView(spec));
    const inputShape = spec.layers[0]?.kind === 'Input' ? spec.layers[0].params.shape : [];
    expect(forwardShapes(model, inputShape)).toEqual(report.layers.slice(1).map((l) => l.output));
  } finally {
    disposeModel(model);
  }
}

/** True when tfjs (not the core) rejects the model: at build, with an empty dim, or when run. */
function tfjsRefuses(spec: ModelSpec): boolean {
  let model: tf.Sequential;
  try {
    model = buildModel(spec, { validate: false });
  } catch {
    return true;
  }
  try {
    const declared = model.layers.map((l) => l.outputShape as Shape);
    if (declared.some((s) => s.some((d) => d !== null && d <= 0))) return true;
    const input = spec.layers[0]?.kind === 'Input' ? spec.layers[0].params.shape : [];
    const actual = forwardShapes(model, input);
    return actual.some((s, i) => JSON.stringify(s) !== JSON.stringify(declared[i + 1]));
  } catch {
    return true;
  } finally {
    disposeModel(model);
  }
}

const on = (shape: number[], ...layers: LayerEntry[]): LayerEntry[] => [
  ['Input', { shape }],
  ...layers,
];

/** Per kind, configurations chosen to hit the edge cases: padding, strides, odd sizes, flags. */
const CASES: Record<(typeof LAYER_KINDS)[number], LayerEntry[][]> = {
  Input: [on([5]), on([7, 3]), on([5, 4, 2])],
  Dense: [
    on([8], ['Dense', { units: 5, activation: 'relu' }]),
    on([8], ['Dense', { units: 3, use_bias: false }]),
    on([6, 4], ['Dense', { units: 7 }]),
    on([3, 4, 2], ['Dense', { units: 5, activation: 'softmax' }]),
  ],
  SimpleRNN: recurrentCases('SimpleRNN'),
  LSTM: recurrentCases('LSTM'),
  GRU: recurrentCases('GRU'),
  Conv1D: [
    on([9, 2], ['Conv1D', { filters: 4, kernel_size: 3 }]),
    on([10, 2], ['Conv1D', { filters: 3, kernel_size: 4, strides: 2, padding: 'same' }]),
    on([9, 2], ['Conv1D', { filters: 3, kernel_size: 3, strides: 2 }]),
    on([9, 3], ['Conv1D', { filters: 2, kernel_size: 3, padding: 'causal' }]),
    on([9, 3], ['Conv1D', { filters: 2, kernel_size: 2, strides: 3, padding: 'causal' }]),
    on([11, 2], ['Conv1D', { filters: 2, kernel_size: 3, dilation_rate: 2 }]),
    on([11, 2], ['Conv1D', { filters: 2, kernel_size: 3, dilation_rate: 3, padding: 'same' }]),
    on([11, 2], ['Conv1D', { filters: 2, kernel_size: 3, dilation_rate: 2, padding: 'causal' }]),
    on([7, 2], ['Conv1D', { filters: 5, kernel_size: 7, use_bias: false }]),
  ],
  Conv2D: [
    on([7, 9, 2], ['Conv2D', { filters: 3 }]),
    on(
      [7, 9, 2],
      ['Conv2D', { filters: 3, kernel_size: [2, 4], strides: [2, 3], padding: 'same' }],
    ),
    on([7, 9, 1], ['Conv2D', { filters: 2, strides: [2, 2] }]),
    on([5, 6, 3], ['Conv2D', { filters: 4, kernel_size: [5, 6], use_bias: false }]),
  ],
  MaxPooling1D: poolingCases('MaxPooling1D'),
  AveragePooling1D: poolingCases('AveragePooling1D'),
  MaxPooling2D: [
    on([7, 5, 3], ['MaxPooling2D']),
    on([7, 5, 3], ['MaxPooling2D', { pool_size: [3, 2], strides: [1, 2], padding: 'same' }]),
    on([7, 5, 3], ['MaxPooling2D', { padding: 'same' }]),
    on([7, 5, 3], ['MaxPooling2D', { pool_size: [2, 2], strides: [3, 1] }]),
  ],
  GlobalAveragePooling1D: [on([9, 4], ['GlobalAveragePooling1D'])],
  GlobalMaxPooling1D: [on([9, 4], ['GlobalMaxPooling1D'])],
  Flatten: [on([4, 3], ['Flatten']), on([2, 3, 4], ['Flatten'])],
  Reshape: [
    on([12], ['Reshape', { target_shape: [3, 4] }]),
    on([3, 4], ['Reshape', { target_shape: [12] }]),
    on([2, 3, 4], ['Reshape', { target_shape: [6, 2, 2] }]),
    on([12], ['Reshape', { target_shape: [2, 2, 3] }]),
  ],
  Dropout: [on([8], ['Dropout', { rate: 0.3 }]), on([4, 3], ['Dropout', { rate: 0 }])],
  BatchNormalization: [
    on([8], ['BatchNormalization']),
    on([5, 4], ['BatchNormalization', { center: false }]),
    on([3, 3, 2], ['BatchNormalization', { scale: false }]),
    on([6], ['BatchNormalization', { center: false, scale: false }]),
  ],
  Activation: ACTIVATION_IDS.map((activation) => on([4, 3], ['Activation', { activation }])),
  PReLU: [on([8], ['PReLU']), on([4, 3], ['PReLU']), on([2, 3, 2], ['PReLU'])],
  LeakyReLU: [on([8], ['LeakyReLU', { alpha: 0.1 }]), on([4, 3], ['LeakyReLU'])],
  ELU: [on([4, 3], ['ELU'])],
};

function recurrentCases(kind: 'SimpleRNN' | 'LSTM' | 'GRU'): LayerEntry[][] {
  return [
    on([7, 3], [kind, { units: 4 }]),
    on([7, 3], [kind, { units: 4, return_sequences: true }]),
    on([7, 3], [kind, { units: 1, use_bias: false }]),
    on([5, 2], [kind, { units: 3, return_sequences: true }], [kind, { units: 2 }]),
    on([6, 2], [kind, { units: 3, dropout: 0.2, recurrent_dropout: 0.1, activation: 'relu' }]),
  ];
}

function poolingCases(kind: 'MaxPooling1D' | 'AveragePooling1D'): LayerEntry[][] {
  return [
    on([9, 2], [kind]),
    on([9, 2], [kind, { pool_size: 3, strides: 2 }]),
    on([9, 2], [kind, { pool_size: 2, strides: 3, padding: 'same' }]),
    on([9, 2], [kind, { pool_size: 4, padding: 'same' }]),
    on([5, 2], [kind, { pool_size: 5 }]),
    on([3, 2], [kind, { pool_size: 5, padding: 'same' }]),
  ];
}

describe('core shapes and params equal tfjs', () => {
  for (const kind of LAYER_KINDS) {
    it.each(CASES[kind].map((entries) => [JSON.stringify(entries.slice(1)), entries] as const))(
      `${kind} %s`,
      (_, entries) => expectParity(specFrom(entries)),
    );
  }
});

describe('what the core refuses, tfjs refuses too', () => {
  it.each([
    ['pool longer than input', on([3, 2], ['MaxPooling1D', { pool_size: 5 }])],
    [
      'average pool longer than input',
      on([3, 2], ['AveragePooling1D', { pool_size: 4, strides: 1 }]),
    ],
    ['2-D pool larger than input', on([2, 9, 1], ['MaxPooling2D', { pool_size: [3, 3] }])],
    ['kernel longer than input', on([4, 2], ['Conv1D', { kernel_size: 5 }])],
    ['Conv2D kernel larger than input', on([4, 4, 1], ['Conv2D', { kernel_size: [5, 1] }])],
    ['strides with dilation', on([20, 1], ['Conv1D', { strides: 2, dilation_rate: 2 }])],
    ['Reshape size mismatch', on([6], ['Reshape', { target_shape: [4, 2] }])],
    ['Flatten of flat', on([8], ['Dense'], ['Flatten'])],
    ['LSTM on 2-D', on([8], ['Dense'], ['LSTM'])],
    ['Conv1D on 4-D', on([4, 4, 1], ['Conv1D'])],
  ] as const)('%s', (_, entries) => {
    const spec = specFrom(entries);
    expect(inferShapes(spec).ok).toBe(false);
    expect(tfjsRefuses(spec)).toBe(true);
  });

  it('tfjs 4.22 still has no GRU reset_after=true (core pins it to false)', () => {
    // resetAfter is missing from tfjs's own GRULayerArgs type, though the cell reads it.
    const args = { units: 2, resetAfter: true } as Parameters<typeof tf.layers.gru>[0];
    expect(() => tf.layers.gru(args)).toThrow(/reset_after/);
  });
});

/**
 * A small grammar of stacks: after an Input of rank 1, 2 or 3, each step picks a layer that
 * fits the current rank and derives its params from a few random numbers. The core may still
 * refuse a stack (a window longer than the input, strides with dilation, a bad Reshape); then
 * tfjs must refuse it too. The stack stops at the first layer the core refuses.
 */
const step = fc.record({
  pick: fc.nat(99),
  a: fc.nat(99),
  b: fc.nat(99),
  c: fc.nat(99),
  flag: fc.boolean(),
});
const dimArb = (max: number) => fc.integer({ min: 1, max });
const stackArb = fc.record({
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

function stackFrom(input: number[], steps: Step[]): ModelSpec {
  const entries: LayerEntry[] = [['Input', { shape: input }]];
  for (const s of steps) {
    const report = inferShapes(specFrom(entries));
    const shape = report.output;
    if (!shape) break;
    entries.push(entryFor(s, shape));
  }
  return specFrom(entries);
}

describe('random stacks', () => {
  it('core and tfjs agree on every stack the core accepts, and both refuse the rest', () => {
    const before = tf.memory().numTensors;
    let accepted = 0;
    fc.assert(
      fc.property(stackArb, ({ input, steps }) => {
        const spec = stackFrom(input, steps);
        if (inferShapes(spec).ok) {
          accepted += 1;
          expectParity(spec);
        } else {
          expect(tfjsRefuses(spec)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
    expect(accepted).toBeGreaterThan(50);
    expect(tf.memory().numTensors).toBe(before);
  });
});
