import { layerNames } from '../model-spec';
import type { Experiment } from '../share/experiment';
import type { LossId } from '../training/settings';
import { HARD_SIGMOID_DEF, kerasLayerLine, usesHardSigmoid } from './keras-python-layers';
import { kerasLoss, kerasMetrics, kerasOptimizer, targetEncoding } from './keras-python-compile';
import { dataFunctions, READ_TFJS_WEIGHTS, scriptData } from './keras-python-data';
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
  '# Outgrowing one machine? Set DISTRIBUTE = True below (TensorFlow backend) for every GPU here.',
];

// The Keras tuner export reads its data as this script does.
export { defaultCsvPath } from './keras-python-data';

/**
 * A Python script that rebuilds the experiment's Sequential model with Keras's own names and
 * arguments, compiles it the same way and fits it on a CSV. Pure text: user-provided strings
 * only ever appear as escaped Python string literals.
 */
export function toKerasPython(exp: Experiment, opts: KerasPythonOptions = {}): string {
  const names = layerNames(exp.model);
  const t = exp.training;
  const data = scriptData(exp, opts);
  const layerLines = exp.model.layers.map(
    (l, i) => `            ${kerasLayerLine(l, names[i] ?? l.id)}`,
  );
  const sections = [
    [
      ...HEADER,
      ...data.notes.map((l) => `# ${l}`),
      'import contextlib',
      'import json',
      'import os',
      '',
      'import numpy as np',
      'import pandas as pd',
      'import keras',
      'from keras import layers',
    ].join('\n'),
    [
      `SEED = ${pyNumber(t.seed)}  # weights, dropout and shuffling`,
      `EPOCHS = ${pyNumber(t.epochs)}`,
      `BATCH_SIZE = ${pyNumber(t.batchSize)}`,
      ...DISTRIBUTE,
      '# The model.json of "Download trained model" (weights.bin beside it): start from those weights.',
      'WEIGHTS_PATH = None',
      ...data.settings,
    ].join('\n'),
    ...(exp.model.layers.some(usesHardSigmoid) ? [HARD_SIGMOID_DEF] : []),
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
      `        loss=${kerasLoss(data.loss)},`,
      `        metrics=${kerasMetrics(t)},`,
      '    )',
    ].join('\n'),
    dataFunctions(exp.data, targetEncoding(data.loss)),
    DISTRIBUTION_SCOPE,
    READ_TFJS_WEIGHTS,
    LOAD_WEIGHTS,
    MAIN,
  ];
  return `${sections.join('\n\n\n')}\n`;
}

const DISTRIBUTE = [
  '# True: train on every GPU of this machine with tf.distribute.MirroredStrategy (TensorFlow',
  '# backend: KERAS_BACKEND=tensorflow). BATCH_SIZE is then the global batch, split among them.',
  'DISTRIBUTE = False',
];

/**
 * Keras 3 on TensorFlow takes tf.distribute as Keras 2 did: a model built and compiled in a
 * strategy's scope keeps that strategy, and fit() spreads each batch over its devices.
 */
const DISTRIBUTION_SCOPE = `def distribution_scope():
    """Where the model is built and compiled: a MirroredStrategy's scope when DISTRIBUTE is set.
    For several machines, use tf.distribute.MultiWorkerMirroredStrategy() (TF_CONFIG on each)."""
    if not DISTRIBUTE:
        return contextlib.nullcontext()
    if keras.backend.backend() != "tensorflow":
        raise SystemExit(
            f"DISTRIBUTE needs Keras on TensorFlow, not {keras.backend.backend()}: "
            "pip install tensorflow, then run with KERAS_BACKEND=tensorflow."
        )
    import tensorflow as tf

    strategy = tf.distribute.MirroredStrategy()
    print(f"Training on {strategy.num_replicas_in_sync} device(s) with MirroredStrategy.")
    return strategy.scope()`;

/**
 * tfjs saves raw little-endian float32 weights in the layouts Keras 3 uses for every Layerlab
 * layer (GRU as reset_after=False), but lists all trainable weights before the non-trainable
 * ones (BatchNormalization's moving statistics), where Keras goes layer by layer: so weights
 * are matched by their names, "layer/weight" in both.
 */
const LOAD_WEIGHTS = `def load_tfjs_weights(model, path):
    """Sets the model's weights from a tfjs model.json and the .bin files it names."""
    saved = read_tfjs_weights(path)
    for layer in model.layers:
        names = [f"{layer.name}/{w.name}" for w in layer.weights]
        missing = [n for n in names if n not in saved]
        if missing:
            raise SystemExit(f"{path} has no weights {missing}: is it this model's download?")
        layer.set_weights([saved.pop(n) for n in names])
    if saved:
        raise SystemExit(f"{path} has weights this model does not: {sorted(saved)}")`;

const MAIN = `def main():
    keras.utils.set_random_seed(SEED)
    x_train, y_train, x_val, y_val = load_data()
    with distribution_scope():
        model = build_model()
        compile_model(model)
    if WEIGHTS_PATH:
        load_tfjs_weights(model, WEIGHTS_PATH)
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
