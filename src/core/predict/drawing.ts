/**
 * A drawing turned into what an image model reads, the way its data was made:
 * - MNIST (28×28): the ink's bounding box scaled to fit 20×20 (aspect ratio kept, grey levels
 *   from area averaging), then placed in 28×28 so that its centre of mass is at the centre;
 * - UCI digits (8×8): the ink made black-and-white and its bounding box scaled to fill a 32×32
 *   bitmap (aspect ratio kept, centred), then the "on" pixels of each 4×4 block counted (0–16),
 *   divided by 16 as the app's loader does;
 * - any other size: like MNIST, with the box 20/28 of the picture, resized to height × width,
 *   the grey repeated over the channels.
 * Pure: the pad passes its pixels as ink 0 (background) to 1, row by row.
 */
export interface Gray {
  data: Float32Array;
  width: number;
  height: number;
}

/** Columns [x0, x1) and rows [y0, y1) holding ink above `threshold`; null for a blank picture. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function inkBox(img: Gray, threshold = 0): Box | null {
  let x0 = img.width;
  let y0 = img.height;
  let x1 = 0;
  let y1 = 0;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if ((img.data[y * img.width + x] as number) <= threshold) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x + 1);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y + 1);
    }
  }
  return x1 > x0 ? { x0, y0, x1, y1 } : null;
}

/**
 * The box of `img` resampled to width × height: each new pixel is the mean of the source area it
 * covers (partly covered source pixels count by the part covered), so thin strokes fade rather
 * than vanish when shrunk.
 */
export function resizeArea(img: Gray, box: Box, width: number, height: number): Gray {
  const out = new Float32Array(width * height);
  const sx = (box.x1 - box.x0) / width;
  const sy = (box.y1 - box.y0) / height;
  for (let dy = 0; dy < height; dy++) {
    const top = box.y0 + dy * sy;
    const bottom = top + sy;
    for (let dx = 0; dx < width; dx++) {
      const left = box.x0 + dx * sx;
      const right = left + sx;
      let sum = 0;
      // Clamped: rounding must not reach a pixel outside the box (or the next row).
      for (let y = Math.floor(top); y < Math.min(box.y1, Math.ceil(bottom)); y++) {
        const wy = Math.min(bottom, y + 1) - Math.max(top, y);
        for (let x = Math.floor(left); x < Math.min(box.x1, Math.ceil(right)); x++) {
          const wx = Math.min(right, x + 1) - Math.max(left, x);
          sum += wx * wy * (img.data[y * img.width + x] as number);
        }
      }
      out[dy * width + dx] = sum / (sx * sy);
    }
  }
  return { data: out, width, height };
}

/** The ink-weighted mean position, pixel centres at i + ½; null for a blank picture. */
export function centreOfMass(img: Gray): { x: number; y: number } | null {
  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const v = img.data[y * img.width + x] as number;
      mass += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  }
  return mass > 0 ? { x: mx / mass, y: my / mass } : null;
}

/** Fits w × h inside side × side, aspect ratio kept, each side at least one pixel. */
function fitted(box: Box, side: number): [number, number] {
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  const s = side / Math.max(w, h);
  return [Math.max(1, Math.round(w * s)), Math.max(1, Math.round(h * s))];
}

/** `small` copied into a width × height picture with its top-left corner at (ox, oy); what falls outside is dropped. */
function place(small: Gray, width: number, height: number, ox: number, oy: number): Gray {
  const out = new Float32Array(width * height);
  for (let y = 0; y < small.height; y++) {
    const ty = y + oy;
    if (ty < 0 || ty >= height) continue;
    for (let x = 0; x < small.width; x++) {
      const tx = x + ox;
      if (tx >= 0 && tx < width) out[ty * width + tx] = small.data[y * small.width + x] as number;
    }
  }
  return { data: out, width, height };
}

const blank = (width: number, height: number): Gray => ({
  data: new Float32Array(width * height),
  width,
  height,
});

/**
 * MNIST's recipe at any size (28 × 28 is MNIST itself): the bounding box fitted in a square of
 * 20/28 of the smaller side, then moved (by whole pixels) so its centre of mass sits at the centre.
 */
export function centredByMass(img: Gray, width = 28, height = 28): Gray {
  const box = inkBox(img);
  if (!box) return blank(width, height);
  const [w, h] = fitted(box, Math.max(1, Math.round((Math.min(width, height) * 20) / 28)));
  const small = resizeArea(img, box, w, h);
  const c = centreOfMass(small) ?? { x: w / 2, y: h / 2 };
  return place(small, width, height, Math.round(width / 2 - c.x), Math.round(height / 2 - c.y));
}

const UCI_BITMAP = 32;
const UCI_BLOCK = 4;

/** The UCI optical digits' recipe: 32 × 32 black-and-white bitmap, 4 × 4 blocks counted, ÷ 16. */
export function uciBlocks(img: Gray): Gray {
  const side = UCI_BITMAP / UCI_BLOCK;
  const box = inkBox(img, 0.5);
  if (!box) return blank(side, side);
  const [w, h] = fitted(box, UCI_BITMAP);
  const small = resizeArea(img, box, w, h);
  const bitmap = place(
    small,
    UCI_BITMAP,
    UCI_BITMAP,
    Math.floor((UCI_BITMAP - w) / 2),
    Math.floor((UCI_BITMAP - h) / 2),
  );
  const out = new Float32Array(side * side);
  for (let y = 0; y < UCI_BITMAP; y++) {
    for (let x = 0; x < UCI_BITMAP; x++) {
      if ((bitmap.data[y * UCI_BITMAP + x] as number) >= 0.5) {
        const k = Math.floor(y / UCI_BLOCK) * side + Math.floor(x / UCI_BLOCK);
        out[k] = (out[k] as number) + 1;
      }
    }
  }
  for (let k = 0; k < out.length; k++) out[k] = (out[k] as number) / (UCI_BLOCK * UCI_BLOCK);
  return { data: out, width: side, height: side };
}

export type DrawingMethod = 'mnist' | 'uci' | 'resize';

/** MNIST's for 28×28×1, UCI's for 8×8×1, otherwise MNIST's recipe resized. */
export function methodFor(shape: readonly number[]): DrawingMethod {
  const [h, w, c] = shape;
  if (c === 1 && h === 28 && w === 28) return 'mnist';
  if (c === 1 && h === 8 && w === 8) return 'uci';
  return 'resize';
}

export interface ModelInput {
  /** height · width · channels values, channels innermost (Keras' channels_last). */
  input: Float32Array;
  /** The grey picture before channels are repeated, for the preview. */
  preview: Gray;
  blank: boolean;
}

/**
 * The drawing as the model's input of `shape` [height, width, channels]; `darkInk` for data
 * whose pictures are dark on light (the grey is inverted to match).
 */
export function drawingToInput(img: Gray, shape: readonly number[], darkInk = false): ModelInput {
  const [height = 28, width = 28, channels = 1] = shape;
  const method = methodFor(shape);
  const grey = method === 'uci' ? uciBlocks(img) : centredByMass(img, width, height);
  const isBlank = !grey.data.some((v) => v > 0);
  const preview: Gray = darkInk ? { ...grey, data: grey.data.map((v) => 1 - v) } : grey;
  const input = new Float32Array(grey.data.length * channels);
  for (let i = 0; i < grey.data.length; i++) {
    input.fill(preview.data[i] as number, i * channels, (i + 1) * channels);
  }
  return { input, preview, blank: isBlank };
}
