import { useState } from 'react';
import { SelectField } from '../../../components/SelectField';
import { layerOutputSentence } from '../../../core/timeline/summaries';
import { selectTimelineEntries, selectTimelineEntry } from '../../../store/selectors';
import type { AppState } from '../../../store/store';
import { useThrottledStore } from '../../../store/useThrottledStore';
import { EmbeddingView } from './EmbeddingView';
import { GatesView } from './GatesView';
import { GradientsView } from './GradientsView';
import { WeightsView } from './WeightsView';
import { SaliencyView } from './SaliencyView';
import './timeline.css';

type View = 'weights' | 'gradients' | 'gates' | 'embedding' | 'saliency';
const VIEWS = [
  { value: 'weights', label: 'Weights over time' },
  { value: 'gradients', label: 'Gradient norms' },
  { value: 'gates', label: 'Gate saturation (LSTM/GRU)' },
  { value: 'embedding', label: 'Embedding (PCA)' },
  { value: 'saliency', label: 'Saliency (which inputs matter)' },
] as const;

const selectClassNames = (s: AppState) => (s.prepared.ok ? s.prepared.value.classNames : []);

/** How the model changed while it learned, at the epoch the scrubber is on. */
export function TimelineTab() {
  const [view, setView] = useState<View>('weights');
  const entries = useThrottledStore(selectTimelineEntries);
  const scrubbed = useThrottledStore(selectTimelineEntry);
  const classNames = useThrottledStore(selectClassNames);
  const current = scrubbed ?? entries.at(-1);
  // Gate saturation is offered where there is a recurrent layer to show it for.
  const options = VIEWS.filter(
    (v) => v.value !== 'gates' || (current?.timeline.gates?.length ?? 0) > 0,
  );
  const shown = options.some((o) => o.value === view) ? view : 'weights';
  if (!current)
    return (
      <p className="hint">
        Train to record a timeline: at every epoch&apos;s end the weights, their gradients and a 2-D
        projection of the validation samples are kept, to replay how the model learned.
      </p>
    );
  return (
    <div className="timeline-tab">
      <SelectField<View>
        label="Timeline view"
        value={shown}
        options={options}
        onChange={setView}
        className="field inline-field"
      />
      {shown === 'weights' && <WeightsView entries={entries} current={current} />}
      {shown === 'gradients' && <GradientsView entries={entries} marker={current.epoch} />}
      {shown === 'gates' && <GatesView entries={entries} current={current} />}
      {shown === 'embedding' && <EmbeddingView current={current} classNames={classNames} />}
      {shown === 'saliency' && <SaliencyView />}
      <details className="timeline-words">
        <summary>Layer outputs at this epoch, in words</summary>
        <ul>
          {current.probe.layers.map((l) => (
            <li key={l.index}>{layerOutputSentence(l, current.epoch)}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
