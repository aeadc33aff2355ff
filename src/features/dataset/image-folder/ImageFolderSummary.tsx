import { classCounts, sampleCount, type ImageFolderData } from '../../../data/image-folder/index';
import { formatCount, plural } from '../../../data/result';

/** What the imported folder became: classes with counts, the size, the split, and every note. */
export function ImageFolderSummary({ data }: { data: ImageFolderData }) {
  const counts = classCounts(data);
  const total = counts.reduce((a, b) => a + b, 0);
  const [h, w] = data.imageSize;
  const training = sampleCount(data.training);
  const validation = sampleCount(data.validation);
  return (
    <section className="image-folder-summary" aria-label="Imported images">
      <p className="data-help">
        <strong>'{data.name}'</strong>: {plural(total, 'image')} in{' '}
        {plural(data.classNames.length, 'class', 'classes')}, each {h}×{w}×{data.channels} (
        {data.colorMode}), pixels 0–1.{' '}
        {data.validation
          ? `Training ${formatCount(training)}, validation ${formatCount(validation)}`
          : data.training
            ? `All ${formatCount(training)} for training (no validation split)`
            : `Validation ${formatCount(validation)}`}
        , seed {data.seed}.
      </p>
      <table className="image-folder-classes" aria-label="Imported images per class">
        <thead>
          <tr>
            <th scope="col">Label</th>
            <th scope="col">Class</th>
            <th scope="col">Images</th>
          </tr>
        </thead>
        <tbody>
          {data.classNames.map((name, i) => (
            <tr key={name}>
              <td>{i}</td>
              <td>{name}</td>
              <td>{formatCount(counts[i] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.notes.length > 0 && (
        <ul className="image-folder-notes" aria-label="Notes on the images">
          {data.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {data.warnings.length > 0 && (
        <ul className="data-notes" aria-label="Skipped files">
          {data.warnings.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
