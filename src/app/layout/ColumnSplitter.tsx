import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useLayoutStore } from './layout-store';

interface Props {
  /** 0: between build and train; 1: between train and watch. */
  edge: 0 | 1;
  label: string;
}

const STEP = 0.02;

/**
 * A vertical separator that moves a column boundary: drag it (mouse, pen or touch), or focus it
 * and use the arrow keys (Home/End go to the limits). WAI-ARIA's window splitter pattern.
 */
export function ColumnSplitter({ edge, label }: Props) {
  // Where the boundary stands, as a percentage of the columns' width from the left.
  const position = useLayoutStore((s) => s.shares.slice(0, edge + 1).reduce((a, b) => a + b, 0));
  const resize = useLayoutStore((s) => s.resize);
  const drag = useRef<{ x: number; width: number } | null>(null);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const columns = e.currentTarget.parentElement?.querySelectorAll('.col-work');
    // Shares are of the columns' width together, not of the page.
    let width = 0;
    columns?.forEach((c) => (width += c.getBoundingClientRect().width));
    if (width <= 0) return;
    drag.current = { x: e.clientX, width };
    e.currentTarget.setPointerCapture(e.pointerId);
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    resize(edge, (e.clientX - d.x) / d.width);
    d.x = e.clientX;
  };
  const end = () => {
    drag.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const delta =
      e.key === 'ArrowLeft'
        ? -STEP
        : e.key === 'ArrowRight'
          ? STEP
          : e.key === 'Home'
            ? -1
            : e.key === 'End'
              ? 1
              : null;
    if (delta === null) return;
    e.preventDefault();
    resize(edge, delta);
  };
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(position * 100)}
      tabIndex={0}
      className={`col-splitter splitter-${edge}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={end}
      onKeyDown={onKeyDown}
    />
  );
}
