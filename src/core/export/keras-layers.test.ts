/**
 * The layer core against Keras 3 itself: every kind over the table of configurations that
 * src/training/parity.test.ts checks against tfjs, and random stacks, built by the exported
 * script's build_model(). Shapes, parameter counts and model.summary() must equal the core's.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDef, LAYER_KINDS } from '../layers/catalog';
import type { ModelSpec } from '../model-spec';
import { defaultExperiment } from '../share/experiment';
import { inferShapes } from '../shapes';
import { specFrom } from '../spec-from';
import { summarize } from '../summary';
import { LAYER_CASES } from '../testing/layer-cases';
import { stackArb, stackFrom } from '../testing/random-stacks';
import { toKerasPython } from './keras-python';
import { pythonEnv, runPythonCases } from './testing/python-env';

const env = pythonEnv('keras-layers.test');

const tableCases = LAYER_KINDS.flatMap((kind) =>
  LAYER_CASES[kind].map((entries) => ({
    title: `${kind} ${JSON.stringify(entries.slice(1))}`,
    spec: specFrom(entries),
  })),
);
// A fixed seed: the same stacks on every run, so a failure can be rerun.
const randomCases = fc
  .sample(stackArb, { numRuns: 60, seed: 17 })
  .map(({ input, steps }) => stackFrom(input, steps))
  .filter((spec) => inferShapes(spec).ok)
  .map((spec, i) => ({
    title: `random stack ${i}: ${spec.layers.map((l) => l.kind).join(' → ')}`,
    spec,
  }));
const cases = [...tableCases, ...randomCases].map((c, i) => ({ ...c, id: `case${i}` }));

interface LayerView {
  name: string;
  type: string;
  output: (number | null)[];
  trainable: number;
  nonTrainable: number;
}
interface BuildResult {
  id: string;
  error: string | null;
  warnings: string[];
  layers?: LayerView[];
  summary?: string;
}

/** Keras 3 does not list the InputLayer among a Sequential model's layers. */
function coreView(spec: ModelSpec): LayerView[] {
  return inferShapes(spec)
    .layers.slice(1)
    .map((l) => ({
      name: l.name,
      type: getDef(l.kind).kerasClass,
      output: [...(l.output ?? [])],
      trainable: l.params.trainable,
      nonTrainable: l.params.nonTrainable,
    }));
}

const number = (text: string) => Number(text.replace(/,/g, ''));

/** The rows and totals of Keras 3's summary table (box-drawn, one row per layer). */
export function parseKerasSummary(text: string) {
  const rows = text
    .split('\n')
    .filter((line) => line.startsWith('│'))
    .map((line) => {
      const [layer = '', outputShape = '', params = ''] = line
        .split('│')
        .slice(1, -1)
        .map((c) => c.trim());
      const m = /^(.*) \((\w+)\)$/.exec(layer);
      return { name: m?.[1] ?? layer, type: m?.[2] ?? '', outputShape, params: number(params) };
    });
  const total = (label: string) =>
    number(new RegExp(`${label} params: ([\\d,]+)`).exec(text)?.[1] ?? 'NaN');
  return {
    rows,
    total: total('Total'),
    trainable: total(' Trainable'),
    nonTrainable: total('Non-trainable'),
  };
}

describe('parseKerasSummary', () => {
  it('reads the rows and totals of a Keras 3 summary', () => {
    const text = [
      'Model: "x"',
      '┃ Layer (type)              ┃ Output Shape      ┃   Param # ┃',
      '│ lstm (LSTM)               │ (None, 8, 4)      │       112 │',
      '│ dense_1 (Dense)           │ (None, 3)         │     1,099 │',
      ' Total params: 1,211 (4.73 KB)',
      ' Trainable params: 1,203 (4.70 KB)',
      ' Non-trainable params: 8 (32.00 B)',
    ].join('\n');
    expect(parseKerasSummary(text)).toEqual({
      rows: [
        { name: 'lstm', type: 'LSTM', outputShape: '(None, 8, 4)', params: 112 },
        { name: 'dense_1', type: 'Dense', outputShape: '(None, 3)', params: 1099 },
      ],
      total: 1211,
      trainable: 1203,
      nonTrainable: 8,
    });
  });
});

describe.skipIf(!env.ok)('the core equals Keras 3', () => {
  const results = new Map<string, BuildResult>();
  beforeAll(() => {
    if (!env.ok) return;
    const run = runPythonCases<BuildResult[]>(
      env,
      'keras_cases.py',
      cases.map((c) => ({
        id: c.id,
        kind: 'build',
        script: toKerasPython({ ...defaultExperiment(), model: c.spec }),
      })),
      // Shapes and weights come from the layers' own build(), the same code on every backend;
      // the numpy backend builds without compiling kernels per shape (JAX took ~1 s a case).
      // keras-script.test.ts builds and fits on JAX.
      { backend: 'numpy' },
    );
    expect(run.result, run.stderr.slice(-3000)).not.toBeNull();
    for (const r of run.result ?? []) results.set(r.id, r);
  }, 300_000);

  it('builds enough random stacks to mean something', () => {
    expect(randomCases.length).toBeGreaterThan(30);
  });

  it.each(cases)('$title', ({ id, spec }) => {
    const r = results.get(id);
    expect(r?.error ?? null, r?.error ?? '').toBeNull();
    expect(r?.warnings).toEqual([]);
    expect(r?.layers).toEqual(coreView(spec));
    const ours = summarize(spec);
    expect(parseKerasSummary(r?.summary ?? '')).toEqual({
      rows: ours.rows.map(({ name, type, outputShape, params }) => ({
        name,
        type,
        outputShape,
        params,
      })),
      total: ours.total,
      trainable: ours.trainable,
      nonTrainable: ours.nonTrainable,
    });
  });
});
