import type { ImportProgress } from '../../../data/image-folder/index';
import { formatCount } from '../../../data/result';

/** A real progressbar: its value and the "12 of 40 images" a screen reader says. */
export function ImportProgressBar({ progress }: { progress: ImportProgress }) {
  const { phase, done, total } = progress;
  const text =
    phase === 'reading'
      ? 'Reading the files…'
      : `Decoding ${formatCount(done)} of ${formatCount(total)} images`;
  return (
    <div className="image-folder-progress">
      <progress
        aria-label="Image import progress"
        aria-valuetext={text}
        max={Math.max(total, 1)}
        {...(phase === 'decoding' ? { value: done } : {})}
      />
      <span aria-hidden="true">{text}</span>
    </div>
  );
}
