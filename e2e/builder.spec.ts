import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';

const MLP = ['input_layer (InputLayer)', 'dense (Dense)', 'dense_1 (Dense)', 'dense_2 (Dense)'];

test('the builder loads with the MLP template, its summary and graph, and no console errors', async ({
  page,
  builder,
}) => {
  await builder.goto();
  expect(await builder.labels()).toEqual(MLP);
  await builder.expectTotal('105');
  await expect(builder.summary.getByRole('row')).toHaveCount(4);
  await expect(page.getByRole('img', { name: /Model graph: input_layer → dense/ })).toBeVisible();
  for (const group of ['Core', 'Recurrent', 'Convolution', 'Pooling', 'Advanced activations']) {
    await expect(page.getByRole('list', { name: group })).toBeVisible();
  }
  await page.getByRole('searchbox', { name: 'Filter layers' }).fill('pool 1d');
  await expect(page.getByRole('button', { name: /^Add / })).toHaveCount(4);
});

test('pointer: drag layers from the palette to a chosen position, then reorder by dragging', async ({
  builder,
}) => {
  await builder.goto();

  await builder.dragFromPalette('Dropout', 2);
  await expect
    .poll(() => builder.labels())
    .toEqual([
      'input_layer (InputLayer)',
      'dense (Dense)',
      'dropout (Dropout)',
      'dense_1 (Dense)',
      'dense_2 (Dense)',
    ]);
  await expect(builder.dragAnnouncement('Added Dropout at position 3.')).toBeAttached();

  await builder.dragFromPalette('BatchNormalization', 5);
  await expect.poll(() => builder.labels()).toHaveLength(6);
  expect((await builder.labels())[5]).toBe('batch_normalization (BatchNormalization)');

  await builder.dragLayer('dropout', 3);
  await expect
    .poll(() => builder.labels())
    .toEqual([
      'input_layer (InputLayer)',
      'dense (Dense)',
      'dense_1 (Dense)',
      'dropout (Dropout)',
      'dense_2 (Dense)',
      'batch_normalization (BatchNormalization)',
    ]);
  // A plain click still selects: the pointer sensor waits for a few pixels of travel.
  await builder.select('dropout (Dropout)');
  await expect(builder.inspector.getByRole('heading', { name: 'dropout' })).toBeVisible();
});

test('keyboard: add from the palette, move with Space and arrows, remove with Delete', async ({
  page,
  builder,
}) => {
  await builder.goto();
  await builder.select('dense (Dense)');

  // Enter on a palette item adds it right after the selected layer.
  await page.getByRole('searchbox', { name: 'Filter layers' }).fill('dropout');
  await builder.paletteItem('Dropout').focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(() => builder.labels())
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

  await builder.handle('dropout').focus();
  await page.keyboard.press('Space');
  await expect(
    builder.dragAnnouncement('Picked up dropout (Dropout), at position 3 of 5.'),
  ).toBeAttached();
  await page.keyboard.press('ArrowDown');
  await expect(
    builder.dragAnnouncement('dropout (Dropout) moved to position 4 of 5.'),
  ).toBeAttached();
  await page.keyboard.press('Space');
  await expect
    .poll(() => builder.labels())
    .toEqual([
      'input_layer (InputLayer)',
      'dense (Dense)',
      'dense_1 (Dense)',
      'dropout (Dropout)',
      'dense_2 (Dense)',
    ]);
  await expect(
    builder.dragAnnouncement('Dropped dropout (Dropout) at position 4 of 5.'),
  ).toBeAttached();

  await builder.selectButton('dropout (Dropout)').focus();
  await page.keyboard.press('Delete');
  await expect.poll(() => builder.labels()).toEqual(MLP);
  // The focus stays in the stack, on the card that took its place.
  await expect(builder.selectButton('dense_2 (Dense)')).toBeFocused();
});

