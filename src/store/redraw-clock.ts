/**
 * One clock for every throttled chart: views that changed since the last tick are flushed
 * together, in one task, so React renders them in one pass and the browser paints one frame
 * per tick. With a timer each, six live charts at 4 redraws a second gave up to 24 frames a
 * second, each with its own style, layout, paint and commit.
 */
export interface RedrawClock {
  /** Runs `flush` at the next tick (at once if the last tick is over an interval ago). */
  schedule(flush: () => void): void;
  cancel(flush: () => void): void;
}

export function createRedrawClock(
  intervalMs: number,
  now: () => number = () => Date.now(),
): RedrawClock {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const due = new Set<() => void>();
  const tick = () => {
    timer = null;
    last = now();
    const flushes = [...due];
    due.clear();
    for (const f of flushes) f();
  };
  return {
    schedule(flush) {
      due.add(flush);
      timer ??= setTimeout(tick, Math.max(0, last + intervalMs - now()));
    },
    cancel(flush) {
      due.delete(flush);
      if (due.size === 0 && timer !== null) {
        clearTimeout(timer);
        timer = null;
      }
    },
  };
}

/**
 * How often live charts redraw: 4 times a second, but once a second on a machine of 2 cores or
 * fewer. There the training worker and V8's helper threads already use both cores, and each
 * redraw (render, paint, composite) slowed training more than its own CPU time: on a 2-core VM,
 * an LSTM with the loss chart on screen trained at 0.68–0.79 of its speed with the chart out of
 * view at 4 redraws a second, and at full speed at one a second (bench/lib/thread-cpu.mjs
 * measured the page's extra CPU at about 1 % of the machine either way).
 */
export function redrawIntervalMs(cores: number | undefined): number {
  return cores !== undefined && cores > 0 && cores <= 2 ? 1000 : 250;
}
