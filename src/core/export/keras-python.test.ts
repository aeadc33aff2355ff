import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetConfigSchema, type DatasetConfig } from '../../data/config';
import { specFrom } from '../spec-from';
import { updateParams } from '../model-spec';
import { defaultExperiment, type Experiment } from '../share/experiment';
import { LOSSES, OPTIMIZERS } from '../training/settings';
import { experimentArb } from '../share/testing/arbitraries';
import { toKerasPython } from './keras-python';
import { hasPython, runPython } from './testing/python-env';

const data = (raw: object): DatasetConfig => datasetConfigSchema.parse(raw);
const withTraining = (patch: Partial<Experiment['training']>): Experiment => {
  const e = defaultExperiment();
  return { ...e, training: { ...e.training, ...patch } };
};

describe('toKerasPython', () => {
  it('rebuilds the model as a Keras Sequential with the layer names Layerlab shows', () => {
    const script = toKerasPython(defaultExperiment());
    expect(script).toContain('    return keras.Sequential(\n        [\n');
    expect(script).toContain('keras.Input(shape=(2,), name="input_layer"),');
    expect(script).toContain(
      'layers.Dense(units=8, activation="relu", use_bias=True, name="dense"),',
    );
    expect(script).toContain(
      'layers.Dense(units=8, activation="relu", use_bias=True, name="dense_1"),',
    );
    expect(script).toContain(
      'layers.Dense(units=1, activation="sigmoid", use_bias=True, name="dense_2"),',
    );
    expect(script).toContain('import keras\nfrom keras import layers\n');
    expect(script.endsWith('if __name__ == "__main__":\n    main()\n')).toBe(true);
  });

  it('opens with a comment header, and builds in a MirroredStrategy scope only when asked', () => {
    const script = toKerasPython(defaultExperiment());
    const header = script.slice(0, script.indexOf('import contextlib'));
    for (const line of header.trimEnd().split('\n')) expect(line).toMatch(/^#/);
    expect(header).toContain('Keras 3');
    expect(header).toContain('Set DISTRIBUTE = True below');
    // Off by default: the script runs on any backend. keras-distribute.test runs it switched on.
    expect(script).toContain('\nDISTRIBUTE = False\n');
    expect(script).toContain('    strategy = tf.distribute.MirroredStrategy()\n');
    expect(script).toContain(
      '    with distribution_scope():\n        model = build_model()\n        compile_model(model)\n',
    );
  });

  it('defines its own hard sigmoid only when a layer uses it', () => {
    const plain = toKerasPython(defaultExperiment());
    expect(plain).not.toContain('def layerlab_hard_sigmoid');
    const e = defaultExperiment();
    const hard = toKerasPython({
      ...e,
      model: updateParams(e.model, e.model.layers[1]!.id, { activation: 'hard_sigmoid' }),
    });
    expect(hard).toContain('def layerlab_hard_sigmoid(x):');
    expect(hard.indexOf('def layerlab_hard_sigmoid')).toBeLessThan(hard.indexOf('def build_model'));
  });

  it('can start from the trained weights Layerlab downloads (tfjs model.json + weights.bin)', () => {
    const script = toKerasPython(defaultExperiment());
    expect(script).toContain('WEIGHTS_PATH = None\n');
    expect(script).toContain('def load_tfjs_weights(model, path):');
    expect(script).toContain(
      '    if WEIGHTS_PATH:\n        load_tfjs_weights(model, WEIGHTS_PATH)\n',
    );
  });

  it.each([
    ['sgd', 'keras.optimizers.SGD(learning_rate=0.01)'],
    ['momentum', 'keras.optimizers.SGD(learning_rate=0.01, momentum=0.9)'],
    ['adam', 'keras.optimizers.Adam(learning_rate=0.01, beta_1=0.9, beta_2=0.999, epsilon=1e-7)'],
    [
      'rmsprop',
      'keras.optimizers.RMSprop(learning_rate=0.01, rho=0.9, momentum=0.0, epsilon=1e-7)',
    ],
    [
      'adagrad',
      'keras.optimizers.Adagrad(learning_rate=0.01, initial_accumulator_value=0.1, epsilon=1e-7)',
    ],
    [
      'adamax',
      'keras.optimizers.Adamax(learning_rate=0.01, beta_1=0.9, beta_2=0.999, epsilon=1e-7)',
    ],
  ] as const)('compiles with the %s optimizer', (optimizer, expected) => {
    expect(OPTIMIZERS).toContain(optimizer);
    expect(toKerasPython(withTraining({ optimizer }))).toContain(`optimizer=${expected},`);
  });

  it.each([
    ['mse', 'keras.losses.MeanSquaredError()', 'to_numpy(dtype="float32")'],
    ['mae', 'keras.losses.MeanAbsoluteError()', 'to_numpy(dtype="float32")'],
    ['huber', 'keras.losses.Huber(delta=1.0)', 'to_numpy(dtype="float32")'],
    ['binary_crossentropy', 'keras.losses.BinaryCrossentropy()', 'codes.astype("float32")'],
    ['categorical_crossentropy', 'keras.losses.CategoricalCrossentropy()', 'to_categorical('],
    [
      'sparse_categorical_crossentropy',
      'keras.losses.SparseCategoricalCrossentropy()',
      'codes.astype("int64")',
    ],
  ] as const)(
    'compiles with the %s loss and encodes targets to match',
    (loss, expected, target) => {
      expect(LOSSES).toContain(loss);
      const script = toKerasPython(withTraining({ loss, metrics: ['accuracy', 'mae'] }));
      expect(script).toContain(`loss=${expected},`);
      expect(script).toContain('metrics=["accuracy", "mae"],');
      expect(script.slice(script.indexOf('def targets(values):'))).toContain(target);
    },
  );

  it('resolves a loss of auto from the caller, or from the data settings', () => {
    const auto = withTraining({ loss: 'auto' });
    expect(toKerasPython(auto)).toContain('loss=keras.losses.BinaryCrossentropy(),');
    expect(toKerasPython(auto)).toContain(
      "# Loss: 'auto' in Layerlab (picked from the data); here binary_crossentropy.",
    );
    expect(toKerasPython(auto, { loss: 'mse' })).toContain('loss=keras.losses.MeanSquaredError(),');
    const digits = {
      ...auto,
      data: data({ id: 'pixel-digits', prepare: { labelEncoding: 'sparse' } }),
    };
    expect(toKerasPython(digits)).toContain('loss=keras.losses.SparseCategoricalCrossentropy(),');
    const sine = { ...auto, data: data({ id: 'sine' }) };
    expect(toKerasPython(sine)).toContain('loss=keras.losses.MeanSquaredError(),');
    const csv = { ...auto, data: data({ source: 'csv', prepare: { task: 'multiclass' } }) };
    expect(toKerasPython(csv)).toContain('loss=keras.losses.CategoricalCrossentropy(),');
  });

  it('clips gradients as Layerlab does, by their global norm', () => {
    expect(toKerasPython(withTraining({ optimizer: 'sgd', clipNorm: 1 }))).toContain(
      'optimizer=keras.optimizers.SGD(learning_rate=0.01, global_clipnorm=1.0),',
    );
  });

  it('writes the training settings as constants', () => {
    const script = toKerasPython(
      withTraining({ epochs: 7, batchSize: 16, seed: 3, learningRate: 0.5 }),
    );
    expect(script).toContain('SEED = 3');
    expect(script).toContain('EPOCHS = 7\nBATCH_SIZE = 16\n');
    expect(script).toContain('learning_rate=0.5');
    expect(script).toContain('keras.utils.set_random_seed(SEED)');
  });

  it('expects a CSV export of built-in data, read from data.csv', () => {
    const script = toKerasPython(defaultExperiment());
    expect(script).toContain('# This script expects a CSV export of it');
    expect(script).toContain('built-in data set ("circle")');
    expect(script).toContain('CSV_PATH = "data.csv"');
    expect(script).toContain('CHRONOLOGICAL = False');
    expect(script).not.toContain('def make_windows');
  });

  it('reads a CSV by its own name, or the path given, escaping both', () => {
    const e = {
      ...defaultExperiment(),
      data: data({
        source: 'csv',
        fileName: 'my "sales".csv',
        roles: { month: 'time', sales: 'label' },
      }),
    };
    const script = toKerasPython(e);
    expect(script).toContain('CSV_PATH = "my \\"sales\\".csv"');
    expect(script).toContain('ROLES = {"month": "time", "sales": "label"}');
    expect(script).toContain('CHRONOLOGICAL = True');
    expect(toKerasPython(e, { csvPath: '/data/x.csv' })).toContain('CSV_PATH = "/data/x.csv"');
  });

  it('cuts windows when the data config windows a series', () => {
    const e = {
      ...defaultExperiment(),
      model: specFrom([
        ['Input', { shape: [24, 1] }],
        ['LSTM', { units: 8 }],
        ['Dense', { units: 1 }],
      ]),
      data: data({
        source: 'builtin',
        id: 'sine',
        prepare: { windowing: { enabled: true, horizon: 3, targetColumn: 'value' } },
      }),
    };
    const script = toKerasPython(e);
    expect(script).toContain('WINDOW_LENGTH = 24\nWINDOW_STRIDE = 1\n');
    expect(script).toContain('HORIZON = 3');
    expect(script).toContain('TARGET_COLUMN = "value"');
    expect(script).toContain('INPUT_SHAPE = (24, 1)');
    expect(script).toContain('def make_windows(features, target):');
    expect(script).toContain('CHRONOLOGICAL = True');
  });

  it.skipIf(!hasPython)('writes valid Python for random experiments (python3 ast.parse)', () => {
    const scripts = fc.sample(experimentArb, { numRuns: 60, seed: 7 }).map((e) => toKerasPython(e));
    const hostile = defaultExperiment();
    hostile.model.layers[1] = {
      ...hostile.model.layers[1]!,
      name: "a\"b'''\\\n\r\u2028😀",
    } as never;
    scripts.push(toKerasPython(hostile, { csvPath: '"""\n#' }));
    const code = 'import ast, json, sys\nfor s in json.load(sys.stdin): ast.parse(s)\nprint("ok")';
    const r = runPython(code, { input: JSON.stringify(scripts) });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('ok');
  });
});

if (!hasPython)
  console.info('keras-python.test: no python3 here, so the ast.parse check was skipped');
