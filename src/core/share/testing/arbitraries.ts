/**
 * fast-check arbitraries for valid experiments, built from the catalog's field definitions so a
 * new layer kind or field is covered without touching the tests. Test-only: nothing in the app
 * imports this file.
 */
import fc from 'fast-check';
import { datasetConfigSchema, type DatasetConfig } from '../../../data/config';
import { LAYER_DEFS, type LayerSpec } from '../../layers/catalog';
import type { FieldDef, LayerDef } from '../../layers/types';
import type { ModelSpec } from '../../model-spec';
import { numberRule, type NumberRule } from '../../number-rule';
import { BACKEND_CHOICES } from '../../training/backend-names';
import { METRICS, trainingSettingsSchema, type TrainingSettings } from '../../training/settings';
import { PANELS, type Experiment, type TrainingConfig, type ViewConfig } from '../experiment';
import { FORBIDDEN_KEYS } from '../safe-json';

/** -0 does not survive JSON, and no Layerlab setting means anything by it. */
const noNegZero = (x: number) => (Object.is(x, -0) ? 0 : x);

function fieldArb(f: FieldDef): fc.Arbitrary<unknown> {
  switch (f.type) {
    case 'int': {
      const base = fc.integer({ min: f.min, max: f.max });
      return f.nullable ? fc.option(base, { nil: null }) : base;
    }
    case 'float':
      return fc
        .double({ min: f.min, max: f.max, maxExcluded: f.maxExclusive === true, noNaN: true })
        .map(noNegZero);
    case 'bool':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...f.options);
    case 'intList': {
      const { min, max, minLength, maxLength } = f;
      const base = fc.array(fc.integer({ min, max }), { minLength, maxLength });
      return f.nullable ? fc.option(base, { nil: null }) : base;
    }
  }
}

/** Params of one kind: every inspector field random, fixed params (ELU alpha) at their value. */
export function paramsArb(def: LayerDef): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.fromEntries(def.fields.map((f) => [f.name, fieldArb(f)]));
  return fc
    .record(fields)
    .map((random) => ({ ...(structuredClone(def.defaults) as object), ...random }));
}

export const kindArb = fc.constantFrom(...(LAYER_DEFS as readonly LayerDef[]));

const nameArb = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,12}$/);

/** Any stack of layers (not necessarily one whose shapes fit), with unique ids and names. */
export function modelArb(
  opts: { maxLayers?: number; names?: boolean } = {},
): fc.Arbitrary<ModelSpec> {
  const layer = kindArb.chain((def) =>
    fc.record({
      kind: fc.constant(def.kind),
      params: paramsArb(def),
      name: opts.names === false ? fc.constant(undefined) : fc.option(nameArb, { nil: undefined }),
    }),
  );
  return fc.array(layer, { maxLength: opts.maxLayers ?? 8 }).map((raw) => {
    const seen = new Set<string>();
    const layers = raw.map(({ kind, params, name }, i) => {
      const base = { id: `l${i}`, kind, params };
      // Custom names must differ from each other (automatic names step around them).
      if (name === undefined || seen.has(name)) return base as LayerSpec;
      seen.add(name);
      return { ...base, name } as LayerSpec;
    });
    return { layers };
  });
}

const smallText = fc.string({ maxLength: 12 });
// A link never carries these keys (decode drops them), so a valid experiment has none.
const roleKey = smallText.filter((k) => !FORBIDDEN_KEYS.has(k));

/** Random dataset settings, parsed by the real schema so defaults fill what is left out. */
export const dataArb: fc.Arbitrary<DatasetConfig> = fc
  .record(
    {
      source: fc.constantFrom('builtin', 'shipped', 'csv'),
      samples: fc.integer({ min: 10, max: 20_000 }),
      noise: fc.double({ min: 0, max: 2, noNaN: true }).map(noNegZero),
      fileName: smallText,
      roles: fc.dictionary(roleKey, fc.constantFrom('feature', 'label', 'time', 'ignore'), {
        maxKeys: 4,
      }),
      prepare: fc.record(
        {
          validationSplit: fc.double({ min: 0, max: 0.9, noNaN: true }).map(noNegZero),
          normalisation: fc.constantFrom('none', 'zscore', 'minmax'),
          windowing: fc.record(
            { enabled: fc.boolean(), length: fc.integer({ min: 1, max: 1000 }) },
            { requiredKeys: [] },
          ),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['source'] },
  )
  .map((raw) => datasetConfigSchema.parse(raw));

/** Any number the rule accepts, its bounds read from the schema (exclusive ones respected). */
function numberArb(rule: NumberRule<number | null>): fc.Arbitrary<number> {
  const { min, max, minExclusive, maxExclusive } = rule;
  if (rule.integer)
    return fc.integer({ min: min + (minExclusive ? 1 : 0), max: max - (maxExclusive ? 1 : 0) });
  return fc
    .double({ min, max, minExcluded: minExclusive, maxExcluded: maxExclusive, noNaN: true })
    .map(noNegZero);
}

const field = trainingSettingsSchema.shape;

/**
 * Any settings the one schema accepts, written as the form or a hand-edited file might (metrics
 * repeated or out of order), then parsed: what comes out is a valid TrainingSettings.
 */
export const trainingSettingsArb: fc.Arbitrary<TrainingSettings> = fc
  .record({
    optimizer: fc.constantFrom(...field.optimizer.options),
    learningRate: numberArb(numberRule(field.learningRate)),
    batchSize: numberArb(numberRule(field.batchSize)),
    epochs: numberArb(numberRule(field.epochs)),
    loss: fc.constantFrom(...field.loss.options),
    metrics: fc.array(fc.constantFrom(...METRICS), { maxLength: METRICS.length * 4 }),
    clipNorm: fc.option(numberArb(numberRule(field.clipNorm, 'no clipping')), { nil: null }),
    seed: numberArb(numberRule(field.seed)),
  })
  .map((raw) => trainingSettingsSchema.parse(raw));

export const trainingArb: fc.Arbitrary<TrainingConfig> = fc
  .tuple(trainingSettingsArb, fc.constantFrom(...BACKEND_CHOICES))
  .map(([settings, backend]) => ({ ...settings, backend }));

export const viewArb: fc.Arbitrary<ViewConfig> = fc.record({
  panel: fc.constantFrom(...PANELS),
  graphDirection: fc.constantFrom('TB' as const, 'LR' as const),
  smoothing: fc.double({ min: 0, max: 0.99, noNaN: true }).map(noNegZero),
  logScale: fc.boolean(),
});

export const experimentArb: fc.Arbitrary<Experiment> = fc.record({
  model: modelArb(),
  data: dataArb,
  training: trainingArb,
  view: viewArb,
});
