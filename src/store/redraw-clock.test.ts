import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRedrawClock } from './redraw-clock';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Updates every 10 ms for `ms`, on a page whose timers each run `lateMs` late. */
function ticksIn(ms: number, lateMs: number) {
  const late = (run: () => void, delay: number) => setTimeout(run, delay + lateMs);
  const clock = createRedrawClock(100, () => Date.now(), late);
  const at: number[] = [];
  const flush = () => at.push(Date.now());
  const start = Date.now();
  for (let t = 0; t < ms; t += 10) {
    clock.schedule(flush);
    vi.advanceTimersByTime(10);
  }
  clock.cancel(flush);
  return at.map((t) => t - start);
}

describe('redraw clock', () => {
  it('keeps 10 ticks a second when every timer runs a little late', () => {
    // 7 ms late each time: counted from when each timer ran, ticks would come every 107 ms
    // (18 or 19 in two seconds); kept to the 100 ms grid they come 20 times.
    const at = ticksIn(2000, 7);
    expect(at).toHaveLength(20);
    const gaps = at.slice(1).map((t, i) => t - (at[i] ?? 0));
    expect(Math.max(...gaps)).toBe(100);
  });

  it('never ticks faster than its interval, even after a long stall', () => {
    // One timer an interval and a half late (a long task): the next tick counts from it.
    let first = true;
    const late = (run: () => void, delay: number) => {
      const extra = first && delay > 0 ? 150 : 0;
      if (delay > 0) first = false;
      return setTimeout(run, delay + extra);
    };
    const clock = createRedrawClock(100, () => Date.now(), late);
    const at: number[] = [];
    const flush = () => at.push(Date.now());
    for (let t = 0; t < 1000; t += 10) {
      clock.schedule(flush);
      vi.advanceTimersByTime(10);
    }
    clock.cancel(flush);
    const gaps = at.slice(1).map((t, i) => t - (at[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...gaps)).toBe(250);
  });
});

describe('redraw clock, flushes scheduled during a tick', () => {
  it('runs them in that same tick, not one interval later', () => {
    const clock = createRedrawClock(100);
    const at: string[] = [];
    const second = () => at.push(`second@${Date.now() - start}`);
    const first = () => {
      at.push(`first@${Date.now() - start}`);
      clock.schedule(second);
    };
    const start = Date.now();
    clock.schedule(() => undefined);
    vi.advanceTimersByTime(0);
    clock.schedule(first);
    vi.advanceTimersByTime(300);
    expect(at).toEqual(['first@100', 'second@100']);
  });

  it('stops a flush that keeps rescheduling itself after a few rounds, and goes on next tick', () => {
    const clock = createRedrawClock(100);
    let calls = 0;
    const again = () => {
      calls++;
      clock.schedule(again);
    };
    clock.schedule(again);
    vi.advanceTimersByTime(0);
    expect(calls).toBe(4);
    vi.advanceTimersByTime(100);
    expect(calls).toBe(8);
    clock.cancel(again);
    vi.advanceTimersByTime(500);
    expect(calls).toBe(8);
  });
});