test('a parameter edit updates the summary live; undo and redo by buttons and keys', async ({
  page,
  builder,
}) => {
  await builder.goto();
  await builder.select('dense (Dense)');

  // Ctrl+Z in a text field is left to the browser; elsewhere it undoes the model edit.
  const useBias = builder.inspector.getByRole('checkbox', { name: /use_bias/ });
  await useBias.uncheck();
  await builder.expectTotal('97');
  await builder.field(/^Name/).press('Control+z');
  await builder.expectTotal('97');
  await useBias.press('Control+z');
  await builder.expectTotal('105');
  await expect(useBias).toBeChecked();

  const units = builder.field(/^units/);
  await expect(units).toHaveValue('8');

  // Out of range: explained inline, the text stays, the model keeps its last good value.
  await units.fill('0');
  await expect(
    builder.inspector.getByText('units must be an integer between 1 and 4096 (got 0)'),
  ).toBeVisible();
  await expect(units).toHaveValue('0');
  await expect(units).toHaveAttribute('aria-invalid', 'true');
  await builder.expectTotal('105');

  await units.fill('');
  await units.pressSequentially('32');
  await units.press('Enter');
  await builder.expectTotal('369');
  await expect(builder.card('dense (Dense)')).toContainText('units=32');

  const undo = page.getByRole('button', { name: 'Undo' });
  const redo = page.getByRole('button', { name: 'Redo' });
  await undo.click();
  await builder.expectTotal('105');
  await expect(units).toHaveValue('8');
  await redo.click();
  await builder.expectTotal('369');
  await expect(redo).toBeDisabled();

  await page.keyboard.press('Control+z');
  await builder.expectTotal('105');
  await page.keyboard.press('Control+Shift+z');
  await builder.expectTotal('369');
  await page.keyboard.press('Control+z');
  await builder.expectTotal('105');
  await page.keyboard.press('Control+y');
  await builder.expectTotal('369');
});

test('a layer name is a draft until committed, and only an allowed name reaches the card', async ({
  page,
  builder,
}) => {
  await builder.goto();
  await builder.select('dense (Dense)');
  const name = builder.field(/^Name/);

  // Another layer's name: the rule is explained under the field and the card keeps its name.
  await name.fill('dense_1');
  await name.press('Tab');
  await expect(name).toHaveAccessibleDescription(
    "Another layer is already called 'dense_1': pick a different name.",
  );
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveValue('dense_1');
  expect(await builder.labels()).toEqual(MLP);

  // Keras scopes weight names with '/', so a name holding one is refused the same way.
  await name.fill('block/dense');
  await name.press('Tab');
  await expect(name).toHaveAccessibleDescription(/^Layer names start with a letter/);
  expect(await builder.labels()).toEqual(MLP);

  // An allowed name is checked as it is typed but only taken on Enter.
  await name.fill('hidden');
  await expect(name).not.toHaveAttribute('aria-invalid');
  expect(await builder.labels()).toEqual(MLP);
  await name.press('Enter');
  await expect(builder.card('hidden (Dense)')).toBeVisible();
  await expect(builder.inspector.getByRole('heading', { name: 'hidden' })).toBeVisible();

  // The whole name is one undo step, not one per keystroke.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => builder.labels()).toEqual(MLP);
  await expect(name).toHaveValue('');
});

test('an LSTM after a Dense is marked at that layer, and its problem selects it', async ({
  builder,
}) => {
  await builder.goto();
  await builder.select('dense (Dense)');
  await builder.paletteItem('LSTM').click();

  const lstm = builder.card('lstm (LSTM)');
  await expect(lstm).toHaveAttribute('aria-invalid', 'true');
  await expect(lstm).toContainText(
    'LSTM needs a 3-D input (batch, timesteps, features) but Dense gives (None, 8)',
  );
  await expect(builder.card('dense (Dense)')).not.toHaveAttribute('aria-invalid', 'true');

  await builder.select('input_layer (InputLayer)');
  const problem = builder.problems.getByRole('button', { name: /^lstm: LSTM needs a 3-D input/ });
  await expect(builder.problems.getByRole('listitem')).toHaveCount(1);
  await problem.click();
  await expect(builder.selectButton('lstm (LSTM)')).toHaveAttribute('aria-pressed', 'true');
  await expect(builder.inspector.getByRole('heading', { name: 'lstm' })).toBeVisible();
  await expect(builder.inspector).toContainText('put the LSTM before the Dense, or add a Reshape.');
});

test('the graph exports an SVG naming every layer, and a PNG', async ({ page, builder }) => {
  await builder.goto();
  await builder.loadTemplate('Conv1D + MaxPooling1D classifier');
  await expect.poll(() => builder.labels()).toHaveLength(5);
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
});

test('a model too big for the browser is refused, quoting the estimated memory', async ({
  page,
  builder,
}) => {
  await builder.goto();
  await builder.select('input_layer (InputLayer)');
  await builder.setField(/^shape/, '4096');
  await builder.select('dense (Dense)');
  await builder.setField(/^units/, '4096');
  await builder.expectTotal('16,814,097');

  await builder.select('dense_1 (Dense)');
  const units = builder.field(/^units/);
  await builder.setField(/^units/, '4096');
  const alert = page.getByRole('alert').filter({ hasText: 'Not applied' });
  await expect(alert).toContainText(/would need about \d+ MB to train in the browser/);
  await expect(alert).toContainText('over the 512 MB budget');
  await expect(units).toHaveValue('4096');
  await expect(builder.inspector).toContainText('Not applied: the model would be too big');
  await builder.expectTotal('16,814,097');

  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not applied' })).toHaveCount(0);
});
