import type { Locator } from '@playwright/test';
import LZString from 'lz-string';
import { test, expect } from './fixtures';
import { SharePage } from './pages/share';

interface Shared {
  model: { layers: { kind: string; params: Record<string, unknown> }[] };
  data: Record<string, unknown>;
  training: Record<string, unknown>;
}

/**
 * The experiment in use, as the shared link carries it: Copy link writes the address now, so
 * what it holds is the store at this moment, not what the fields show.
 */
async function inUse(s: SharePage): Promise<Shared> {
  const { page } = s;
  await s.button('Copy link').click();
  await expect(s.toolbar.getByRole('status')).toHaveText('Link copied');
  const hash = await page.evaluate(() => location.hash);
  expect(hash).toMatch(/^#e1\./);
  const json = LZString.decompressFromEncodedURIComponent(hash.slice('#e1.'.length));
  return JSON.parse(json ?? 'null') as Shared;
}

/** As reported: click the field, select all, type, leave with Tab; real keystrokes throughout. */
async function retype(field: Locator, text: string) {
  await field.click();
  await field.page().keyboard.press('Control+A');
  await field.page().keyboard.type(text);
  await field.page().keyboard.press('Tab');
}

async function expectRefused(field: Locator, text: string, reason: string) {
  await expect(field).toHaveValue(text);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(new RegExp(`^${escape(reason)}`));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test.beforeEach(async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
});

test('a refused training setting stays in its field with the range, and the last valid value stays in use', async ({
  page,
  training,
  share,
}) => {
  await training.goto();

  const rate = training.setting('Learning rate');
  await retype(rate, '1e6');
  await expectRefused(rate, '1e6', 'Learning rate must be a number greater than 0 and at most 10.');
  await expect(training.panel.getByText('Learning rate must be a number')).toBeVisible();

  await retype(training.setting('Batch size'), '5000');
  await expectRefused(
    training.setting('Batch size'),
    '5000',
    'Batch size must be an integer from 1 to 4096.',
  );
  await retype(training.setting('Epochs'), '20000');
  await expectRefused(
    training.setting('Epochs'),
    '20000',
    'Epochs must be an integer from 1 to 10000.',
  );
  // A lone "-" is text the browser cannot read as a number; it must not pass as "empty".
  await retype(training.setting('Clip gradient norm'), '-');
  await expect(training.setting('Clip gradient norm')).toHaveAttribute('aria-invalid', 'true');

  expect((await inUse(share)).training).toMatchObject({
    learningRate: 0.01,
    batchSize: 32,
    epochs: 20,
    clipNorm: null,
  });

  // Escape puts the value in use back; a valid value commits with Enter.
  await rate.click();
  await page.keyboard.press('Escape');
  await expect(rate).toHaveValue('0.01');
  await expect(rate).not.toHaveAttribute('aria-invalid');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('0.05');
  await page.keyboard.press('Enter');
  await expect(rate).not.toHaveAttribute('aria-invalid');
  expect((await inUse(share)).training).toMatchObject({ learningRate: 0.05, batchSize: 32 });
});

test('a refused layer argument stays in the inspector, and the model keeps its value', async ({
  builder,
  share,
}) => {
  await builder.goto();
  await builder.select('dense (Dense)');
  const units = builder.field(/^units/);
  await expect(units).toHaveValue('8');

  await retype(units, '5000');
  await expectRefused(units, '5000', 'units must be an integer between 1 and 4096 (got 5000)');
  await expect(builder.card('dense (Dense)')).toContainText('units=8');
  await builder.expectTotal('105');
  const dense = (await inUse(share)).model.layers.filter((l) => l.kind === 'Dense');
  expect(dense[0]?.params.units).toBe(8);

  await retype(units, '12');
  await expect(builder.card('dense (Dense)')).toContainText('units=12');
});

test('a refused data setting stays in its field with the range, and the data keeps its size', async ({
  dataset,
  share,
}) => {
  await dataset.goto();
  const points = dataset.number('Points');
  await expect(points).toHaveValue('500');

  await retype(points, '50000');
  await expectRefused(points, '50000', 'Points must be an integer from 10 to 20000.');
  await expect(dataset.shape('X shape')).toHaveText('[500, 2]');
  expect((await inUse(share)).data).toMatchObject({ samples: 500 });
});

test('a value typed and not yet committed is committed when Train is clicked', async ({
  training,
}) => {
  await training.goto();
  await training.chooseBackend('CPU');
  await training.set('Batch size', 100);
  // No blur, no Enter: pressing the button moves focus first, and that commits.
  await training.setting('Epochs').fill('1');
  await training.button('Train').click();
  await training.expectStatus('Finished');
  await expect(training.field('Epoch')).toHaveText('1 / 1');
});
