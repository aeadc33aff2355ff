import { useId } from 'react';

/** A typed sample number, kept a whole number in 1..count whatever is typed. */
export function clampSample(typed: string, count: number): number {
  return Math.min(count, Math.max(1, Math.round(Number(typed) || 1)));
}

/** "Validation sample [n] of count": the picker the views that explain one sample share. */
export function SampleField(props: {
  value: number;
  count: number;
  onChange: (sample: number) => void;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>Validation sample</label>
      <input
        id={id}
        type="number"
        min={1}
        max={props.count}
        step={1}
        value={props.value}
        onChange={(e) => props.onChange(clampSample(e.target.value, props.count))}
      />
      <span className="hint">of {props.count}</span>
    </>
  );
}
