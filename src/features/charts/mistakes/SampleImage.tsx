import { useEffect, useRef } from 'react';
import { imageRgba } from './sample-view';

/** On-screen width of each picture, whatever its pixel size: 8×8 and 28×28 both stay readable. */
const SIDE = 56;

/** One picture painted at its own pixel size; CSS scales it up without smoothing. */
export function SampleImage({
  values,
  shape: [h, w, c],
}: {
  values: readonly number[];
  shape: readonly [number, number, 1 | 3];
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(w, h);
    img.data.set(imageRgba(values, c));
    ctx.putImageData(img, 0, 0);
  }, [values, h, w, c]);
  return (
    <canvas
      ref={ref}
      className="mistake-image"
      width={w}
      height={h}
      style={{ width: SIDE, height: (SIDE * h) / w }}
      aria-hidden="true"
    />
  );
}
