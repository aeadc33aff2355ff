import { createRng } from '../../data/random';
import { looseDef, validateParams } from '../layers/catalog';
import type { FieldDef } from '../layers/types';
import { layerNames, updateParams, type ModelSpec } from '../model-spec';
import type { Result } from '../result';
import { checkTrainable } from '../training/compat';
import { runSettingsSchema, type RunSettings } from '../training/settings';
import type { TrainingData } from '../training/training-data';
import {
  MAX_SWEEP_RUNS,
  SETTING_LABELS,
  type SweepDefinition,
  type SweepTarget,
  type SweepValue,
} from './definition';
import { gridValues, rangeProblem, sampleValue, showValue } from './space';

/** What the sweep starts from: the experiment on screen (loss resolved) and its data's shapes. */
export interface SweepBase {
  spec: ModelSpec;
  settings: RunSettings;
  data: Pick<TrainingData, 'xShape' | 'yShape' | 'numClasses' | 'trainCount'>;
}

export interface PlannedRun {
  /** 1-based, in the order the runs go. */
  index: number;
  values: SweepValue[];
  spec: ModelSpec;
  settings: RunSettings;
}

export interface SkippedRun {
  values: SweepValue[];
  reason: string;
}

export interface SweepPlan {
  runs: PlannedRun[];
  /** Combinations that cannot train, each with the reason: listed, never silently dropped. */
  skipped: SkippedRun[];
  /** Headers for the varied things: 'learning rate', 'dense_1.units'. */
  labels: string[];
  /** A sentence when random search found fewer distinct combinations than asked for. */
  note: string | null;
}

/** The argument's inspector field, or why the target does not name one. */
function layerField(spec: ModelSpec, t: Extract<SweepTarget, { kind: 'layer' }>): Result<FieldDef> {
  const i = spec.layers.findIndex((l) => l.id === t.layerId);
  const layer = spec.layers[i];
  if (!layer) return { ok: false, reason: 'a varied layer is no longer in the model' };
  const field = looseDef(layer.kind).fields.find((f) => f.name === t.arg);
  if (!field) {
    const name = layerNames(spec)[i] ?? layer.kind;
    return { ok: false, reason: `${name} has no argument '${t.arg}'` };
  }
  return { ok: true, value: field };
}

export function targetLabel(spec: ModelSpec, t: SweepTarget): string {
  if (t.kind === 'setting') return SETTING_LABELS[t.name];
  const i = spec.layers.findIndex((l) => l.id === t.layerId);
  return `${layerNames(spec)[i] ?? 'missing layer'}.${t.arg}`;
}

/** A single number for a list argument (kernel_size 3 → [3], or [3, 3] for Conv2D). */
function valueFor(field: FieldDef, v: SweepValue): unknown {
  if (field.type === 'intList' && typeof v === 'number') return Array(field.minLength).fill(v);
  return v;
}

/** The run's model and settings with `values` put in, or why they cannot train. */
export function applyValues(
  base: SweepBase,
  targets: readonly SweepTarget[],
  values: readonly SweepValue[],
): Result<{ spec: ModelSpec; settings: RunSettings }> {
  let spec = base.spec;
  const settings: Record<string, unknown> = { ...base.settings };
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i] as SweepTarget;
    const v = values[i] as SweepValue;
    if (t.kind === 'setting') {
      settings[t.name] = v;
      continue;
    }
    const field = layerField(spec, t);
    if (!field.ok) return field;
    const layer = spec.layers.find((l) => l.id === t.layerId);
    const params = { ...layer?.params, [t.arg]: valueFor(field.value, v) };
    const valid = validateParams(layer!.kind, params);
    if (!valid.ok) return { ok: false, reason: `${targetLabel(spec, t)}: ${valid.reason}` };
    spec = updateParams(spec, t.layerId, { [t.arg]: valueFor(field.value, v) });
  }
  const parsed = runSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? 'a setting');
    const label = SETTING_LABELS[key as keyof typeof SETTING_LABELS] ?? key;
    return { ok: false, reason: `${label}: ${issue?.message ?? 'not allowed'}` };
  }
  const fits = checkTrainable(spec, base.data, parsed.data.loss);
  if (!fits.ok) return fits;
  return { ok: true, value: { spec, settings: parsed.data } };
}

