import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SHIPPED_IDS } from './config';
import { classCounts } from './images';
import { loadTable } from './index';
import { prepareDataset } from './prepare';
import { parseShipped, SHIPPED } from './shipped';
import { shippedText } from './shipped-text';
import { unwrap, values } from './test-helpers';

const path = (file: string) => fileURLToPath(new URL(`../../public/data/${file}`, import.meta.url));
const read = (file: string) => readFileSync(path(file), 'utf8');
const bytes = async (file: string) => new Uint8Array(readFileSync(path(file)));

describe('shipped data', () => {
  it.each(SHIPPED_IDS)('%s: the file parses to its catalogue entry and prepares', async (id) => {
    const info = SHIPPED[id];
    const table = unwrap(parseShipped(id, await shippedText(id, bytes)));
    expect(table.rowCount).toBe(info.rows);
    expect(table.columns.map((c) => c.name)).toEqual(info.columns);
    expect(table.roles).toEqual(info.roles);
    expect(info.config).toMatchObject({ source: 'shipped', id });
    unwrap(prepareDataset(table, info.config));
  });

  it('iris is a balanced 3-class table with four measurements', () => {
    const table = unwrap(parseShipped('iris', read('iris.csv')));
    const p = unwrap(prepareDataset(table, SHIPPED.iris.config));
    expect([p.task, p.classNames, p.xShape]).toEqual([
      'multiclass',
      ['setosa', 'versicolor', 'virginica'],
      [150, 4],
    ]);
    const codes = values(table, 'species');
    expect([0, 1, 2].map((c) => codes.filter((v) => v === c).length)).toEqual([50, 50, 50]);
  });

  it('us-births forecasts tomorrow from four weeks of births', () => {
    const table = unwrap(parseShipped('us-births', read('us-births.csv')));
    expect(values(table, 'births').slice(0, 3)).toEqual([9083, 8006, 11363]);
    const p = unwrap(prepareDataset(table, SHIPPED['us-births'].config));
    expect(p.task).toBe('regression');
    expect(p.xShape.slice(1)).toEqual([28, 1]);
    expect(p.splitMode).toBe('chronological');
    expect(p.featureNames).toEqual(['births']);
  });

  it('MNIST: 10 000 28×28 digits, about 1 000 per class, pixels 0–1, CC BY-SA credited', async () => {
    const table = unwrap(parseShipped('mnist', await shippedText('mnist', bytes)));
    const images = table.images;
    expect(images?.shape).toEqual([28, 28, 1]);
    expect(images?.pixels.length).toBe(10_000 * 784);
    const counts = images ? classCounts(images) : [];
    expect(counts).toHaveLength(10);
    for (const c of counts) expect(c).toBeGreaterThan(850);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10_000);
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of images?.pixels ?? []) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
    expect([lo, hi]).toEqual([0, 1]);
    const p = unwrap(prepareDataset(table, SHIPPED.mnist.config));
    expect([p.task, p.xShape, p.yShape, p.trainCount]).toEqual([
      'multiclass',
      [10_000, 28, 28, 1],
      [10_000, 10],
      8000,
    ]);
    expect(p.normalisation.kind).toBe('none');
    // The first training sample is the image at its source row, unscaled.
    const row = p.sourceRows[0] ?? 0;
    expect(Array.from(p.x.subarray(0, 784))).toEqual(
      Array.from(images?.pixels.subarray(row * 784, row * 784 + 784) ?? []),
    );
    expect(SHIPPED.mnist.licence).toBe('CC BY-SA 3.0');
    expect(SHIPPED.mnist.attribution).toContain('LeCun');
  });

  it('UCI digits: 1 797 8×8 images scaled from 0–16 to 0–1', async () => {
    const table = unwrap(parseShipped('uci-digits', await shippedText('uci-digits', bytes)));
    expect(table.images?.shape).toEqual([8, 8, 1]);
    // The first row of the file: a zero, 0 0 5 13 9 1 0 0 …
    expect(Array.from(table.images?.pixels.subarray(0, 5) ?? [])).toEqual([
      0,
      0,
      5 / 16,
      13 / 16,
      9 / 16,
    ]);
    expect(table.images?.labels[0]).toBe(0);
    const p = unwrap(prepareDataset(table, SHIPPED['uci-digits'].config));
    expect(p.xShape).toEqual([1797, 8, 8, 1]);
  });

  it('a limit keeps only the first images, and the same ones', async () => {
    const text = await shippedText('uci-digits', bytes);
    const all = unwrap(loadTable(SHIPPED['uci-digits'].config, text));
    const some = unwrap(loadTable({ ...SHIPPED['uci-digits'].config, limit: 100 }, text));
    expect([some.rowCount, some.images?.labels.length, some.images?.pixels.length]).toEqual([
      100, 100, 6400,
    ]);
    expect(Array.from(some.images?.pixels ?? [])).toEqual(
      Array.from(all.images?.pixels.subarray(0, 6400) ?? []),
    );
  });

  it('breast cancer is binary over 30 features; wine has three cultivars over 13', async () => {
    const bc = unwrap(parseShipped('breast-cancer', read('breast-cancer.csv')));
    const p = unwrap(prepareDataset(bc, SHIPPED['breast-cancer'].config));
    expect([p.task, p.classNames, p.xShape]).toEqual([
      'binary',
      ['benign', 'malignant'],
      [569, 30],
    ]);
    const wine = unwrap(parseShipped('wine', read('wine.csv')));
    const w = unwrap(prepareDataset(wine, SHIPPED.wine.config));
    expect([w.task, w.classNames, w.xShape]).toEqual([
      'multiclass',
      ['class_0', 'class_1', 'class_2'],
      [178, 13],
    ]);
  });

  it('refuses a broken image file with the reason, and windowing on images', async () => {
    const broken = parseShipped('mnist', new TextEncoder().encode('not idx at all'));
    expect(broken.ok ? '' : broken.reason).toMatch(
      /MNIST.*did not load as expected \('mnist-10k-images-idx3-ubyte.gz' is not an IDX file/,
    );
    // Bytes and text are not interchangeable: each source says which it got.
    const asText = parseShipped('mnist', 'not bytes');
    expect(asText.ok ? '' : asText.reason).toContain(
      "'mnist-10k-images-idx3-ubyte.gz' arrived as text",
    );
    const asBytes = parseShipped('uci-digits', new Uint8Array(3));
    expect(asBytes.ok ? '' : asBytes.reason).toContain('arrived as bytes');
    const table = unwrap(parseShipped('uci-digits', await shippedText('uci-digits', bytes)));
    const windowed = {
      ...SHIPPED['uci-digits'].config.prepare,
      windowing: { ...SHIPPED['uci-digits'].config.prepare.windowing, enabled: true },
    };
    expect(prepareDataset(table, windowed)).toEqual({
      ok: false,
      reason: 'Images cannot be cut into windows of time steps; turn windowing off.',
    });
  });

  it('lets roles be overridden, e.g. day_of_week as a feature', () => {
    const table = unwrap(
      parseShipped('us-births', read('us-births.csv'), { day_of_week: 'feature' }),
    );
    const config = { ...SHIPPED['us-births'].config.prepare };
    const p = unwrap(prepareDataset(table, config));
    expect(p.featureNames).toEqual(['day_of_week', 'births']);
    expect(p.xShape.slice(1)).toEqual([28, 2]);
  });

  it('refuses something that is not the expected file (such as an HTML page)', () => {
    expect(parseShipped('iris', '<!doctype html><html><body>Not found</body></html>')).toEqual({
      ok: false,
      reason:
        "The shipped data 'Iris flowers' (iris.csv) did not load as expected; reload the page and try again.",
    });
  });
});
