import { useEffect, useRef } from 'react';
import type { Gray } from '../../core/predict/drawing';

interface Props {
  image: Gray;
  label: string;
}

/** The processed input, pixel for pixel (scaled up without smoothing), light ink on dark. */
export function InputPreview({ image, label }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const pixels = ctx.createImageData(image.width, image.height);
    for (let i = 0; i < image.data.length; i++) {
      const v = Math.round(Math.min(1, Math.max(0, image.data[i] as number)) * 255);
      pixels.data.set([v, v, v, 255], 4 * i);
    }
    ctx.putImageData(pixels, 0, 0);
  }, [image]);
  return (
    <figure className="input-preview">
      <canvas
        ref={canvas}
        width={image.width}
        height={image.height}
        role="img"
        aria-label={label}
      />
      <figcaption>{label}</figcaption>
    </figure>
  );
}
