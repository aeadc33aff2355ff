import type { LayerSpec } from '../layers/catalog';
import { looseDef } from '../layers/catalog';
import { layerNames } from '../model-spec';
import type { Experiment } from '../share/experiment';
import type { SweepDefinition, SweepParam, SweepSpace, SweepValue } from '../sweep/definition';
import type { SweepPlan } from '../sweep/expand';
import { sweepCsvHeader } from '../sweep/export';
import { sweepMetricOf } from '../sweep/results';
import { OPTIMIZERS, type LossId, type OptimizerId } from '../training/settings';
import { HARD_SIGMOID_DEF, kerasLayerLine, usesHardSigmoid } from './keras-python-layers';
import { kerasLoss, kerasMetrics, kerasOptimizer, targetEncoding } from './keras-python-compile';
import { dataFunctions, scriptData } from './keras-python-data';
import { pyBool, pyList, pyNumber, pyString } from './python';

/**
 * A sweep as Python: a Keras Tuner search (GridSearch or RandomSearch over hp.Choice, hp.Int
 * and hp.Float with the sweep's own names and ranges), or a plain loop over the very runs the
 * sweep planned, for where Keras Tuner is not wanted. Both share the data handling, model and
 * compile code of the Keras export; varied things are read from a dict `p` by their labels.
 */
export type SweepScriptKind = 'keras-tuner' | 'loop';

export interface SweepScriptInput {
  exp: Experiment;
  definition: SweepDefinition;
  plan: SweepPlan;
  /** The loss 'auto' resolved to (the data's suggestion). */
  loss?: LossId;
  csvPath?: string;
}

// Stand-ins put in the varied arguments and swapped for `p[...]` once rendered: each renders
// as itself in every Keras argument mapping, and no real setting holds them.
const INT_MARK = 987654321;
const FLOAT_MARK = 0.987654321;
const STRING_MARK = 'layerlab_sweep_mark';

const access = (label: string) => `p[${pyString(label)}]`;

function markFor(space: SweepSpace): SweepValue {
  if (space.type === 'Int') return INT_MARK;
  if (space.type === 'Float') return FLOAT_MARK;
  const first = space.values[0];
  if (typeof first === 'string') return STRING_MARK;
  return Number.isInteger(first) ? INT_MARK : FLOAT_MARK;
}

function swapMark(text: string, mark: SweepValue, label: string): string {
  const rendered = typeof mark === 'string' ? pyString(mark) : String(mark);
  return text.split(rendered).join(access(label));
}

function layerLine(
  layer: LayerSpec,
  name: string,
  params: readonly SweepParam[],
  labels: string[],
) {
  let patched: Record<string, unknown> = { ...layer.params };
  const marks: { mark: SweepValue; label: string }[] = [];
  params.forEach((p, i) => {
    if (p.target.kind !== 'layer' || p.target.layerId !== layer.id) return;
    const field = looseDef(layer.kind).fields.find(
      (f) => f.name === (p.target as { arg: string }).arg,
    );
    const mark = markFor(p.space);
    const value = field?.type === 'intList' ? Array(field.minLength).fill(mark) : mark;
    patched = { ...patched, [p.target.arg]: value };
    marks.push({ mark, label: labels[i] as string });
  });
  let line = kerasLayerLine({ ...layer, params: patched } as LayerSpec, name);
  for (const m of marks) line = swapMark(line, m.mark, m.label);
  return line;
}

const settingIndex = (def: SweepDefinition, name: string) =>
  def.params.findIndex((p) => p.target.kind === 'setting' && p.target.name === name);

function pyLiteral(v: SweepValue): string {
  if (typeof v === 'boolean') return pyBool(v);
  if (typeof v === 'string') return pyString(v);
  return pyNumber(v);
}

/** hp.Choice / hp.Int / hp.Float with Keras Tuner's argument names. */
export function hpCall(label: string, space: SweepSpace): string {
  const name = pyString(label);
  if (space.type === 'Choice') return `hp.Choice(${name}, ${pyList(space.values.map(pyLiteral))})`;
  const float = space.type === 'Float';
  const n = (x: number) => pyNumber(x, { float });
  const step =
    space.step !== null
      ? `, step=${n(space.step)}`
      : space.type === 'Int'
        ? `, step=${space.sampling === 'log' ? 2 : 1}`
        : '';
  return `hp.${space.type}(${name}, min_value=${n(space.min_value)}, max_value=${n(space.max_value)}${step}, sampling=${pyString(space.sampling)})`;
}

