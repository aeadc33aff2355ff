import { useState } from 'react';
import type { LayerSpec } from '../../core/layers/catalog';
import type { FieldDef } from '../../core/layers/types';
import { Select } from '../../components/Select';
import { useAppStore } from '../../store/store';
import { ActivationFormula } from './ActivationFormula';
import { FieldShell } from './FieldShell';
import { inlineReason } from './inline-reason';

type Props<T extends FieldDef['type']> = {
  layer: LayerSpec;
  field: Extract<FieldDef, { type: T }>;
  value: unknown;
};

function useApply(layer: LayerSpec, name: string) {
  const [error, setError] = useState<string | null>(null);
  const apply = (value: unknown) => {
    const applied = useAppStore.getState().updateParams(layer.id, { [name]: value });
    setError(applied.ok ? null : inlineReason(applied.reason));
  };
  return { error, apply };
}

export function BoolField({ layer, field, value }: Props<'bool'>) {
  const { error, apply } = useApply(layer, field.name);
  return (
    <FieldShell field={field} error={error} inline>
      {(ids) => (
        <input
          id={ids.input}
          type="checkbox"
          checked={value === true}
          aria-describedby={ids.describedBy}
          onChange={(e) => apply(e.target.checked)}
        />
      )}
    </FieldShell>
  );
}

export function EnumField({ layer, field, value }: Props<'enum'>) {
  const { error, apply } = useApply(layer, field.name);
  const current = typeof value === 'string' ? value : '';
  return (
    <FieldShell field={field} error={error} after={<ActivationFormula id={current} />}>
      {(ids) => (
        <Select
          id={ids.input}
          value={current}
          aria-describedby={ids.describedBy}
          options={field.options.map((o) => ({ value: o, label: o }))}
          onChange={apply}
        />
      )}
    </FieldShell>
  );
}
