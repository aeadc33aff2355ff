import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { BuilderPage } from './pages/builder';

const MLP = ['input_layer (InputLayer)', 'dense (Dense)', 'dense_1 (Dense)', 'dense_2 (Dense)'];

test('the builder loads with the MLP template, its summary and graph, and no console errors', async ({
  page,
  consoleErrors,
}) => {
  const b = new BuilderPage(page);
  await b.goto();
  expect(await b.labels()).toEqual(MLP);
  await b.expectTotal('105');
  await expect(b.summary.getByRole('row')).toHaveCount(4);
  await expect(page.getByRole('img', { name: /Model graph: input_layer → dense/ })).toBeVisible();
  for (const group of ['Core', 'Recurrent', 'Convolution', 'Pooling', 'Advanced activations']) {
    await expect(page.getByRole('list', { name: group })).toBeVisible();
  }
  await page.getByRole('searchbox', { name: 'Filter layers' }).fill('pool 1d');
  await expect(page.getByRole('button', { name: /^Add / })).toHaveCount(4);
  expect(consoleErrors).toEqual([]);
});

test('pointer: drag layers from the palette to a chosen position, then reorder by dragging', async ({
  page,
  consoleErrors,
}) => {
  const b = new BuilderPage(page);
  await b.goto();

  await b.dragFromPalette('Dropout', 2);
  await expect
    .poll(() => b.labels())
    .toEqual([
      'input_layer (InputLayer)',
      'dense (Dense)',
      'dropout (Dropout)',
      'dense_1 (Dense)',
      'dense_2 (Dense)',
    ]);
  await expect(b.dragAnnouncement('Added Dropout at position 3.')).toBeAttached();

  await b.dragFromPalette('BatchNormalization', 5);
  await expect.poll(() => b.labels()).toHaveLength(6);
  expect((await b.labels())[5]).toBe('batch_normalization (BatchNormalization)');

  await b.dragLayer('dropout', 3);
  await expect
    .poll(() => b.labels())
    .toEqual([
      'input_layer (InputLayer)',
      'dense (Dense)',
      'dense_1 (Dense)',
      'dropout (Dropout)',
      'dense_2 (Dense)',
      'batch_normalization (BatchNormalization)',
    ]);
  // A plain click still selects: the pointer sensor waits for a few pixels of travel.
  await b.select('dropout (Dropout)');
  await expect(b.inspector.getByRole('heading', { name: 'dropout' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('keyboard: add from the palette, move with Space and arrows, remove with Delete', async ({
  page,
  consoleErrors,
}) => {
  const b = new BuilderPage(page);
  await b.goto();
  await b.select('dense (Dense)');

  // Enter on a palette item adds it right after the selected layer.
  await page.getByRole('searchbox', { name: 'Filter layers' }).fill('dropout');
  await b.paletteItem('Dropout').focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(() => b.labels())
    .toEqual([
      'input_layer (InputLayer)',
      'dense (Dense)',
      'dropout (Dropout)',
      'dense_1 (Dense)',
      'dense_2 (Dense)',
    ]);
  await expect(page.getByRole('status', { name: 'Announcements' })).toHaveText(
    'Added Dropout at position 3 of 5.',
  );

  await b.handle('dropout').focus();
  await page.keyboard.press('Space');
  await expect(
    b.dragAnnouncement('Picked up dropout (Dropout), at position 3 of 5.'),
  ).toBeAttached();
  await page.keyboard.press('ArrowDown');
  await expect(b.dragAnnouncement('dropout (Dropout) moved to position 4 of 5.')).toBeAttached();
  await page.keyboard.press('Space');
  await expect
    .poll(() => b.labels())
    .toEqual([
      'input_layer (InputLayer)',
      'dense (Dense)',
      'dense_1 (Dense)',
      'dropout (Dropout)',
      'dense_2 (Dense)',
    ]);
  await expect(b.dragAnnouncement('Dropped dropout (Dropout) at position 4 of 5.')).toBeAttached();

  await b.selectButton('dropout (Dropout)').focus();
  await page.keyboard.press('Delete');
  await expect.poll(() => b.labels()).toEqual(MLP);
  // The focus stays in the stack, on the card that took its place.
  await expect(b.selectButton('dense_2 (Dense)')).toBeFocused();
  expect(consoleErrors).toEqual([]);
});

test('a parameter edit updates the summary live; undo and redo by buttons and keys', async ({
  page,
  consoleErrors,
}) => {
  const b = new BuilderPage(page);
  await b.goto();
  await b.select('dense (Dense)');

  // Ctrl+Z in a text field is left to the browser; elsewhere it undoes the model edit.
  const useBias = b.inspector.getByRole('checkbox', { name: /use_bias/ });
  await useBias.uncheck();
  await b.expectTotal('97');
  await b.field(/^Name/).press('Control+z');
  await b.expectTotal('97');
  await useBias.press('Control+z');
  await b.expectTotal('105');
  await expect(useBias).toBeChecked();

  const units = b.field(/^units/);
  await expect(units).toHaveValue('8');

  // Out of range: explained inline, the text stays, the model keeps its last good value.
  await units.fill('0');
  await expect(
    b.inspector.getByText('units must be an integer between 1 and 4096 (got 0)'),
  ).toBeVisible();
  await expect(units).toHaveValue('0');
  await expect(units).toHaveAttribute('aria-invalid', 'true');
  await b.expectTotal('105');

  await units.fill('');
  await units.pressSequentially('32');
  await units.press('Enter');
  await b.expectTotal('369');
  await expect(b.card('dense (Dense)')).toContainText('units=32');

  const undo = page.getByRole('button', { name: 'Undo' });
  const redo = page.getByRole('button', { name: 'Redo' });
  await undo.click();
  await b.expectTotal('105');
  await expect(units).toHaveValue('8');
  await redo.click();
  await b.expectTotal('369');
  await expect(redo).toBeDisabled();

  await page.keyboard.press('Control+z');
  await b.expectTotal('105');
  await page.keyboard.press('Control+Shift+z');
  await b.expectTotal('369');
  await page.keyboard.press('Control+z');
  await b.expectTotal('105');
  await page.keyboard.press('Control+y');
  await b.expectTotal('369');
  expect(consoleErrors).toEqual([]);
});

test('an LSTM after a Dense is marked at that layer, and its problem selects it', async ({
  page,
  consoleErrors,
}) => {
  const b = new BuilderPage(page);
  await b.goto();
  await b.select('dense (Dense)');
  await b.paletteItem('LSTM').click();

  const lstm = b.card('lstm (LSTM)');
  await expect(lstm).toHaveAttribute('aria-invalid', 'true');
  await expect(lstm).toContainText(
    'LSTM needs a 3-D input (batch, timesteps, features) but Dense gives (None, 8)',
  );
  await expect(b.card('dense (Dense)')).not.toHaveAttribute('aria-invalid', 'true');

  await b.select('input_layer (InputLayer)');
  const problem = b.problems.getByRole('button', { name: /^lstm: LSTM needs a 3-D input/ });
  await expect(b.problems.getByRole('listitem')).toHaveCount(1);
  await problem.click();
  await expect(b.selectButton('lstm (LSTM)')).toHaveAttribute('aria-pressed', 'true');
  await expect(b.inspector.getByRole('heading', { name: 'lstm' })).toBeVisible();
  await expect(b.inspector).toContainText('put the LSTM before the Dense, or add a Reshape.');
  expect(consoleErrors).toEqual([]);
});

test('the graph exports an SVG naming every layer, and a PNG', async ({ page, consoleErrors }) => {
  const b = new BuilderPage(page);
  await b.goto();
  await b.loadTemplate('Conv1D + MaxPooling1D classifier');
  await expect.poll(() => b.labels()).toHaveLength(5);
  const graph = page.getByRole('region', { name: 'Graph', exact: true });

  await graph.getByRole('button', { name: 'Left to right' }).click();
  await expect(graph.getByRole('button', { name: 'Left to right' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const drawn = await graph.getByRole('img').boundingBox();
  expect(drawn && drawn.width > drawn.height).toBe(true);
  // Clicking a box in the drawing selects that layer, as in the stack.
  await graph.locator('text', { hasText: /^flatten$/ }).click();
  await expect(page.getByRole('form', { name: 'flatten arguments' })).toBeVisible();

  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    graph.getByRole('button', { name: 'Export SVG' }).click(),
  ]);
  expect(svgDownload.suggestedFilename()).toBe('model.svg');
  const svg = await readFile(await svgDownload.path(), 'utf8');
  expect(svg).toContain('<svg');
  for (const name of ['input_layer', 'conv1d', 'max_pooling1d', 'flatten', 'dense']) {
    expect(svg).toContain(`>${name}</text>`);
  }
  expect(svg).toContain('>(None, 31, 8)</text>');
  expect(svg).not.toContain('<script');

  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    graph.getByRole('button', { name: 'Export PNG' }).click(),
  ]);
  expect(pngDownload.suggestedFilename()).toBe('model.png');
  const png = await readFile(await pngDownload.path());
  expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  expect(png.length).toBeGreaterThan(2000);
  expect(consoleErrors).toEqual([]);
});

test('a model too big for the browser is refused, quoting the estimated memory', async ({
  page,
  consoleErrors,
}) => {
  const b = new BuilderPage(page);
  await b.goto();
  await b.select('input_layer (InputLayer)');
  await b.setField(/^shape/, '4096');
  await b.select('dense (Dense)');
  await b.setField(/^units/, '4096');
  await b.expectTotal('16,814,097');

  await b.select('dense_1 (Dense)');
  const units = b.field(/^units/);
  await b.setField(/^units/, '4096');
  const alert = page.getByRole('alert').filter({ hasText: 'Not applied' });
  await expect(alert).toContainText(/would need about \d+ MB to train in the browser/);
  await expect(alert).toContainText('over the 512 MB budget');
  await expect(units).toHaveValue('4096');
  await expect(b.inspector).toContainText('Not applied: the model would be too big');
  await b.expectTotal('16,814,097');

  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not applied' })).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
