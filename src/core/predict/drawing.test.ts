import { describe, expect, it } from 'vitest';
import {
  centreOfMass,
  centredByMass,
  drawingToInput,
  inkBox,
  methodFor,
  resizeArea,
  uciBlocks,
  type Gray,
} from './drawing';

/** A width × height picture with ink 1 in the rectangle [x0, x1) × [y0, y1). */
function rect(width: number, height: number, x0: number, y0: number, x1: number, y1: number) {
  const data = new Float32Array(width * height);
  for (let y = y0; y < y1; y++) data.fill(1, y * width + x0, y * width + x1);
  return { data, width, height };
}

const sum = (g: Gray) => g.data.reduce((a, b) => a + b, 0);

describe('inkBox', () => {
  it('bounds the ink, and is null on a blank picture', () => {
    expect(inkBox(rect(10, 10, 2, 3, 5, 9))).toEqual({ x0: 2, y0: 3, x1: 5, y1: 9 });
    expect(inkBox(rect(10, 10, 0, 0, 0, 0))).toBeNull();
  });
});

describe('resizeArea', () => {
  it('averages the area each new pixel covers', () => {
    // 4×2 → 2×1: left half [1, 1; 0, 0] → 0.5, right half [0, 0; 0, 0] → 0.
    const img = rect(4, 2, 0, 0, 2, 1);
    const r = resizeArea(img, { x0: 0, y0: 0, x1: 4, y1: 2 }, 2, 1);
    expect(Array.from(r.data)).toEqual([0.5, 0]);
  });

  it('counts partly covered pixels by the part covered (3 → 2 columns)', () => {
    const img = { data: Float32Array.from([1, 0, 1]), width: 3, height: 1 };
    const r = resizeArea(img, { x0: 0, y0: 0, x1: 3, y1: 1 }, 2, 1);
    // [0, 1.5): 1·1 + 0·0.5 → 1/1.5; [1.5, 3): 0·0.5 + 1·1 → 1/1.5.
    expect(r.data[0]).toBeCloseTo(2 / 3, 6);
    expect(r.data[1]).toBeCloseTo(2 / 3, 6);
  });
});

describe('centreOfMass', () => {
  it('weighs pixel centres by their ink', () => {
    const img = { data: Float32Array.from([1, 0, 0, 3]), width: 4, height: 1 };
    expect(centreOfMass(img)).toEqual({ x: (0.5 + 3 * 3.5) / 4, y: 0.5 });
    expect(centreOfMass(rect(4, 4, 0, 0, 0, 0))).toBeNull();
  });
});

