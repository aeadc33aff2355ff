import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkWindowing,
  describeWindowing,
  makeWindows,
  MAX_WINDOW_VALUES,
  windowAt,
  windowCount,
  type WindowSpec,
} from './windowing';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const forecast = (length: number, stride: number, horizon: number): WindowSpec => ({
  length,
  stride,
  horizon,
  mode: 'forecast',
});

/** windows as nested arrays: [[step values], …] for one feature */
function unpack(x: Float32Array, n: number, t: number, f: number): number[][][] {
  return range(n).map((k) =>
    range(t).map((s) => range(f).map((j) => x[(k * t + s) * f + j] as number)),
  );
}

/**
 * A literal port of keras.utils.timeseries_dataset_from_array (sampling_rate 1, no shuffle):
 *   num_seqs = len(data) - (sequence_length - 1); num_seqs = min(num_seqs, len(targets))
 *   start_positions = range(0, num_seqs, sequence_stride)
 */
function kerasWindows(data: number[], targets: number[], T: number, stride: number) {
  const numSeqs = Math.min(data.length - (T - 1), targets.length);
  const out: { window: number[]; target: number }[] = [];
  for (let start = 0; start < numSeqs; start += stride) {
    out.push({ window: data.slice(start, start + T), target: targets[start] as number });
  }
  return out;
}

describe('windowing', () => {
  it('matches the hand-worked example: 0..9, T=3, stride 2, h=1', () => {
    const series = range(10);
    const r = makeWindows([series], series, forecast(3, 2, 1));
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.xShape).toEqual([4, 3, 1]);
    expect(unpack(r.value.x, 4, 3, 1).map((w) => w.map((s) => s[0]))).toEqual([
      [0, 1, 2],
      [2, 3, 4],
      [4, 5, 6],
      [6, 7, 8],
    ]);
    expect([...r.value.y]).toEqual([3, 5, 7, 9]);
    expect([...r.value.starts]).toEqual([0, 2, 4, 6]);
  });

  it('puts the target h steps after the window end: 0..9, T=3, stride 1, h=3', () => {
    const series = range(10);
    const r = makeWindows([series], series, forecast(3, 1, 3));
    if (!r.ok) throw new Error(r.reason);
    // last window [4,5,6] → 9; windows [0,1,2] → 5 first
    expect(r.value.xShape[0]).toBe(5);
    expect([...r.value.y]).toEqual([5, 6, 7, 8, 9]);
  });

  it('classify mode takes the label at the window’s last step', () => {
    const values = range(8);
    const labels = [0, 0, 0, 1, 1, 1, 2, 2];
    const r = makeWindows([values], labels, { length: 3, stride: 3, horizon: 5, mode: 'classify' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.xShape).toEqual([2, 3, 1]);
    expect([...r.value.y]).toEqual([0, 1]);
  });

  it('lays out several features as [N, T, F]', () => {
    const a = range(7);
    const b = range(7).map((v) => v * 10);
    const r = makeWindows([a, b], a, forecast(2, 2, 1));
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.xShape).toEqual([3, 2, 2]);
    expect(unpack(r.value.x, 3, 2, 2)[1]).toEqual([
      [2, 20],
      [3, 30],
    ]);
  });

  it('windows only inside a row range, with targets from that range', () => {
    const series = range(20);
    const r = makeWindows([series], series, forecast(3, 1, 1), { from: 10, to: 20 });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.starts[0]).toBe(10);
    expect(Math.max(...r.value.y)).toBe(19);
    expect(r.value.xShape[0]).toBe(7);
  });

  it('windowAt gives [start, end) and the target index', () => {
    expect(windowAt(0, forecast(3, 2, 1))).toEqual({ start: 0, end: 3, target: 3 });
    expect(windowAt(3, forecast(3, 2, 1))).toEqual({ start: 6, end: 9, target: 9 });
    expect(windowAt(2, forecast(4, 1, 5), 100)).toEqual({ start: 102, end: 106, target: 110 });
    expect(windowAt(1, { length: 4, stride: 4, horizon: 9, mode: 'classify' })).toEqual({
      start: 4,
      end: 8,
      target: 7,
    });
  });

  it('explains impossible settings with the numbers', () => {
    const tooLong = checkWindowing(10, forecast(12, 1, 1));
    expect(tooLong).toEqual({
      ok: false,
      reason:
        'A window of 12 steps plus a horizon of 1 step needs at least 13 rows, but the series has 10; shorten the window or the horizon.',
    });
    const horizon = checkWindowing(10, forecast(5, 1, 6));
    expect(horizon.ok).toBe(false);
    if (!horizon.ok) expect(horizon.reason).toContain('needs at least 11 rows');
    const classify = checkWindowing(3, { length: 4, stride: 1, horizon: 1, mode: 'classify' });
    expect(classify).toEqual({
      ok: false,
      reason:
        'A window of 4 steps needs at least 4 rows, but the series has 3; shorten the window.',
    });
    expect(checkWindowing(13, forecast(12, 1, 1))).toEqual({ ok: true, value: 1 });
  });

  it('refuses windows too large to hold in memory', () => {
    const rows = 200_000;
    const series = new Float64Array(rows);
    const r = makeWindows([series, series], series, forecast(100, 1, 1));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/more than the 20.000.000/);
    expect(windowCount(rows, forecast(100, 1, 1)) * 200).toBeGreaterThan(MAX_WINDOW_VALUES);
  });

  it('describes the settings in a sentence with the count', () => {
    const text = describeWindowing(forecast(32, 2, 1), { rows: 100, targetName: 'births' });
    expect(text).toContain('sequence_length = 32');
    expect(text).toContain('sequence_stride = 2');
    expect(text).toContain("'births' 1 step after the window's last step, at step 2k + 32");
    expect(text).toContain('100 rows give 34 windows.');
    expect(describeWindowing(forecast(32, 1, 1), { rows: 10 })).toContain('needs at least 33 rows');
  });

  it('count formula: N = floor((L − T − h) / s) + 1 for every valid setting', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 30 }),
        (rows, length, stride, horizon) => {
          const spec = forecast(length, stride, horizon);
          const n = windowCount(rows, spec);
          if (rows < length + horizon) return n === 0 && !checkWindowing(rows, spec).ok;
          const r = makeWindows([range(rows)], range(rows), spec);
          if (!r.ok) return false;
          const last = windowAt(n - 1, spec);
          return (
            n === Math.floor((rows - length - horizon) / stride) + 1 &&
            r.value.xShape[0] === n &&
            last.target <= rows - 1 &&
            last.target + stride > rows - 1 // one more window would run past the end
          );
        },
      ),
    );
  });

  it('agrees with Keras timeseries_dataset_from_array on random series', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 120 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 10 }),
        (series, T, stride, h) => {
          fc.pre(series.length >= T + h);
          // The Keras idiom for "h steps after the window": data=series[:-h], targets=series[T-1+h:]
          const keras = kerasWindows(series.slice(0, -h), series.slice(T - 1 + h), T, stride);
          const ours = makeWindows([series], series, forecast(T, stride, h));
          if (!ours.ok) return false;
          const windows = unpack(ours.value.x, ours.value.xShape[0], T, 1).map((w) =>
            w.map((s) => s[0]),
          );
          expect(windows).toEqual(keras.map((k) => k.window));
          expect([...ours.value.y]).toEqual(keras.map((k) => k.target));
          return true;
        },
      ),
    );
  });
});
