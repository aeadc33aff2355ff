import { useState } from 'react';
import { SAMPLINGS, type SweepParam, type SweepSpace } from '../../core/sweep/definition';
import { parseValues, targetKey, type TargetOption } from './targets';

interface Props {
  n: number;
  param: SweepParam;
  options: TargetOption[];
  onChange(p: SweepParam): void;
  onRemove(): void;
}

const SPACE_TYPES = ['Choice', 'Int', 'Float'] as const;

function convert(space: SweepSpace, type: SweepSpace['type']): SweepSpace {
  if (type === space.type) return space;
  if (type === 'Choice')
    return {
      type,
      values: space.type === 'Choice' ? space.values : [space.min_value, space.max_value],
    };
  const nums =
    space.type === 'Choice'
      ? space.values.filter((v): v is number => typeof v === 'number')
      : [space.min_value, space.max_value];
  const lo = nums.length ? Math.min(...nums) : 1;
  const hi = nums.length ? Math.max(...nums) : 10;
  return {
    type,
    min_value: type === 'Int' ? Math.round(lo) : lo,
    max_value: type === 'Int' ? Math.round(hi) : hi,
    step: null,
    sampling: 'linear',
  };
}

/** One varied thing: what, and its values (hp.Choice) or range (hp.Int / hp.Float). */
export function ParamRow({ n, param, options, onChange, onRemove }: Props) {
  const { space } = param;
  const [text, setText] = useState(space.type === 'Choice' ? space.values.join(', ') : '');
  const label = (what: string) => `${what} of varied thing ${n}`;
  const num = (field: 'min_value' | 'max_value' | 'step', raw: string) => {
    if (space.type === 'Choice') return;
    const v = raw.trim() === '' ? null : Number(raw);
    if (v !== null && !Number.isFinite(v)) return;
    if (field !== 'step' && v === null) return;
    onChange({ ...param, space: { ...space, [field]: v } });
  };
  return (
    <fieldset className="sweep-param">
      <legend>Varied thing {n}</legend>
      <label>
        What
        <select
          aria-label={label('What')}
          value={targetKey(param.target)}
          onChange={(e) => {
            const o = options.find((x) => x.key === e.target.value);
            if (!o) return;
            setText(o.start.type === 'Choice' ? o.start.values.join(', ') : '');
            onChange({ target: o.target, space: o.start });
          }}
        >
          {options.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Space
        <select
          aria-label={label('Space')}
          value={space.type}
          onChange={(e) => {
            const next = convert(space, e.target.value as SweepSpace['type']);
            if (next.type === 'Choice') setText(next.values.join(', '));
            onChange({ ...param, space: next });
          }}
        >
          {SPACE_TYPES.map((t) => (
            <option key={t} value={t}>
              hp.{t}
            </option>
          ))}
        </select>
      </label>
      {space.type === 'Choice' ? (
        <label>
          values
          <input
            aria-label={label('Values')}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              const values = parseValues(e.target.value);
              if (values.length > 0 && values.length <= 16)
                onChange({ ...param, space: { type: 'Choice', values } });
            }}
          />
        </label>
      ) : (
        <>
          <label>
            min_value
            <input
              aria-label={label('min_value')}
              type="number"
              defaultValue={space.min_value}
              onChange={(e) => num('min_value', e.target.value)}
            />
          </label>
          <label>
            max_value
            <input
              aria-label={label('max_value')}
              type="number"
              defaultValue={space.max_value}
              onChange={(e) => num('max_value', e.target.value)}
            />
          </label>
          <label>
            step
            <input
              aria-label={label('step')}
              type="number"
              placeholder="none"
              defaultValue={space.step ?? ''}
              onChange={(e) => num('step', e.target.value)}
            />
          </label>
          <label>
            sampling
            <select
              aria-label={label('sampling')}
              value={space.sampling}
              onChange={(e) =>
                onChange({
                  ...param,
                  space: { ...space, sampling: e.target.value as 'linear' | 'log' },
                })
              }
            >
              {SAMPLINGS.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
        </>
      )}
      <button type="button" onClick={onRemove} aria-label={`Remove varied thing ${n}`}>
        Remove
      </button>
    </fieldset>
  );
}
