/**
 * How often the live charts actually paint: every draw, and the frames that held at least one
 * (several charts drawn in one tick of the redraw clock share a frame). The bench reads it
 * through the bench hook to report the redraw rate; nothing in the app depends on it.
 */
export interface PaintCount {
  draws: number;
  frames: number;
}

const count: PaintCount = { draws: 0, frames: 0 };
let frameOpen = false;

export function notePaint(): void {
  count.draws++;
  if (frameOpen) return;
  frameOpen = true;
  const close = () => {
    frameOpen = false;
    count.frames++;
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(close);
  else queueMicrotask(close);
}

export const paintsSoFar = (): PaintCount => ({ ...count });
