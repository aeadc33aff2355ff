import type { Rgb } from '../../core/charts/colour';

/**
 * A grid of cell colours (row 0 at the bottom, as on a chart) as a PNG data URL, one pixel a
 * cell, for an svg <image> to stretch over the plot. One image element replaces a rect per cell:
 * the decision boundary's 1 600 rects cost React and the browser far more on every redraw.
 */
export function cellsImage(colours: readonly Rgb[], size: number): string {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) return '';
  const img = ctx.createImageData(size, size);
  colours.forEach(([r, g, b], i) => {
    const at = ((size - 1 - Math.floor(i / size)) * size + (i % size)) * 4;
    img.data[at] = r;
    img.data[at + 1] = g;
    img.data[at + 2] = b;
    img.data[at + 3] = 255;
  });
  ctx.putImageData(img, 0, 0);
  return canvas.toDataURL('image/png');
}
