import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { zipSync } from 'fflate';
import { png } from './image-folder/png';

/**
 * The image-folder import (Keras' image_dataset_from_directory) in real Chromium: real PNG files
 * written here, picked as a folder, zipped and dropped; decoded and resized by the browser in
 * the import's module worker. The check page (e2e/image-folder) is the import alone, wired to
 * the app's data error alert as the data panel will wire it.
 */

const outBase = resolve(process.env.LAYERLAB_TEST_OUT || 'test-results', 'image-folder');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

let server: Server;
let origin = '';
let work = '';

test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  work = `${outBase}-${test.info().parallelIndex}`;
  const pageDir = join(work, 'page');
  execFileSync(
    'npx',
    ['vite', 'build', '--config', 'e2e/image-folder/vite.config.ts', '--outDir', pageDir],
    { stdio: 'inherit' },
  );
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = join(pageDir, path === '/' ? 'index.html' : decodeURIComponent(path));
    if (!file.startsWith(pageDir)) return void res.writeHead(403).end();
    readFile(file).then(
      (body) =>
        res
          .writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' })
          .end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

const BLUE: [number, number, number] = [20, 40, 200];
const RED: [number, number, number] = [220, 30, 10];

/** pets/blue: four 6×6 PNGs; pets/red: five 10×8 PNGs and one that is garbage; a stray README. */
function writePets(): string {
  const root = join(work, 'pets');
  rmSync(root, { recursive: true, force: true });
  const put = (path: string, bytes: Buffer | string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), bytes);
  };
  for (let i = 0; i < 4; i++) put(`blue/b${i}.png`, png(6, 6, BLUE));
  for (let i = 0; i < 5; i++) put(`red/r${i}.png`, png(10, 8, RED));
  put('red/broken.png', 'these bytes are no PNG at all');
  put('README.txt', 'one folder per class');
  return root;
}

async function open(page: Page) {
  await page.goto(`${origin}/`);
  await expect(page.getByRole('button', { name: 'Image folder…' })).toBeEnabled();
  // Every value the progress bar announces, as the DOM changes: no timing involved.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"], progress');
      const text = bar?.getAttribute('aria-valuetext');
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

async function setNumber(page: Page, label: string, value: string) {
  const field = page.getByRole('spinbutton', { name: label, exact: true });
  await field.fill(value);
  await field.press('Enter');
}

/** What the check page exposes of the last import (check-page.tsx). */
interface ImportCheck {
  classNames: string[];
  counts: number[];
  channels: number;
  training: number;
  validation: number;
  seed: number;
  firstPixel: Record<string, number[]>;
  range: [number, number];
}
const checkOf = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { imageFolderCheck?: ImportCheck }).imageFolderCheck ?? null,
  );

test('a picked folder imports, the broken file is named, the sizes are noted', async ({ page }) => {
  const root = writePets();
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await open(page);
  await setNumber(page, 'image_size height', '4');
  await setNumber(page, 'image_size width', '4');
  await setNumber(page, 'seed', '1337');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Image folder…' }).click();
  await (await chooser).setFiles(root);

  const summary = page.getByRole('region', { name: 'Imported images' });
  await expect(summary).toContainText("'pets': 9 images in 2 classes, each 4×4×3 (rgb)");
  // int(0.2 × 10 files) = 2 for validation, split before decoding as Keras does.
  const rows = page.getByRole('table', { name: 'Imported images per class' }).getByRole('row');
  await expect(rows).toHaveText(['LabelClassImages', '0blue4', '1red5']);
  const skipped = page.getByRole('list', { name: 'Skipped files' });
  await expect(skipped).toContainText(
    "Skipped 1 file that could not be decoded as an image: 'red/broken.png'.",
  );
  await expect(skipped).toContainText("at the top level, not in a class folder: 'README.txt'");
  await expect(page.getByRole('list', { name: 'Notes on the images' })).toContainText(
    'The images come in 2 sizes (width×height: 10×8 (5), 6×6 (4)); all were resized to image_size (4, 4)',
  );
  await expect(page.getByRole('alert')).toHaveCount(0);
  // Decoded off the main thread, in the import's module worker.
  expect(workers.some((u) => /import\.worker-[\w-]+\.js$/.test(u))).toBe(true);

  const check = await checkOf(page);
  expect(check).not.toBeNull();
  expect(check!.seed).toBe(1337);
  expect(check!.training + check!.validation).toBe(9);
  // A solid colour stays that colour through the bilinear resize, in 0..1.
  for (const [name, rgb] of [
    ['blue', BLUE],
    ['red', RED],
  ] as const) {
    check!.firstPixel[name]!.forEach((v, k) => expect(v).toBeCloseTo(rgb[k]! / 255, 5));
  }
  const seen = await page.evaluate(
    () => (window as unknown as { progressSeen: string[] }).progressSeen,
  );
  expect(seen.some((t) => /^Decoding \d+ of 10 images$/.test(t))).toBe(true);
  await page.screenshot({ path: join(work, 'imported.png'), fullPage: true });
  // The form, the summary and its lists pass axe's default rules (WCAG A/AA), as the app does.
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
});

