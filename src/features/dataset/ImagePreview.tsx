import { useEffect, useRef } from 'react';
import { classCounts, imageAt, imageCount, type ImageSet } from '../../data/images';
import { formatCount } from '../../data/result';

const SHOWN = 24;
/** On-screen size of each sample, whatever its pixel size. */
const SIDE = 40;

/** Paints one sample into a canvas of its own pixel size; CSS scales it up without smoothing. */
function Sample({ set, index }: { set: ImageSet; index: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [h, w, c] = set.shape;
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const px = imageAt(set, index);
    const img = ctx.createImageData(w, h);
    for (let p = 0; p < w * h; p++) {
      // Ink dark on light, as the digits are drawn on paper.
      const at = (k: number) => Math.round(255 * (1 - (px[p * c + (c === 3 ? k : 0)] ?? 0)));
      img.data.set([at(0), at(1), at(2), 255], p * 4);
    }
    ctx.putImageData(img, 0, 0);
  }, [set, index, h, w, c]);
  return (
    <div className="data-digit">
      <canvas ref={ref} width={w} height={h} style={{ width: SIDE, height: (SIDE * h) / w }} />
      <span>{set.classNames[set.labels[index] ?? 0]}</span>
    </div>
  );
}

/** The first samples with their labels, and how many images each class has. */
export function ImagePreview({ set }: { set: ImageSet }) {
  const [h, w, c] = set.shape;
  const count = Math.min(SHOWN, imageCount(set));
  const indices = Array.from({ length: count }, (_, i) => i);
  const labels = indices.map((i) => set.classNames[set.labels[i] ?? 0] ?? '');
  const counts = classCounts(set);
  return (
    <div className="data-images">
      <figure
        className="data-digits"
        role="img"
        aria-label={`The first ${count} images (${h}×${w}, ${c === 1 ? 'grayscale' : 'rgb'}), labelled ${labels.join(', ')}`}
      >
        {indices.map((i) => (
          <Sample key={i} set={set} index={i} />
        ))}
      </figure>
      <table className="data-class-counts">
        <caption>Images per class</caption>
        <thead>
          <tr>
            <th scope="col">Class</th>
            <th scope="col">Images</th>
          </tr>
        </thead>
        <tbody>
          {set.classNames.map((name, k) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{formatCount(counts[k] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
