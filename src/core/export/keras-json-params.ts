import { getDef, validateParams, type LayerKind } from '../layers/catalog';
import type { FieldDef } from '../layers/types';
import { own, showValue } from '../share/safe-json';

/**
 * Reading one Keras layer config into Layerlab params. Known arguments are validated one by one
 * (a bad one falls back to its default, with a note); the rest are either bookkeeping, at their
 * Keras default, or reported as dropped: nothing changes meaning silently.
 */

/** Keys that never change what a layer computes. */
const BOOKKEEPING = new Set([
  'name',
  'batch_input_shape',
  'batch_shape',
  'input_shape',
  'batch_size',
  'seed',
  'implementation',
  'module',
  'registered_name',
  'build_config',
  'renorm_momentum',
]);

/** Initialisers Keras and tfjs use by default (weights are not imported, only the recipe). */
const DEFAULT_INITIALISERS = new Set([
  'glorotuniform',
  'glorotnormal',
  'zeros',
  'ones',
  'orthogonal',
]);

function isDefaultInitialiser(v: unknown): boolean {
  const cls = typeof v === 'string' ? v : own(v, 'class_name');
  if (typeof cls !== 'string') return false;
  const key = cls.toLowerCase().replace(/_/g, '');
  if (DEFAULT_INITIALISERS.has(key)) return true;
  // tfjs writes GlorotUniform as VarianceScaling(scale 1, fan_avg).
  const cfg = own(v, 'config');
  return key === 'variancescaling' && own(cfg, 'scale') === 1 && own(cfg, 'mode') === 'fan_avg';
}

const isFloat32 = (v: unknown) => v === 'float32' || own(own(v, 'config'), 'name') === 'float32';

/** True when a key Layerlab does not model is at a value that changes nothing. */
function harmless(key: string, v: unknown): boolean {
  if (BOOKKEEPING.has(key)) return true;
  if (key.endsWith('_initializer')) return v === null || isDefaultInitialiser(v);
  switch (key) {
    case 'trainable':
      return v === true;
    case 'unit_forget_bias':
      return v === true || v === null;
    case 'dtype':
      return isFloat32(v);
    case 'data_format':
      return v === 'channels_last';
    case 'use_cudnn':
      return v === 'auto';
    case 'groups':
      return v === 1;
    case 'axis':
      return v === -1 || (Array.isArray(v) && v.length === 1 && v[0] === -1);
    case 'dilation_rate':
      return v === 1 || (Array.isArray(v) && v.every((d) => d === 1));
    default:
      // Regularisers, constraints and flags such as stateful or return_state: off is harmless.
      return v === null || v === false;
  }
}

/** Keras writes 1-D sizes as [3]; tfjs spells hard_sigmoid hardSigmoid. */
function normalise(field: FieldDef | undefined, v: unknown): unknown {
  if (field?.type === 'int' && Array.isArray(v) && v.length === 1) return v[0];
  if (field?.type === 'intList' && typeof v === 'number' && field.minLength === 2) return [v, v];
  if (field?.type === 'enum' && typeof v === 'string') {
    return v.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  }
  return v;
}

export function readParams(
  kind: LayerKind,
  config: Record<string, unknown>,
  where: string,
  notes: string[],
): Record<string, unknown> {
  const def = getDef(kind);
  const defaults = def.defaults as Record<string, unknown>;
  const params: Record<string, unknown> = structuredClone(defaults);
  const used = new Set<string>();
  for (const key of Object.keys(defaults)) {
    const alias = def.keras.aliases?.[key];
    const from = alias !== undefined && Object.hasOwn(config, alias) ? alias : key;
    if (!Object.hasOwn(config, from)) continue;
    used.add(from).add(key);
    const field = def.fields.find((f) => f.name === key);
    let value = normalise(field, config[from]);
    if (key === 'activation' && value === null) value = 'linear';
    const checked = validateParams(kind, { ...defaults, [key]: value });
    if (checked.ok) params[key] = value;
    else
      notes.push(`${where}: ${checked.reason}; the default ${showValue(defaults[key])} was used`);
  }
  // Keras and tfjs write strides=None as a copy of pool_size; None is what the author meant.
  if (
    'pool_size' in params &&
    JSON.stringify(params['strides']) === JSON.stringify(params['pool_size'])
  ) {
    params['strides'] = null;
  }
  for (const [key, v] of Object.entries(config)) {
    if (used.has(key) || harmless(key, v)) continue;
    notes.push(
      `${where}: ${key} = ${showValue(v)} is not supported in Layerlab, so it was dropped`,
    );
  }
  return params;
}
