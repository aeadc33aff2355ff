import { layerNames } from '../model-spec';
import type { Experiment } from '../share/experiment';
import type { LossId } from '../training/settings';
import { HARD_SIGMOID_DEF, kerasLayerLine, usesHardSigmoid } from './keras-python-layers';
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
      '# The model.json of "Download trained model" (weights.bin beside it): start from those weights.',
      'WEIGHTS_PATH = None',
      ...dataSettings(exp.data, csvPath, input),
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
      `        loss=${kerasLoss(loss)},`,
      `        metrics=${kerasMetrics(t)},`,
      '    )',
    ].join('\n'),
    dataFunctions(exp.data, targetEncoding(loss)),
    LOAD_WEIGHTS,
    MAIN,
  ];
  return `${sections.join('\n\n\n')}\n`;
}

/**
 * tfjs saves raw little-endian float32 weights in the layouts Keras 3 uses for every Layerlab
 * layer (GRU as reset_after=False), but lists all trainable weights before the non-trainable
 * ones (BatchNormalization's moving statistics), where Keras goes layer by layer: so weights
 * are matched by their names, "layer/weight" in both.
 */
const LOAD_WEIGHTS = `def load_tfjs_weights(model, path):
    """Sets the model's weights from a tfjs model.json and the .bin files it names."""
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)["weightsManifest"]
    folder = os.path.dirname(os.path.abspath(path))
    saved = {}
    for group in manifest:
        data = b"".join(open(os.path.join(folder, p), "rb").read() for p in group["paths"])
        offset = 0
        for spec in group["weights"]:
            count = int(np.prod(spec["shape"], dtype=np.int64))
            saved[spec["name"]] = np.frombuffer(data, "<f4", count, offset).reshape(spec["shape"])
            offset += 4 * count
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
