import { useId } from 'react';
import { CheckboxField } from '../../components/CheckboxField';
import type { ViewOptions } from './loss-data';
import { MAX_SMOOTHING } from './view-options';

interface Props {
  view: ViewOptions;
  onChange(view: ViewOptions): void;
}

export function LossControls({ view, onChange }: Props) {
  const id = useId();
  return (
    <div className="chart-controls" role="group" aria-label="Loss chart options">
      <label htmlFor={`${id}-smooth`}>Smoothing</label>
      <input
        id={`${id}-smooth`}
        type="range"
        min={0}
        max={MAX_SMOOTHING}
        step={0.01}
        value={view.smoothing}
        aria-valuetext={view.smoothing === 0 ? 'off' : view.smoothing.toFixed(2)}
        onChange={(e) => onChange({ ...view, smoothing: Number(e.target.value) })}
      />
      <output htmlFor={`${id}-smooth`} className="mono">
        {view.smoothing === 0 ? 'off' : view.smoothing.toFixed(2)}
      </output>
      <CheckboxField
        className="check"
        label="Log scale"
        checked={view.logScale}
        onChange={(logScale) => onChange({ ...view, logScale })}
      />
    </div>
  );
}