export function toSweepPython(kind: SweepScriptKind, input: SweepScriptInput): string {
  const { exp, definition: def, plan } = input;
  const labels = plan.labels;
  const t = exp.training;
  const data = scriptData(exp, input);
  const loss = data.loss;
  const names = layerNames(exp.model);
  const get = (name: string, fallback: string) => {
    const i = settingIndex(def, name);
    return i >= 0 ? access(labels[i] as string) : fallback;
  };
  const lr = get('learningRate', pyNumber(t.learningRate, { float: true }));
  const optimizerIndex = settingIndex(def, 'optimizer');
  const optimizers: readonly OptimizerId[] = optimizerIndex >= 0 ? OPTIMIZERS : [t.optimizer];
  const optimizerLines = optimizers.map((o) => {
    const call = kerasOptimizer({ ...t, optimizer: o, learningRate: FLOAT_MARK });
    return `        ${pyString(o)}: lambda: ${call.split(String(FLOAT_MARK)).join('learning_rate')},`;
  });
  const es = def.earlyStopping;
  const callbacks = es
    ? `[keras.callbacks.EarlyStopping(monitor=${pyString(es.monitor)}, patience=${es.patience}, min_delta=${pyNumber(es.min_delta, { float: true })})]`
    : '[]';
  const common = [
    [
      `# Made by Layerlab: a sweep over ${labels.join(', ')} of one experiment, in Keras.`,
      kind === 'keras-tuner'
        ? '# Needs: pip install keras keras-tuner tensorflow pandas'
        : '# A plain loop over the runs the sweep planned (no Keras Tuner). Needs: pip install keras tensorflow pandas',
      ...data.notes.map((l) => `# ${l}`),
      ...plan.skipped.map(
        (s) => `# Skipped (${s.values.map(pyLiteral).join(', ')}): ${s.reason.replace(/\n/g, ' ')}`,
      ),
      ...(kind === 'loop' ? ['import csv'] : []),
      'import json',
      ...(kind === 'loop' ? ['import math', 'import time'] : []),
      '',
      'import numpy as np',
      'import pandas as pd',
      'import keras',
      'from keras import layers',
      ...(kind === 'keras-tuner' ? ['import keras_tuner as kt'] : []),
    ].join('\n'),
    [
      `SEED = ${pyNumber(t.seed)}  # weights, dropout and shuffling`,
      `EPOCHS = ${pyNumber(t.epochs)}`,
      `BATCH_SIZE = ${pyNumber(t.batchSize)}`,
      `CALLBACKS = lambda: ${callbacks}`,
      ...data.settings,
    ].join('\n'),
    ...(exp.model.layers.some(usesHardSigmoid) ? [HARD_SIGMOID_DEF] : []),
    [
      'def build_model(p):',
      `    keras.utils.set_random_seed(${get('seed', 'SEED')})`,
      '    return keras.Sequential(',
      '        [',
      ...exp.model.layers.map(
        (l, i) => `            ${layerLine(l, names[i] ?? l.id, def.params, labels)}`,
      ),
      '        ],',
      '        name="layerlab_model",',
      '    )',
      '',
      '',
      'def make_optimizer(name, learning_rate):',
      '    return {',
      ...optimizerLines,
      '    }[name]()',
      '',
      '',
      'def compile_model(model, p):',
      '    model.compile(',
      `        optimizer=make_optimizer(${get('optimizer', pyString(t.optimizer))}, ${lr}),`,
      `        loss=${kerasLoss(loss)},`,
      `        metrics=${kerasMetrics(t)},`,
      '    )',
      '',
      '',
      'def fit(model, p, x_train, y_train, x_val, y_val):',
      '    return model.fit(',
      '        x_train,',
      '        y_train,',
      '        validation_data=(x_val, y_val) if len(x_val) else None,',
      `        batch_size=${get('batchSize', 'BATCH_SIZE')},`,
      `        epochs=${get('epochs', 'EPOCHS')},`,
      '        shuffle=True,',
      '        callbacks=CALLBACKS(),',
      '        verbose=0,',
      '    )',
    ].join('\n'),
    dataFunctions(exp.data, targetEncoding(loss)),
  ];
  return `${[...common, kind === 'keras-tuner' ? tunerMain(def, labels) : loopMain(plan, sweepMetricOf({ loss, metrics: t.metrics }))].join('\n\n\n')}\n`;
}

