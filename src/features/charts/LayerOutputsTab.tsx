import { useMemo, useState } from 'react';
import { SelectField } from '../../components/SelectField';
import { useAppStore } from '../../store/store';
import { selectLiveConfig, selectProbe } from '../../store/selectors';
import type { AppState } from '../../store/store';
import { effectiveActivations } from '../../core/training/probe-stats';
import { HistogramFigure } from './HistogramFigure';
import { LiveProbeNote } from './ProbeNote';
import { useThrottledStore } from '../../store/useThrottledStore';

/** "index:name:kind|…" of the probed layers: a string, so it only changes with the model. */
const selectLayerList = (s: AppState) =>
  selectProbe(s)
    ?.layers.map((l) => `${l.index}:${l.name}:${l.kind}`)
    .join('|') ?? '';

/**
 * Live histograms of what each layer outputs on the probe batch: one layer, or all of them as
 * small multiples. Each histogram follows the probes on its own (one redraw per task).
 */
export function LayerOutputsTab() {
  const list = useThrottledStore(selectLayerList);
  const config = useAppStore(selectLiveConfig);
  const activations = useMemo(() => (config ? effectiveActivations(config.spec) : []), [config]);
  const layers = useMemo(
    () =>
      list === ''
        ? []
        : list.split('|').map((entry) => {
            const [index = '0', name = '', kind = ''] = entry.split(':');
            return { index: Number(index), name, kind };
          }),
    [list],
  );
  const [chosen, setChosen] = useState<string>('all');
  if (layers.length === 0) {
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
        <SelectField
          inline
          label="Layer"
          value={chosen}
          options={[
            { value: 'all', label: 'All layers' },
            ...layers.map((l) => ({ value: String(l.index), label: `${l.name} (${l.kind})` })),
          ]}
          onChange={setChosen}
        />
        <LiveProbeNote />
      </div>
      <div className={compact ? 'small-multiples' : undefined}>
        {shown.map((l) => (
          <HistogramFigure
            key={l.index}
            index={l.index}
            activation={activations[l.index] ?? null}
            compact={compact}
          />
        ))}
      </div>
    </div>
  );
}