const key = (values: readonly SweepValue[]) => JSON.stringify(values);

function gridCombos(def: SweepDefinition): Result<SweepValue[][]> {
  const axes: SweepValue[][] = [];
  for (const p of def.params) {
    const g = gridValues(p.space);
    if (!g.ok) return g;
    axes.push(g.value);
  }
  const total = axes.reduce((n, a) => n * a.length, 1);
  if (total > MAX_SWEEP_RUNS) {
    const sizes = axes.map((a) => a.length).join(' × ');
    return {
      ok: false,
      reason: `The grid has ${sizes} = ${total} runs, over the limit of ${MAX_SWEEP_RUNS}: use fewer values, a larger step, or random search with a count.`,
    };
  }
  // The last varied thing changes fastest, like nested loops in the order they are listed.
  let combos: SweepValue[][] = [[]];
  for (const axis of axes) combos = combos.flatMap((c) => axis.map((v) => [...c, v]));
  return { ok: true, value: combos };
}

function randomCombos(
  def: SweepDefinition,
): Result<{ combos: SweepValue[][]; note: string | null }> {
  const rng = createRng(def.seed);
  const seen = new Set<string>();
  const combos: SweepValue[][] = [];
  // Keras Tuner does not try a combination twice: draw again, within reason.
  for (let tries = 0; combos.length < def.count && tries < def.count * 50; tries++) {
    const values: SweepValue[] = [];
    for (const p of def.params) {
      const v = sampleValue(p.space, rng);
      if (!v.ok) return v;
      values.push(v.value);
    }
    if (seen.has(key(values))) continue;
    seen.add(key(values));
    combos.push(values);
  }
  const note =
    combos.length < def.count
      ? `Only ${combos.length} different combinations exist, so the sweep has ${combos.length} runs, not ${def.count}.`
      : null;
  return { ok: true, value: { combos, note } };
}

/**
 * Every run of the sweep, in order, each with its own model and settings (the seed is the
 * experiment's unless it is varied, so each run is reproducible from its settings alone).
 */
export function planSweep(def: SweepDefinition, base: SweepBase): Result<SweepPlan> {
  const targets = def.params.map((p) => p.target);
  const labels = targets.map((t) => targetLabel(base.spec, t));
  for (const [i, p] of def.params.entries()) {
    if (p.target.kind !== 'layer') continue;
    const f = layerField(base.spec, p.target);
    if (!f.ok) return { ok: false, reason: `Varied thing ${i + 1}: ${f.reason}.` };
  }
  const dup = labels.find((l, i) => labels.indexOf(l) !== i);
  if (dup) return { ok: false, reason: `${dup} is varied twice: vary each thing once.` };
  let combos: SweepValue[][];
  let note: string | null = null;
  if (def.strategy === 'grid') {
    const g = gridCombos(def);
    if (!g.ok) return withLabel(g, labels, def);
    combos = g.value;
  } else {
    const r = randomCombos(def);
    if (!r.ok) return withLabel(r, labels, def);
    combos = r.value.combos;
    note = r.value.note;
  }
  const runs: PlannedRun[] = [];
  const skipped: SkippedRun[] = [];
  for (const values of combos) {
    const applied = applyValues(base, targets, values);
    if (applied.ok) runs.push({ index: runs.length + 1, values, ...applied.value });
    else skipped.push({ values, reason: applied.reason });
  }
  return { ok: true, value: { runs, skipped, labels, note } };
}

/** A range problem names the thing it belongs to. */
function withLabel<T>(
  r: { ok: false; reason: string },
  labels: string[],
  def: SweepDefinition,
): Result<T> {
  if (r.reason.startsWith('The grid')) return r;
  const i = def.params.findIndex((p) =>
    def.strategy === 'grid' ? !gridValues(p.space).ok : rangeProblem(p.space) !== null,
  );
  const label = labels[Math.max(0, i)] ?? 'a varied thing';
  return { ok: false, reason: `${label}: ${r.reason}.` };
}

export const describeValues = (labels: readonly string[], values: readonly SweepValue[]) =>
  labels.map((l, i) => `${l} ${showValue(values[i] as SweepValue)}`).join(', ');
