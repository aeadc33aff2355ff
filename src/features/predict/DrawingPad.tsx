import { useEffect, useRef, type PointerEvent } from 'react';
import type { Gray } from '../../core/predict/drawing';

/** The pad's own pixels; the recipe scales them down to the model's input. */
export const PAD_SIZE = 192;
/** While a stroke goes on, the drawing is read at most this often (and once more at its end). */
const READ_EVERY_MS = 100;

interface Props {
  /** A text alternative: what is drawn and what the model says about it. */
  label: string;
  /** Pen width in pad pixels: bold for data drawn with bold strokes (UCI digits). */
  penWidth: number;
  /** The drawing as ink 0–1, row by row; called while drawing and when a stroke ends. */
  onDraw(img: Gray): void;
  onClear(): void;
}

/** Ink 0–1 from the pad's pixels (white on black, so the red channel is the ink). */
function readInk(canvas: HTMLCanvasElement): Gray {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const data = new Float32Array(canvas.width * canvas.height);
  if (ctx) {
    const rgba = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 0; i < data.length; i++) data[i] = (rgba[4 * i] as number) / 255;
  }
  return { data, width: canvas.width, height: canvas.height };
}

function wipe(canvas: HTMLCanvasElement) {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return;
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
}

/**
 * A square to draw on with a mouse, pen or finger (pointer events; touch-action none here only,
 * so the page still scrolls elsewhere), and a Clear button.
 */
export function DrawingPad({ label, penWidth, onDraw, onClear }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const stroke = useRef<{ x: number; y: number; id: number; readAt: number } | null>(null);

  useEffect(() => {
    if (canvas.current) wipe(canvas.current);
  }, []);

  const at = (e: PointerEvent<HTMLCanvasElement>) => {
    const c = e.currentTarget;
    const r = c.getBoundingClientRect();
    return {
      x: ((e.clientX - r.left) * c.width) / r.width,
      y: ((e.clientY - r.top) * c.height) / r.height,
    };
  };
  const line = (
    c: HTMLCanvasElement,
    from: { x: number; y: number },
    to: { x: number; y: number },
  ) => {
    const ctx = c.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = penWidth;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
  };

  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = at(e);
    stroke.current = { ...p, id: e.pointerId, readAt: performance.now() };
    line(e.currentTarget, p, p);
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    const s = stroke.current;
    if (!s || s.id !== e.pointerId) return;
    const c = e.currentTarget;
    // Coalesced events: a fast stroke keeps its curve instead of straight chords.
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
    let from = { x: s.x, y: s.y };
    for (const ev of events.length > 0 ? events : [e.nativeEvent]) {
      const r = c.getBoundingClientRect();
      const to = {
        x: ((ev.clientX - r.left) * c.width) / r.width,
        y: ((ev.clientY - r.top) * c.height) / r.height,
      };
      line(c, from, to);
      from = to;
    }
    s.x = from.x;
    s.y = from.y;
    const now = performance.now();
    if (now - s.readAt >= READ_EVERY_MS) {
      s.readAt = now;
      onDraw(readInk(c));
    }
  };
  const up = (e: PointerEvent<HTMLCanvasElement>) => {
    if (stroke.current?.id !== e.pointerId) return;
    stroke.current = null;
    onDraw(readInk(e.currentTarget));
  };
  const clear = () => {
    stroke.current = null;
    if (canvas.current) wipe(canvas.current);
    onClear();
  };

  return (
    <div className="drawing-pad">
      <canvas
        ref={canvas}
        width={PAD_SIZE}
        height={PAD_SIZE}
        role="img"
        aria-label={label}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      />
      <button type="button" onClick={clear}>
        Clear
      </button>
    </div>
  );
}
