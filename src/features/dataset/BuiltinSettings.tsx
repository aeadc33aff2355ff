import { BUILTIN_INFO, type BuiltinConfig, type BuiltinSetting } from '../../data/index';
import { commitConfig } from './edit-config';
import { NumberField } from './fields';

const MAX_SEED = 2 ** 31 - 1;

/** Ranges as the config schema has them (data/config.ts), shown beside each field. */
const SETTINGS: Record<
  BuiltinSetting,
  { label: string; min: number; max: number; integer?: boolean; step?: number; hint: string }
> = {
  samples: { label: 'Samples', min: 10, max: 20_000, integer: true, hint: '10 – 20 000' },
  noise: { label: 'Noise', min: 0, max: 2, step: 0.05, hint: '0 – 2 (standard deviation)' },
  period: { label: 'Period', min: 2, max: 1000, step: 1, hint: '2 – 1000 steps per cycle' },
  trend: { label: 'Trend', min: -0.1, max: 0.1, step: 0.001, hint: '−0.1 – 0.1 per step' },
  segmentLength: {
    label: 'Segment length',
    min: 4,
    max: 512,
    integer: true,
    hint: '4 – 512 steps',
  },
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function newSeed(): number {
  const v = new Uint32Array(1);
  crypto.getRandomValues(v);
  return (v[0] ?? 1) % MAX_SEED;
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
          const label = key === 'samples' ? capitalise(info.samplesMeaning) : s.label;
          return (
            <NumberField
              key={key}
              label={label}
              value={config[key]}
              min={s.min}
              max={s.max}
              {...(s.integer ? { integer: true } : {})}
              {...(s.step !== undefined ? { step: s.step } : {})}
              hint={s.hint}
              onCommit={(v) => set({ [key]: v })}
            />
          );
        })}
        <NumberField
          label="Data seed"
          value={config.seed}
          min={0}
          max={MAX_SEED}
          integer
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
