import type { Experiment } from '../share/experiment';
import { fail, ok, type Result } from '../result';
import type { LossId } from '../training/settings';
import { targetEncoding } from './keras-python-compile';
import { dataFunctions, READ_TFJS_WEIGHTS, scriptData } from './keras-python-data';
import { planLayers } from './layer-plan';
import { pyNumber, pyString } from './python';
import { TORCH_HELPERS } from './pytorch-helpers';
import { torchLayer, type TorchHelper, type TorchLayer } from './pytorch-layers';
import { torchLoss, torchOptimizer } from './pytorch-train';

export interface PytorchOptions {
  csvPath?: string;
  loss?: LossId;
  /** The model.json the script loads trained weights from (weights.bin beside it); null: none. */
  weightsPath?: string | null;
}

const PY_KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(
    ' ',
  ),
);

/** Module attribute names from Keras names: identifiers, unique ("dense_1", "my_layer"). */
function attributeNames(names: readonly string[]): string[] {
  const taken = new Set<string>(['training', 'forward']);
  return names.map((name) => {
    let base = name.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z_]/.test(base) || PY_KEYWORDS.has(base)) base = `layer_${base}`;
    let attr = base;
    for (let n = 1; taken.has(attr); n++) attr = `${base}_${n}`;
    taken.add(attr);
    return attr;
  });
}

const indent = (lines: readonly string[], n: number) => lines.map((l) => `${' '.repeat(n)}${l}`);

const HARD_SIGMOID = `def hard_sigmoid(x):
    """hard_sigmoid as Layerlab (tfjs, Keras 2) computes it; PyTorch's hardsigmoid is x / 6 + 0.5."""
    return torch.clamp(0.2 * x + 0.5, 0.0, 1.0)`;

const LOAD_WEIGHTS = `def load_tfjs_weights(model, path):
    """Sets the model's weights from a tfjs model.json and the .bin files it names: the files of
    Layerlab's "Trained model (TensorFlow.js files)", in Keras' layouts, converted here."""
    saved = read_tfjs_weights(path)

    def take(name):
        if name not in saved:
            raise SystemExit(f"{path} has no weight {name}: is it this model's download?")
        return torch.from_numpy(saved.pop(name).copy())

    with torch.no_grad():
        set_weights(model, take)
    if saved:
        raise SystemExit(f"{path} has weights this model does not: {sorted(saved)}")`;

const MAIN = `def main():
    torch.manual_seed(SEED)
    x_train, y_train, x_val, y_val = (torch.from_numpy(np.asarray(a)) for a in load_data())
    model = LayerlabModel()
    if WEIGHTS_PATH and os.path.exists(WEIGHTS_PATH):
        load_tfjs_weights(model, WEIGHTS_PATH)
    print(model)
    optimizer = make_optimizer(model.parameters())
    for epoch in range(EPOCHS):
        model.train()
        order = torch.randperm(len(x_train))
        total = 0.0
        for start in range(0, len(order), BATCH_SIZE):
            batch = order[start : start + BATCH_SIZE]
            optimizer.zero_grad()
            loss = loss_fn(model(x_train[batch]), y_train[batch])
            loss.backward()
            if CLIP_NORM is not None:
                torch.nn.utils.clip_grad_norm_(model.parameters(), CLIP_NORM)
            optimizer.step()
            total += loss.item() * len(batch)
        message = f"Epoch {epoch + 1}/{EPOCHS} - loss: {total / len(x_train):.4f}"
        if len(x_val):
            model.eval()
            with torch.no_grad():
                message += f" - val_loss: {loss_fn(model(x_val), y_val).item():.4f}"
        print(message)
    torch.save(model.state_dict(), "model.pt")


if __name__ == "__main__":
    main()`;

/**
 * A PyTorch script with the experiment's model as an nn.Module that takes Keras' channels-last
 * input, loads the trained weights from the tfjs download (converted to PyTorch's layouts),
 * and trains it as the Keras script does: same data handling, optimizer constants, loss,
 * epochs and batch size. Fails only for a model that does not build.
 */
export function toPytorchScript(exp: Experiment, opts: PytorchOptions = {}): Result<string> {
  const plan = planLayers(exp.model);
  if (!plan.ok) return fail(plan.reason);
  const planned = plan.value.layers;
  const attrs = attributeNames(planned.map((p) => p.name));
  const layers: TorchLayer[] = planned.map((p, i) => torchLayer(p, attrs[i] ?? `layer_${i}`));
  const helpers = [...new Set(layers.flatMap((l) => l.helpers))].sort() as TorchHelper[];
  const notes = layers.flatMap((l) => l.notes);
  const t = exp.training;
  const data = scriptData(exp, opts);
  const encoding = targetEncoding(data.loss);
  const init = layers.flatMap((l) => l.init);
  const sections = [
    [
      '# Made by Layerlab: the model of one experiment as a PyTorch nn.Module, its trained weights',
      '# (from the TensorFlow.js files beside this script) and a training loop like the Keras script.',
      '# Needs: pip install torch numpy pandas',
      '#',
      '# The model takes Keras-shaped input, channels last: (batch, steps, features) or',
      '# (batch, height, width, channels); convolutions move channels first inside.',
      ...data.notes.map((l) => `# ${l}`),
      ...notes.map((n) => `# Note: ${n}`),
      'import json',
      'import math',
      'import os',
      '',
      'import numpy as np',
      'import pandas as pd',
      'import torch',
      'import torch.nn.functional as F',
      'from torch import nn',
    ].join('\n'),
    [
      `SEED = ${pyNumber(t.seed)}`,
      `EPOCHS = ${pyNumber(t.epochs)}`,
      `BATCH_SIZE = ${pyNumber(t.batchSize)}`,
      `CLIP_NORM = ${t.clipNorm === null ? 'None' : pyNumber(t.clipNorm, { float: true })}  # of all gradients together`,
      '# The model.json of "Trained model (TensorFlow.js files)" (weights.bin beside it).',
      `WEIGHTS_PATH = ${opts.weightsPath ? pyString(opts.weightsPath) : 'None'}`,
      ...data.settings,
    ].join('\n'),
    HARD_SIGMOID,
    ...helpers.map((h) => TORCH_HELPERS[h]),
    [
      'class LayerlabModel(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      ...indent(init.length ? init : ['pass'], 8),
      '',
      '    def forward(self, x):',
      ...indent(
        layers.flatMap((l) => l.forward),
        8,
      ),
      '        return x',
    ].join('\n'),
    [
      'def set_weights(model, take):',
      '    """Keras weights by name ("layer/weight") into the modules, in PyTorch\'s layouts."""',
      ...indent(layers.flatMap((l) => l.load).length ? layers.flatMap((l) => l.load) : ['pass'], 4),
    ].join('\n'),
    READ_TFJS_WEIGHTS,
    LOAD_WEIGHTS,
    // Class targets as codes for both categorical losses: loss_fn picks each code's probability.
    dataFunctions(exp.data, encoding === 'one-hot' ? 'sparse' : encoding),
    torchLoss(data.loss),
    ['def make_optimizer(params):', `    return ${torchOptimizer(t)}`].join('\n'),
    MAIN,
  ];
  return ok(`${sections.join('\n\n\n')}\n`);
}
