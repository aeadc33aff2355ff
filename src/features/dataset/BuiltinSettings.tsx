import { numberRule, rangeText } from '../../core/number-rule';
import { NumberField } from '../../components/NumberField';
import {
  BUILTIN_INFO,
  builtinSchema,
  type BuiltinConfig,
  type BuiltinSetting,
} from '../../data/index';
import { commitConfig } from './edit-config';

/** Each setting's range comes from the config schema (data/config.ts); the note says its unit. */
const SETTINGS: Record<BuiltinSetting, { label: string; step?: number; unit?: string }> = {
  samples: { label: 'Samples' },
  noise: { label: 'Noise', step: 0.05, unit: '(standard deviation)' },
  period: { label: 'Period', step: 1, unit: 'steps per cycle' },
  trend: { label: 'Trend', step: 0.001, unit: 'per step' },
  segmentLength: { label: 'Segment length', unit: 'steps' },
};

const RULES = {
  samples: numberRule(builtinSchema.shape.samples),
  noise: numberRule(builtinSchema.shape.noise),
  period: numberRule(builtinSchema.shape.period),
  trend: numberRule(builtinSchema.shape.trend),
  segmentLength: numberRule(builtinSchema.shape.segmentLength),
} satisfies Record<BuiltinSetting, unknown>;
const SEED = numberRule(builtinSchema.shape.seed);

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function newSeed(): number {
  const v = new Uint32Array(1);
  crypto.getRandomValues(v);
  return (v[0] ?? 1) % SEED.max;
}

/** The generator's own settings (only those it reads), its seed and a Regenerate button. */
export function BuiltinSettings({ config }: { config: BuiltinConfig }) {
  const info = BUILTIN_INFO[config.id];
  const set = (patch: Partial<BuiltinConfig>) => commitConfig({ ...config, ...patch });
  return (
    <div className="data-source-settings">
      <p className="data-help">{info.help}</p>
      <div className="data-grid">
        {info.settings.map((key) => {
          const s = SETTINGS[key];
          const rule = RULES[key];
          const label = key === 'samples' ? capitalise(info.samplesMeaning) : s.label;
          return (
            <NumberField
              key={key}
              className="data-field"
              label={label}
              value={config[key]}
              rule={rule}
              {...(s.step !== undefined ? { step: s.step } : {})}
              hint={`${capitalise(rangeText(rule))}${s.unit ? ` ${s.unit}` : ''}`}
              onCommit={(v) => set({ [key]: v })}
            />
          );
        })}
        <NumberField
          className="data-field"
          label="Data seed"
          value={config.seed}
          rule={SEED}
          hint="Same seed, same data"
          onCommit={(v) => set({ seed: v })}
        />
      </div>
      <button type="button" onClick={() => set({ seed: newSeed() })}>
        Regenerate
      </button>
    </div>
  );
}
