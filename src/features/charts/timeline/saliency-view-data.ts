/** Pure shaping of a saliency reply into what the view draws. */

/** Per pixel: the largest magnitude over the channels (an image's [h, w, c] layout). */
export function pixelMagnitudes(values: ArrayLike<number>, channels: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i += channels) {
    let m = 0;
    for (let c = 0; c < channels; c++) m = Math.max(m, Math.abs(values[i + c] as number));
    out.push(m);
  }
  return out;
}

/** [T, F] series saliency as F rows × T columns (one row per feature along time). */
export function featureRows(values: ArrayLike<number>, steps: number, features: number): number[] {
  const out: number[] = [];
  for (let f = 0; f < features; f++)
    for (let t = 0; t < steps; t++) out.push(values[t * features + f] as number);
  return out;
}

/** The inputs ranked by how much the prediction depends on them, largest first. */
export function topInputs(values: ArrayLike<number>, names: readonly string[], k = 3) {
  return Array.from(values, (v, i) => ({ name: names[i] ?? `input ${i + 1}`, value: v }))
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value))
    .slice(0, k);
}
