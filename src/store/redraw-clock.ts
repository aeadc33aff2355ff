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
  later: (run: () => void, ms: number) => ReturnType<typeof setTimeout> = (run, ms) =>
    setTimeout(run, ms),
): RedrawClock {
  /** When the last tick was due (not when its timer ran): ticks keep to a grid. */
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let ticking = false;
  const due = new Set<() => void>();
  const arm = () => {
    const t = now();
    const at = Math.max(t, last + intervalMs);
    timer = later(() => tick(at), at - t);
  };
  const tick = (at: number) => {
    timer = null;
    // A timer runs a little late on a busy page; counting the interval from when it ran would
    // add that delay to every tick (9 redraws a second, not 10). After a long stall (more than
    // an interval late) the grid starts afresh, so no burst of ticks makes up for it.
    const t = now();
    last = t - at > intervalMs ? t : at;
    // What a flush schedules runs in this same tick (the worker's batches reach the store, and
    // the charts that read them redraw, in one frame); a few rounds at most, the rest next tick.
    ticking = true;
    try {
      for (let round = 0; round < 4 && due.size > 0; round++) {
        const flushes = [...due];
        due.clear();
        for (const f of flushes) f();
      }
    } finally {
      ticking = false;
    }
    if (due.size > 0) arm();
  };
  return {
    schedule(flush) {
      due.add(flush);
      if (timer === null && !ticking) arm();
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
 * How often live charts redraw: up to 12.5 times a second, on any machine. The SVG charts redrew
 * once a second on 2 cores, because each redraw (render, style, layout, paint) slowed training;
 * the canvas charts (uPlot) redraw with a few strokes and no DOM work. The target is 10 a second
 * while training: a cap of exactly 10 would average below it, since the stream pauses at each
 * epoch's end (validation, probes) and a tick with nothing new draws nothing. The bench's
 * "charts on screen against hidden" reports what this rate costs: redraws/s painted, the page's
 * fps, CPU share.
 */
export const REDRAW_INTERVAL_MS = 80;

/**
 * The page's one clock: live charts (useThrottledStore) and the worker's loss batches
 * (batched-receiver.ts) tick on it together, so a tick costs the page one render and one frame.
 */
export const pageClock = createRedrawClock(REDRAW_INTERVAL_MS);