function tunerMain(def: SweepDefinition, labels: string[]): string {
  const choose = def.params.map(
    (p, i) => `    ${pyString(labels[i] as string)}: ${hpCall(labels[i] as string, p.space)},`,
  );
  const tuner =
    def.strategy === 'grid'
      ? 'kt.GridSearch(SweepModel(), objective="val_loss", directory="sweep", project_name="layerlab", overwrite=True)'
      : `kt.RandomSearch(SweepModel(), objective="val_loss", max_trials=${def.count}, seed=${def.seed}, directory="sweep", project_name="layerlab", overwrite=True)`;
  return [
    'def choose(hp):',
    '    return {',
    ...choose,
    '    }',
    '',
    '',
    'class SweepModel(kt.HyperModel):',
    '    def build(self, hp):',
    '        p = choose(hp)',
    '        model = build_model(p)',
    '        compile_model(model, p)',
    '        return model',
    '',
    '    def fit(self, hp, model, x_train, y_train, validation_data=None, **kwargs):',
    '        x_val, y_val = validation_data',
    '        return fit(model, choose(hp), x_train, y_train, x_val, y_val)',
    '',
    '',
    'def main():',
    '    x_train, y_train, x_val, y_val = load_data()',
    `    tuner = ${tuner}`,
    '    tuner.search(x_train, y_train, validation_data=(x_val, y_val))',
    '    tuner.results_summary()',
    '    print(json.dumps(tuner.get_best_hyperparameters(1)[0].values))',
    '',
    '',
    'if __name__ == "__main__":',
    '    main()',
  ].join('\n');
}

/**
 * The plain loop reports each run under the columns of Layerlab's own results export (same
 * names, same order, same rules for the best run), printed as JSON lines and written to
 * sweep_results.csv, so a sweep rerun here lines up with the one run in the browser.
 */
function loopMain(plan: SweepPlan, metric: 'accuracy' | 'mae' | null): string {
  const runs = plan.runs.map(
    (r) =>
      `    {${r.values.map((v, i) => `${pyString(plan.labels[i] as string)}: ${pyLiteral(v)}`).join(', ')}},`,
  );
  const columns = sweepCsvHeader(plan.labels, metric);
  const metricColumn = columns[columns.indexOf('final_loss') + 1] as string;
  return [
    '# The runs of the sweep, in order (the same values Layerlab ran).',
    'RUNS = [',
    ...runs,
    ']',
    `METRIC = ${metric ? pyString(metric) : 'None'}`,
    "# The columns of Layerlab's results export (Export results as CSV), in its order.",
    `COLUMNS = ${pyList(columns.map(pyString))}`,
    '',
    '',
    'def finite(xs):',
    '    return [float(x) for x in xs if math.isfinite(x)]',
    '',
    '',
    'def summarise(i, p, history, seconds):',
    '    losses = history.get("loss", [])',
    '    val = finite(history.get("val_loss", []))',
    '    metric = (history.get("val_" + METRIC) or history.get(METRIC) or []) if METRIC else []',
    '    last = lambda xs: float(xs[-1]) if xs and math.isfinite(xs[-1]) else None',
    '    return {',
    '        "run": i,',
    '        **p,',
    '        "outcome": "finished" if all(math.isfinite(x) for x in losses) else "diverged",',
    '        "best_val_loss": min(val) if val else None,',
    '        "final_val_loss": last(history.get("val_loss", [])),',
    '        "final_loss": last(losses),',
    `        ${pyString(metricColumn)}: last(metric),`,
    '        "epochs": len(losses),',
    '        "time_s": round(seconds, 2),',
    '        "message": "",',
    '    }',
    '',
    '',
    '# As Layerlab picks the best run: the lowest validation loss, else the lowest training loss.',
    'def objective(r):',
    '    return r["best_val_loss"] if r["best_val_loss"] is not None else r["final_loss"]',
    '',
    '',
    'def main():',
    '    x_train, y_train, x_val, y_val = load_data()',
    '    results = []',
    '    for i, p in enumerate(RUNS, start=1):',
    '        started = time.perf_counter()',
    '        model = build_model(p)',
    '        compile_model(model, p)',
    '        history = fit(model, p, x_train, y_train, x_val, y_val).history',
    '        results.append(summarise(i, p, history, time.perf_counter() - started))',
    '        print(json.dumps(results[-1]))',
    '    with open("sweep_results.csv", "w", newline="") as f:',
    '        writer = csv.DictWriter(f, fieldnames=COLUMNS)',
    '        writer.writeheader()',
    '        writer.writerows(results)',
    '    scored = [r for r in results if r["outcome"] == "finished" and objective(r) is not None]',
    '    if scored:',
    '        print("best:", json.dumps(min(scored, key=objective)))',
    '',
    '',
    'if __name__ == "__main__":',
    '    main()',
  ].join('\n');
}
