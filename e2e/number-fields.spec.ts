import type { Locator, Page } from '@playwright/test';
import LZString from 'lz-string';
import { test, expect } from './fixtures';
import { BuilderPage } from './pages/builder';
import { DatasetPage } from './pages/dataset';
import { SharePage } from './pages/share';
import { TrainingPage } from './pages/training';

interface Shared {
  model: { layers: { kind: string; params: Record<string, unknown> }[] };
  data: Record<string, unknown>;
  training: Record<string, unknown>;
}

/**
 * The experiment in use, as the shared link carries it: Copy link writes the address now, so
 * what it holds is the store at this moment, not what the fields show.
 */
async function inUse(page: Page): Promise<Shared> {
  const s = new SharePage(page);
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
  consoleErrors,
}) => {
  const t = new TrainingPage(page);
  await t.goto();

  const rate = t.setting('Learning rate');
  await retype(rate, '1e6');
  await expectRefused(rate, '1e6', 'Learning rate must be a number greater than 0 and at most 10.');
  await expect(t.panel.getByText('Learning rate must be a number')).toBeVisible();

  await retype(t.setting('Batch size'), '5000');
  await expectRefused(
    t.setting('Batch size'),
    '5000',
    'Batch size must be an integer from 1 to 4096.',
  );
  await retype(t.setting('Epochs'), '20000');
  await expectRefused(t.setting('Epochs'), '20000', 'Epochs must be an integer from 1 to 10000.');
  // A lone "-" is text the browser cannot read as a number; it must not pass as "empty".
  await retype(t.setting('Clip gradient norm'), '-');
  await expect(t.setting('Clip gradient norm')).toHaveAttribute('aria-invalid', 'true');

  expect((await inUse(page)).training).toMatchObject({
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
  expect((await inUse(page)).training).toMatchObject({ learningRate: 0.05, batchSize: 32 });
  expect(consoleErrors).toEqual([]);
});

test('a refused layer argument stays in the inspector, and the model keeps its value', async ({
  page,
  consoleErrors,
}) => {
  const b = new BuilderPage(page);
  await b.goto();
  await b.select('dense (Dense)');
  const units = b.field(/^units/);
  await expect(units).toHaveValue('8');

  await retype(units, '5000');
  await expectRefused(units, '5000', 'units must be an integer between 1 and 4096 (got 5000)');
  await expect(b.card('dense (Dense)')).toContainText('units=8');
  await b.expectTotal('105');
  const dense = (await inUse(page)).model.layers.filter((l) => l.kind === 'Dense');
  expect(dense[0]?.params.units).toBe(8);

  await retype(units, '12');
  await expect(b.card('dense (Dense)')).toContainText('units=12');
  expect(consoleErrors).toEqual([]);
});

test('a refused data setting stays in its field with the range, and the data keeps its size', async ({
  page,
  consoleErrors,
}) => {
  const d = new DatasetPage(page);
  await d.goto();
  const points = d.number('Points');
  await expect(points).toHaveValue('500');

  await retype(points, '50000');
  await expectRefused(points, '50000', 'Points must be an integer from 10 to 20000.');
  await expect(d.shape('X shape')).toHaveText('[500, 2]');
  expect((await inUse(page)).data).toMatchObject({ samples: 500 });
  expect(consoleErrors).toEqual([]);
});

test('a value typed and not yet committed is committed when Train is clicked', async ({
  page,
  consoleErrors,
}) => {
  const t = new TrainingPage(page);
  await t.goto();
  await t.chooseBackend('CPU');
  await t.set('Batch size', 100);
  // No blur, no Enter: pressing the button moves focus first, and that commits.
  await t.setting('Epochs').fill('1');
  await t.button('Train').click();
  await t.expectStatus('Finished');
  await expect(t.field('Epoch')).toHaveText('1 / 1');
  expect(consoleErrors).toEqual([]);
});