describe('centredByMass (MNIST)', () => {
  it('moves a bar drawn in a corner to the centre, its long side scaled to 20 pixels', () => {
    // A vertical bar 10 wide, 60 tall in the top-left corner of a 200×200 pad.
    const out = centredByMass(rect(200, 200, 0, 0, 10, 60));
    expect(out.width).toBe(28);
    expect(out.height).toBe(28);
    const box = inkBox(out);
    expect(box).not.toBeNull();
    // 60 → 20 tall; 10 → round(10/3) = 3 wide (aspect ratio kept).
    expect(box!.y1 - box!.y0).toBe(20);
    expect(box!.x1 - box!.x0).toBe(3);
    const c = centreOfMass(out)!;
    expect(Math.abs(c.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(c.y - 14)).toBeLessThanOrEqual(0.5);
  });

  it('puts the centre of mass, not the box centre, at the centre', () => {
    // An L: a tall bar and a heavy foot; the mass sits low and left of the box's middle.
    const img = rect(100, 100, 10, 10, 20, 90);
    for (let y = 70; y < 90; y++) img.data.fill(1, y * 100 + 10, y * 100 + 90);
    const out = centredByMass(img);
    const box = inkBox(out)!;
    expect(Math.max(box.x1 - box.x0, box.y1 - box.y0)).toBe(20);
    const c = centreOfMass(out)!;
    expect(Math.abs(c.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(c.y - 14)).toBeLessThanOrEqual(0.5);
    // The box is therefore off-centre: its middle is up and right of (14, 14).
    expect((box.y0 + box.y1) / 2).toBeLessThan(14);
    expect((box.x0 + box.x1) / 2).toBeGreaterThan(14);
  });

  it('scales a small drawing up to the 20-pixel box and keeps ink in 0–1', () => {
    const out = centredByMass(rect(50, 50, 20, 20, 25, 25));
    const box = inkBox(out)!;
    expect([box.x1 - box.x0, box.y1 - box.y0]).toEqual([20, 20]);
    expect(Math.max(...out.data)).toBeLessThanOrEqual(1);
    expect(sum(out)).toBeCloseTo(400, 3);
  });

  it('gives an all-zero picture for a blank drawing', () => {
    const out = centredByMass(rect(40, 40, 0, 0, 0, 0));
    expect(out.data).toHaveLength(784);
    expect(sum(out)).toBe(0);
  });
});

describe('uciBlocks (UCI digits 8×8)', () => {
  it('fills the 32×32 bitmap with a square and counts 16 per full block', () => {
    const out = uciBlocks(rect(64, 64, 8, 8, 40, 40));
    expect(out.data).toHaveLength(64);
    expect(Array.from(out.data)).toEqual(new Array(64).fill(1));
  });

  it('keeps the aspect ratio: a bar half as wide as tall fills the middle columns, full height', () => {
    // 16 wide × 32 tall → 16 × 32 in the bitmap, columns 8–23 → blocks 2–5 full.
    const out = uciBlocks(rect(100, 100, 0, 0, 16, 32));
    for (let r = 0; r < 8; r++) {
      const row = Array.from(out.data.slice(r * 8, r * 8 + 8)).map((v) => v * 16);
      expect(row).toEqual([0, 0, 16, 16, 16, 16, 0, 0]);
    }
  });

  it('counts the on pixels of each 4×4 block (a bar 2 bitmap pixels wide counts 8)', () => {
    // 2 × 32 source → 2 × 32 bitmap at columns 15–16: blocks 3 and 4 get 1 column each.
    const out = uciBlocks(rect(40, 40, 5, 0, 7, 32));
    const row = Array.from(out.data.slice(0, 8)).map((v) => v * 16);
    expect(row).toEqual([0, 0, 0, 4, 4, 0, 0, 0]);
  });

  it('ignores faint ink (black-and-white at 0.5) and is blank without ink', () => {
    const faint = rect(32, 32, 0, 0, 32, 32);
    faint.data.fill(0.3);
    expect(sum(uciBlocks(faint))).toBe(0);
    expect(sum(uciBlocks(rect(32, 32, 0, 0, 0, 0)))).toBe(0);
  });
});

describe('drawingToInput', () => {
  it('picks the recipe by the input shape', () => {
    expect(methodFor([28, 28, 1])).toBe('mnist');
    expect(methodFor([8, 8, 1])).toBe('uci');
    expect(methodFor([32, 32, 3])).toBe('resize');
    expect(methodFor([28, 28, 3])).toBe('resize');
  });

  it('resizes to another shape, repeats the grey over the channels, and inverts for dark ink', () => {
    const img = rect(100, 100, 30, 20, 50, 80);
    const r = drawingToInput(img, [16, 12, 3]);
    expect(r.input).toHaveLength(16 * 12 * 3);
    expect(r.preview.width).toBe(12);
    expect(r.preview.height).toBe(16);
    for (let i = 0; i < 16 * 12; i++) {
      expect(r.input[3 * i]).toBe(r.preview.data[i]);
      expect(r.input[3 * i + 2]).toBe(r.preview.data[i]);
    }
    const dark = drawingToInput(img, [16, 12, 1], true);
    expect(dark.input[0]).toBe(1);
    expect(Math.min(...dark.input)).toBeLessThan(0.5);
    expect(r.blank).toBe(false);
  });

  it('says a blank drawing is blank', () => {
    const r = drawingToInput(rect(10, 10, 0, 0, 0, 0), [28, 28, 1]);
    expect(r.blank).toBe(true);
    expect(r.input).toHaveLength(784);
  });
});
