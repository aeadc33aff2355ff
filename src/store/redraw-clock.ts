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
 * How often live charts redraw: 10 times a second, on any machine. The SVG charts redrew once a
 * second on 2 cores, because each redraw (render, style, layout, paint) slowed training; the
 * canvas charts (uPlot) redraw with a few strokes and no DOM work. The bench's "charts on screen
 * against hidden" reports what this rate costs: redraws/s painted, the page's fps, CPU share.
 */
export const REDRAW_INTERVAL_MS = 100;
