import { looseDef } from '../../core/layers/catalog';
import { layerNames, type ModelSpec } from '../../core/model-spec';
import {
  SETTING_LABELS,
  SWEEP_SETTINGS,
  type SweepParam,
  type SweepSpace,
  type SweepTarget,
} from '../../core/sweep/definition';
import { OPTIMIZERS, type TrainingSettings } from '../../core/training/settings';

/** One thing the form offers to vary: a setting or a layer argument, with a sensible first space. */
export interface TargetOption {
  key: string;
  label: string;
  target: SweepTarget;
  /** The space a new row starts with, from the value on screen. */
  start: SweepSpace;
}

export const targetKey = (t: SweepTarget) =>
  t.kind === 'setting' ? `setting:${t.name}` : `layer:${t.layerId}:${t.arg}`;

function settingStart(name: (typeof SWEEP_SETTINGS)[number], t: TrainingSettings): SweepSpace {
  switch (name) {
    case 'learningRate':
      return { type: 'Float', min_value: 0.001, max_value: 0.1, step: 10, sampling: 'log' };
    case 'batchSize':
      return { type: 'Int', min_value: 16, max_value: 64, step: 2, sampling: 'log' };
    case 'epochs':
      return { type: 'Choice', values: [t.epochs, t.epochs * 2] };
    case 'optimizer':
      return { type: 'Choice', values: [t.optimizer, t.optimizer === 'adam' ? 'sgd' : 'adam'] };
    case 'seed':
      return { type: 'Choice', values: [1, 2, 3] };
  }
}

/** Every setting, then every numeric or choice argument of every layer (not the Input). */
export function targetOptions(spec: ModelSpec, settings: TrainingSettings): TargetOption[] {
  const names = layerNames(spec);
  const settingsOpts = SWEEP_SETTINGS.map((name) => ({
    key: `setting:${name}`,
    label: SETTING_LABELS[name],
    target: { kind: 'setting', name } as const,
    start: settingStart(name, settings),
  }));
  const layerOpts = spec.layers.flatMap((l, i) => {
    if (l.kind === 'Input') return [];
    const params = l.params as Record<string, unknown>;
    return looseDef(l.kind).fields.flatMap((f): TargetOption[] => {
      const target = { kind: 'layer', layerId: l.id, arg: f.name } as const;
      const base = { key: targetKey(target), label: `${names[i]}.${f.name}`, target };
      const v = params[f.name];
      if (f.type === 'enum')
        return [
          {
            ...base,
            start: {
              type: 'Choice',
              values: [String(v), ...f.options.filter((o) => o !== v).slice(0, 1)],
            },
          },
        ];
      if (f.type === 'int' && typeof v === 'number')
        return [{ ...base, start: { type: 'Choice', values: [v, Math.min(f.max, v * 2)] } }];
      if (f.type === 'float' && typeof v === 'number')
        return [
          {
            ...base,
            start: {
              type: 'Choice',
              values: [v, Number(Math.min(v + 0.2, f.max * 0.9).toFixed(2))],
            },
          },
        ];
      if (
        f.type === 'intList' &&
        Array.isArray(v) &&
        f.minLength === f.maxLength &&
        typeof v[0] === 'number'
      )
        return [{ ...base, start: { type: 'Choice', values: [v[0], Math.min(f.max, v[0] + 2)] } }];
      return [];
    });
  });
  return [...settingsOpts, ...layerOpts];
}

export const newParam = (o: TargetOption): SweepParam => ({ target: o.target, space: o.start });

/** The option values the Choice box of a setting accepts as words. */
export const WORD_SETTINGS: Record<string, readonly string[]> = { optimizer: OPTIMIZERS };

/** "0.1, 0.01, adam" → values: numbers where they parse, else words. */
export function parseValues(text: string): (number | string)[] {
  return text
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '')
    .map((x) => (x !== '' && Number.isFinite(Number(x)) ? Number(x) : x));
}
