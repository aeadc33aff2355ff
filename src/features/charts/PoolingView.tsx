import { useState } from 'react';
import { SelectField } from '../../components/SelectField';
import type { ModelSpec } from '../../core/model-spec';
import type { PoolingProbe } from '../../core/training/probe-types';
import { poolingGeometry } from './pooling-params';
import { PoolingMaps } from './PoolingMaps';
import { PoolingSequence } from './PoolingSequence';

/** One pooling layer: its parameters, a channel to look at, and the picture. */
export function PoolingView({ probe, spec }: { probe: PoolingProbe; spec: ModelSpec | null }) {
  const [chosen, setChosen] = useState(0);
  const geometry = poolingGeometry(probe, spec);
  const channels = probe.inputShape.at(-1) ?? 1;
  const c = Math.min(chosen, channels - 1);
  return (
    <section className="pooling-view" aria-label={`Pooling ${probe.name}`}>
      <div className="chart-controls">
        <h3>
          {probe.name} <span className="muted">({probe.kind})</span>
        </h3>
        {geometry && <span className="hint">{geometry.params}</span>}
        {channels > 1 && (
          <SelectField
            inline
            label="Channel"
            value={String(c)}
            options={Array.from({ length: channels }, (_, i) => ({
              value: String(i),
              label: String(i),
            }))}
            onChange={(v) => setChosen(Number(v))}
          />
        )}
      </div>
      {!geometry ? (
        <p className="empty-note">
          The model changed since this run: train it again to see this layer.
        </p>
      ) : probe.kind === 'MaxPooling2D' ? (
        <PoolingMaps probe={probe} geometry={geometry} channel={c} />
      ) : (
        <PoolingSequence probe={probe} geometry={geometry} channel={c} />
      )}
    </section>
  );
}
