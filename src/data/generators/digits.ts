import { createRng } from '../random';
import { categoricalColumn, numericColumn, type Column, type Table } from '../table';

/**
 * Synthetic 8×8 grey-level digits for Conv2D (no real handwriting set with a clear licence
 * ships on the npm registry, so these are drawn here): each of `samples` images is a 5×7 glyph
 * of a random digit, shifted to a random spot in the 8×8 grid, with stroke intensity 0.6–1,
 * Gaussian pixel noise of standard deviation `noise`, clipped to [0, 1].
 * Columns r0c0 … r7c7 (row-major pixels, features) and digit (label, classes '0'…'9');
 * sampleShape [8, 8, 1], like Keras' (height, width, channels).
 */
export interface DigitSettings {
  samples: number;
  noise: number;
  seed: number;
}

const SIZE = 8;
const GLYPH_W = 5;
const GLYPH_H = 7;
export const DIGIT_CLASSES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

// prettier-ignore
const GLYPHS: readonly string[] = [
  '.###.#...##...##...##...##...#.###.',
  '..#...##....#....#....#....#...###.',
  '.###.#...#....#...#...#...#...#####',
  '####.....#....#.###.....#....#####.',
  '...#...##..#.#.#..#.#####...#....#.',
  '######....####.....#....##...#.###.',
  '..##..#...#....####.#...##...#.###.',
  '#####....#...#...#...#....#....#...',
  '.###.#...##...#.###.#...##...#.###.',
  '.###.#...##...#.####....#...#..##..',
];

export const pixelName = (row: number, col: number): string => `r${row}c${col}`;

export function pixelDigits(s: DigitSettings): Table {
  const rng = createRng(s.seed);
  const pixels = Array.from({ length: SIZE * SIZE }, () => new Float64Array(s.samples));
  const labels: string[] = [];
  for (let n = 0; n < s.samples; n++) {
    const digit = rng.int(10);
    const glyph = GLYPHS[digit] as string;
    const dx = rng.int(SIZE - GLYPH_W + 1);
    const dy = rng.int(SIZE - GLYPH_H + 1);
    const ink = rng.uniform(0.6, 1);
    for (let r = 0; r < SIZE; r++) {
      for (let c = 0; c < SIZE; c++) {
        const gr = r - dy;
        const gc = c - dx;
        const inside = gr >= 0 && gr < GLYPH_H && gc >= 0 && gc < GLYPH_W;
        const on = inside && glyph[gr * GLYPH_W + gc] === '#';
        const v = (on ? ink : 0) + s.noise * rng.normal();
        (pixels[r * SIZE + c] as Float64Array)[n] = Math.min(1, Math.max(0, v));
      }
    }
    labels.push(DIGIT_CLASSES[digit] as string);
  }
  const columns: Column[] = pixels.map((values, i) =>
    numericColumn(pixelName(Math.floor(i / SIZE), i % SIZE), values),
  );
  columns.push(categoricalColumn('digit', labels, DIGIT_CLASSES));
  const roles: Table['roles'] = { digit: 'label' };
  for (const c of columns) if (c.name !== 'digit') roles[c.name] = 'feature';
  return { columns, rowCount: s.samples, roles, kind: 'table', sampleShape: [SIZE, SIZE, 1] };
}
