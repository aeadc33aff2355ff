/**
 * The core's shapes and parameter counts against tfjs itself: for every kind over a table of
 * configurations, and for random stacks. Each model also runs a forward pass, because tfjs's
 * declared output shape is not always what its call() produces (Conv1D 'causal').
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYER_KINDS, getDef } from '../core/layers/catalog';
import type { Shape } from '../core/layers/types';
import type { ModelSpec } from '../core/model-spec';
import { inferShapes } from '../core/shapes';
import { specFrom } from '../core/spec-from';
import { LAYER_CASES as CASES, on } from '../core/testing/layer-cases';
import { stackArb, stackFrom } from '../core/testing/random-stacks';
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
