import { useAppStore } from '../../store/store';
import { selectDataLoaded, selectPrepared, selectWindowingEnabled } from '../../store/selectors';
import { DigitsPreview } from './DigitsPreview';
import { ImagePreview } from './ImagePreview';
import { ChartSlot } from '../../components/ChartSlot';
import { ScatterPreview, SeriesPreview } from './lazy-charts';

/** A glance at the data: images, a series, or a scatter of two features by class. */
export function DataPreview() {
  const loaded = useAppStore(selectDataLoaded);
  const windowed = useAppStore(selectWindowingEnabled);
  const prepared = useAppStore(selectPrepared);
  const table = loaded?.table;
  // The windowing wizard draws the series itself, with a window on it.
  if (!table || windowed) return null;
  if (table.images) return <ImagePreview set={table.images} />;
  if (table.sampleShape) return <DigitsPreview table={table} shape={table.sampleShape} />;
  if (table.kind === 'series') {
    const target = prepared.ok ? prepared.value.targetName : '';
    return (
      <ChartSlot minHeight={200}>
        <SeriesPreview table={table} column={target} />
      </ChartSlot>
    );
  }
  return (
    <ChartSlot minHeight={200}>
      <ScatterPreview table={table} />
    </ChartSlot>
  );
}
