/** The class of each validation sample from one-hot (or single-unit binary) targets. */
export function classLabels(
  y: ArrayLike<number>,
  units: number,
  first: number,
  count: number,
): number[] {
  const labels: number[] = [];
  for (let i = first; i < first + count; i++) {
    if (units === 1) {
      labels.push((y[i] as number) >= 0.5 ? 1 : 0);
      continue;
    }
    let best = 0;
    for (let k = 1; k < units; k++)
      if ((y[i * units + k] as number) > (y[i * units + best] as number)) best = k;
    labels.push(best);
  }
  return labels;
}
