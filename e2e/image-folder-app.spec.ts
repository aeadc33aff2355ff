import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from './fixtures';
import { png } from './image-folder/png';

/**
 * The image-folder import inside the app: real PNGs written here, picked as a folder in
 * Chromium, decoded by the import worker, prepared by the data worker and trained on with
 * tfjs on WASM. The import form alone is tested on its check page (image-folder.spec.ts).
 */
test.describe.configure({ timeout: 300_000 });

/** shapes/{blue,green,red}: 8 slightly varied 8×8 PNGs each, and one file that is no PNG. */
function writeShapes(root: string): string {
  rmSync(root, { recursive: true, force: true });
  const put = (path: string, bytes: Buffer | string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), bytes);
  };
  for (let i = 0; i < 8; i++) {
    put(`blue/b${i}.png`, png(8, 8, [10 + i * 5, 30, 200 - i * 3]));
    put(`green/g${i}.png`, png(8, 8, [20, 190 - i * 4, 30 + i * 5]));
    put(`red/r${i}.png`, png(8, 8, [220 - i * 3, 30 + i * 4, 10]));
  }
  put('red/broken.png', 'these bytes are no PNG at all');
  return root;
}

test('an image folder becomes the data, shows its classes, trains, and a bad zip loses nothing', async ({
  page,
  dataset,
  training,
}) => {
  const root = writeShapes(test.info().outputPath('shapes'));
  await training.goto();
  await dataset.choose('Image folder…');
  for (const side of ['height', 'width']) {
    const field = dataset.number(`image_size ${side}`);
    await field.fill('8');
    await field.press('Enter');
  }
  const chooser = page.waitForEvent('filechooser');
  await dataset.button('Image folder…').click();
  await (await chooser).setFiles(root);

  // 25 files: int(0.2 × 25) = 5 held out before decoding, the broken one skipped and named.
  await expect(dataset.panel.getByRole('list', { name: 'Skipped files' })).toContainText(
    "'red/broken.png'",
    { timeout: 60_000 },
  );
  await expect(dataset.shape('X shape')).toHaveText('[24, 8, 8, 3]');
  await expect(dataset.shape('y shape')).toHaveText('[24, 3]');
  await expect(dataset.picker.locator('option:checked')).toHaveText('Image folder…');
  const grid = dataset.panel.getByRole('img', { name: /^The first 24 images \(8×8, rgb\)/ });
  await expect(grid).toBeVisible();
  const name = (await grid.getAttribute('aria-label')) ?? '';
  for (const c of ['blue', 'green', 'red']) expect(name).toContain(c);
  const counts = dataset.panel.getByRole('table', { name: 'Images per class', exact: true });
  await expect(counts.getByRole('row')).toHaveText(['ClassImages', 'blue8', 'green8', 'red8']);
  // Keras' split is kept: the app validates on exactly the images the import held out.
  const summary = dataset.panel.getByRole('region', { name: 'Imported images' });
  await expect(summary).toContainText(/Training \d+, validation \d+/);
  const [, train, valid] = /Training (\d+), validation (\d+)/.exec(
    (await summary.textContent()) ?? '',
  )!;
  expect(Number(train) + Number(valid)).toBe(24);
  await expect(dataset.panel).toContainText(
    `${train} train / ${valid} validation, chronological split`,
  );

  await dataset.button('Use data shape').click();
  await dataset.button('Add Flatten after the Input').click();
  await dataset.button('Set the last Dense to Dense(3, softmax)').click();
  await training.chooseBackend('WASM');
  await training.set('Epochs', 2);
  await training.button('Train').click();
  await training.expectStatus('Finished', 240_000);
  await expect(training.field('Epoch')).toHaveText('2 / 2');
  await expect(training.field('Val. accuracy')).toHaveText(/^\d+(\.\d+)? %$/);

  // A zip that is not one: the message names it, and the images stay in use.
  const zipChooser = page.waitForEvent('filechooser');
  await dataset.button('Zip file…').click();
  await (
    await zipChooser
  ).setFiles({ name: 'garbage.zip', mimeType: 'application/zip', buffer: Buffer.from('words') });
  const alert = dataset.panel.getByRole('alert');
  await expect(alert).toContainText("'garbage.zip' could not be read as a zip archive");
  await expect(alert).toContainText("Still in use: 'shapes'.");
  await expect(dataset.shape('X shape')).toHaveText('[24, 8, 8, 3]');
  await expect(grid).toBeVisible();

  // A reload keeps the link's options but not the images: the folder is asked for again.
  await page.reload();
  await expect(dataset.panel).toContainText("Open the image folder 'shapes' again");
  await expect(dataset.number('image_size height')).toHaveValue('8');
});
