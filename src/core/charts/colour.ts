/** Colour ramps for heatmaps: pure, returning CSS colour strings. */
export type Rgb = [number, number, number];

/** Viridis at five stops: perceptually even, readable in greyscale and by most colour-blind readers. */
const VIRIDIS: Rgb[] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];

const hex = (c: Rgb) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** t in [0, 1] (clamped; NaN is the low end) → a viridis colour. */
export function viridis(t: number): string {
  const u = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const pos = u * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(pos));
  return hex(mix(VIRIDIS[i] as Rgb, VIRIDIS[i + 1] as Rgb, pos - i));
}

export function parseHex(colour: string): Rgb {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  return m
    ? [parseInt(m[1] ?? '0', 16), parseInt(m[2] ?? '0', 16), parseInt(m[3] ?? '0', 16)]
    : [0, 0, 0];
}

/**
 * A class colour washed towards white by how unsure the model is (confidence 1/k → white), as
 * whole RGB values: the decision boundary writes them straight into an image's pixels.
 */
export function confidenceRgb(colour: string, confidence: number, classes: number): Rgb {
  const floor = 1 / Math.max(2, classes);
  const t = Math.min(1, Math.max(0, (confidence - floor) / (1 - floor)));
  const [r, g, b] = mix([255, 255, 255], parseHex(colour), 0.15 + 0.6 * t);
  return [Math.round(r), Math.round(g), Math.round(b)];
}
