import { useId, useMemo, useState } from 'react';
import { useAppStore } from '../../store/store';
import { selectLayerProbes, selectLiveConfig, selectProbe } from '../../store/selectors';
import { effectiveActivations } from '../../training/probe-stats';
import { HistogramFigure } from './HistogramFigure';
import { ProbeNote } from './ProbeNote';
import { useThrottledStore } from './useThrottledStore';

/** Live histograms of what each layer outputs on the probe batch: one layer, or all of them. */
export function LayerOutputsTab() {
  const id = useId();
  const layers = useThrottledStore(selectLayerProbes);
  const probe = useThrottledStore(selectProbe);
  const config = useAppStore(selectLiveConfig);
  const activations = useMemo(() => (config ? effectiveActivations(config.spec) : []), [config]);
  const [chosen, setChosen] = useState<string>('all');
  if (!layers || layers.length === 0) {
    return (
      <p className="empty-note">
        Train to see what each layer outputs; it updates as the model learns.
      </p>
    );
  }
  const picked = chosen === 'all' ? layers : layers.filter((l) => String(l.index) === chosen);
  const shown = picked.length > 0 ? picked : layers;
  const compact = shown.length > 1;
  return (
    <div>
      <div className="chart-controls">
        <label htmlFor={id}>Layer</label>
        <select id={id} value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="all">All layers</option>
          {layers.map((l) => (
            <option key={l.index} value={String(l.index)}>
              {l.name} ({l.kind})
            </option>
          ))}
        </select>
        {probe && <ProbeNote probe={probe} />}
      </div>
      <div className={compact ? 'small-multiples' : undefined}>
        {shown.map((l) => (
          <HistogramFigure
            key={l.index}
            layer={l}
            activation={activations[l.index] ?? null}
            compact={compact}
          />
        ))}
      </div>
    </div>
  );
}
