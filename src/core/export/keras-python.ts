import { layerNames } from '../model-spec';
import type { Experiment } from '../share/experiment';
import type { LossId } from '../training/settings';
import { kerasLayerLine } from './keras-python-layers';
import { kerasLoss, kerasMetrics, kerasOptimizer, targetEncoding } from './keras-python-compile';
import { dataFunctions, dataNote, dataSettings, guessLoss } from './keras-python-data';
import { pyNumber } from './python';

export interface KerasPythonOptions {
  /** Where the script reads its data; default: the CSV's own file name, else "data.csv". */
  csvPath?: string;
  /** The loss training resolved for a loss of 'auto' (the data's suggestion); else guessed. */
  loss?: LossId;
}

const HEADER = [
  '# Made by Layerlab: the model, optimizer, loss and data handling of one experiment, in Keras.',
  '# Runs on Keras 3 (TensorFlow 2.16+ ships it as `keras`; JAX and PyTorch backends work too).',
  '# Needs: pip install keras tensorflow pandas',
  '#',
  '# Outgrowing one machine? This is plain Keras, so TensorFlow distributed training applies',
  '# unchanged (TensorFlow backend): build and compile the model inside a strategy scope, e.g.',
  '#',
  '#     import tensorflow as tf',
  '#     strategy = tf.distribute.MirroredStrategy()  # every GPU of this machine',
  '#     # strategy = tf.distribute.MultiWorkerMirroredStrategy()  # several machines (TF_CONFIG)',
  '#     with strategy.scope():',
  '#         model = build_model()',
  '#         compile_model(model)',
  '#',
];

/** Where the exported script reads its data when no path is given. */
export function defaultCsvPath(exp: Experiment): string {
  return exp.data.source === 'csv' ? exp.data.fileName || 'data.csv' : 'data.csv';
}

/**
 * A Python script that rebuilds the experiment's Sequential model with Keras's own names and
 * arguments, compiles it the same way and fits it on a CSV. Pure text: user-provided strings
 * only ever appear as escaped Python string literals.
 */
export function toKerasPython(exp: Experiment, opts: KerasPythonOptions = {}): string {
  const csvPath = opts.csvPath ?? defaultCsvPath(exp);
  const names = layerNames(exp.model);
  const first = exp.model.layers[0];
  const input = first?.kind === 'Input' ? [null, ...first.params.shape] : null;
  const t = exp.training;
  const loss = t.loss === 'auto' ? (opts.loss ?? guessLoss(exp.data)) : t.loss;
  const lossNote =
    t.loss === 'auto' ? [`# Loss: 'auto' in Layerlab (picked from the data); here ${loss}.`] : [];
  const layerLines = exp.model.layers.map(
    (l, i) => `            ${kerasLayerLine(l, names[i] ?? l.id)}`,
  );
  const sections = [
    [
      ...HEADER,
      ...dataNote(exp.data, csvPath).map((l) => `# ${l}`),
      ...lossNote,
      'import numpy as np',
      'import pandas as pd',
      'import keras',
      'from keras import layers',
    ].join('\n'),
    [
      `SEED = ${pyNumber(t.seed)}  # weights, dropout and shuffling`,
      `EPOCHS = ${pyNumber(t.epochs)}`,
      `BATCH_SIZE = ${pyNumber(t.batchSize)}`,
      ...dataSettings(exp.data, csvPath, input),
    ].join('\n'),
    [
      'def build_model():',
      '    return keras.Sequential(',
      '        [',
      ...layerLines,
      '        ],',
      '        name="layerlab_model",',
      '    )',
      '',
      '',
      'def compile_model(model):',
      '    model.compile(',
      `        optimizer=${kerasOptimizer(t)},`,
      `        loss=${kerasLoss(loss)},`,
      `        metrics=${kerasMetrics(t)},`,
      '    )',
    ].join('\n'),
    dataFunctions(exp.data, targetEncoding(loss)),
    MAIN,
  ];
  return `${sections.join('\n\n\n')}\n`;
}

const MAIN = `def main():
    keras.utils.set_random_seed(SEED)
    x_train, y_train, x_val, y_val = load_data()
    model = build_model()
    compile_model(model)
    model.summary()
    model.fit(
        x_train,
        y_train,
        validation_data=(x_val, y_val) if len(x_val) else None,
        batch_size=BATCH_SIZE,
        epochs=EPOCHS,
        shuffle=True,
    )
    model.save("model.keras")


if __name__ == "__main__":
    main()`;
