import { useAppStore } from '../../store/store';
import { selectLiveConfig, selectPoolingProbes, selectProbe } from '../../store/selectors';
import { PoolingView } from './PoolingView';
import { ProbeNote } from './ProbeNote';
import { useThrottledStore } from '../../store/useThrottledStore';

/** Every pooling layer: one probe sample going in and coming out, with the windows drawn. */
export function PoolingTab() {
  const pooling = useThrottledStore(selectPoolingProbes);
  const probe = useThrottledStore(selectProbe);
  const config = useAppStore(selectLiveConfig);
  if (!pooling || pooling.length === 0) {
    return (
      <p className="empty-note">
        {probe
          ? 'This model has no pooling layer (MaxPooling1D, AveragePooling1D, MaxPooling2D or a global pooling).'
          : 'Train a model with a pooling layer to see its windows at work here.'}
      </p>
    );
  }
  return (
    <div className="pooling-tab">
      {probe && <ProbeNote probe={probe} />}
      {pooling.map((p) => (
        <PoolingView key={p.index} probe={p} spec={config?.spec ?? null} />
      ))}
    </div>
  );
}