test('a failed import names the problem and keeps the images already imported', async ({
  page,
}) => {
  await open(page);
  const good = zipSync({
    a: { '1.png': png(5, 5, BLUE), '2.png': png(5, 5, BLUE) },
    b: { '1.png': png(5, 5, RED), '2.png': png(5, 5, RED), '3.png': png(5, 5, RED) },
  });
  const pick = async (name: string, bytes: Uint8Array | Buffer) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Zip file…' }).click();
    await (
      await chooser
    ).setFiles({ name, mimeType: 'application/zip', buffer: Buffer.from(bytes) });
  };
  await pick('ab.zip', good);
  const summary = page.getByRole('region', { name: 'Imported images' });
  await expect(summary).toContainText("'ab.zip': 5 images in 2 classes");

  await pick('one.zip', zipSync({ cats: { '1.png': png(5, 5, RED) }, 'top.png': png(5, 5, RED) }));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    "Only one class folder in 'one.zip' holds images ('cats'): a classifier needs at least two.",
  );
  await expect(alert).toContainText("Still in use: 'ab.zip'.");
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  await expect(summary).toContainText("'ab.zip': 5 images in 2 classes");

  const four = zipSync({ a: { '1.png': png(5, 5, BLUE) }, b: { '1.png': png(5, 5, RED) } });
  await pick('two.zip', four);
  await expect(alert).toContainText(
    'validation_split 0.2 of 2 images leaves the validation subset empty.',
  );

  await pick('garbage.zip', Buffer.from('not a zip, only words'));
  await expect(alert).toContainText("'garbage.zip' could not be read as a zip archive");
  await expect(summary).toContainText("'ab.zip'");
  await page.getByRole('button', { name: 'Dismiss the data error' }).click();
  await expect(alert).toHaveCount(0);
});

test('a dropped zip imports in grayscale with the luma weights', async ({ page }) => {
  await open(page);
  await page.getByRole('combobox', { name: 'color_mode' }).selectOption('grayscale');
  await setNumber(page, 'validation_split', '0');
  const bytes = zipSync({
    shapes: {
      cat: { '1.png': png(3, 3, [255, 0, 0]), '2.png': png(3, 3, [255, 0, 0]) },
      dog: { '1.png': png(3, 3, [0, 0, 255]) },
      empty: {},
    },
  });
  await page.evaluate(
    (data) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], 'shapes.zip', { type: 'application/zip' }));
      const zone = document.querySelector('[aria-label="Drop an image folder or a .zip"]')!;
      zone.dispatchEvent(
        new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
    },
    [...bytes],
  );
  const summary = page.getByRole('region', { name: 'Imported images' });
  await expect(summary).toContainText(
    "'shapes.zip': 3 images in 3 classes, each 28×28×1 (grayscale)",
  );
  await expect(summary).toContainText('All 3 for training (no validation split)');
  await expect(page.getByRole('list', { name: 'Notes on the images' })).toContainText(
    "Read 'shapes' as the folder of classes",
  );
  await expect(page.getByRole('list', { name: 'Skipped files' })).toContainText(
    "Class folder 'empty' holds no images",
  );
  const check = await checkOf(page);
  expect(check!.classNames).toEqual(['cat', 'dog', 'empty']);
  expect(check!.counts).toEqual([2, 1, 0]);
  expect(check!.firstPixel.cat![0]).toBeCloseTo(0.2989, 4);
  expect(check!.firstPixel.dog![0]).toBeCloseTo(0.114, 4);
  expect(check!.range[0]).toBeGreaterThanOrEqual(0);
  expect(check!.range[1]).toBeLessThanOrEqual(1);
});

test('the limits are stated before import and follow image_size', async ({ page }) => {
  await open(page);
  const zone = page.getByRole('group', { name: 'Drop an image folder or a .zip' });
  await expect(zone).toContainText('Up to 20 000 images and 200 MB of image files.');
  await setNumber(page, 'image_size height', '128');
  await setNumber(page, 'image_size width', '128');
  await expect(zone).toContainText('(at 128×128 rgb: 1 365 images)');
  // A value out of range is refused by the field, with the range.
  await setNumber(page, 'image_size width', '999');
  await expect(page.getByText('image_size width must be an integer from 4 to 256.')).toBeVisible();
});

test('a folder dropped from the file manager is walked, folder by folder', async ({ page }) => {
  const root = writePets();
  await open(page);
  await setNumber(page, 'validation_split', '0');
  // A real drop of a real folder, as the operating system hands it to Chromium.
  const zone = page.getByRole('group', { name: 'Drop an image folder or a .zip' });
  const box = (await zone.boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: [root], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) {
    await cdp.send('Input.dispatchDragEvent', { type, x, y, data });
  }
  const summary = page.getByRole('region', { name: 'Imported images' });
  await expect(summary).toContainText("'pets': 9 images in 2 classes");
  await expect(page.getByRole('list', { name: 'Skipped files' })).toContainText("'red/broken.png'");
});
