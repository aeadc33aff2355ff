export function median(values) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Durations between consecutive epoch ends; the first epoch (warm-up: shader compiles, wasm
 * start-up, first allocations) is dropped. `ends` are times of epoch ends, `start` of epoch 1's start. */
export function measuredEpochs(ends, start = 0) {
  const durations = ends.map((t, i) => t - (i === 0 ? start : ends[i - 1]));
  return durations.slice(1);
}

/** Samples per second from the median measured epoch. */
export function samplesPerSecond(ends, samples, start = 0) {
  const epochs = measuredEpochs(ends, start);
  const m = median(epochs);
  return {
    samplesPerSec: m ? (samples / m) * 1000 : null,
    epochMs: epochs.map((d) => Math.round(d)),
    medianEpochMs: m === null ? null : Math.round(m),
  };
}

export const round = (v, digits = 0) =>
  v === null || v === undefined || !Number.isFinite(v) ? null : Number(v.toFixed(digits));

/** max - min of a series: 0 means flat. */
export function spread(values) {
  const v = values.filter((x) => x !== null && Number.isFinite(x));
  return v.length === 0 ? null : Math.max(...v) - Math.min(...v);
}
