import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures';

// axe-core's default rule set (WCAG A/AA and its best practices) over the whole page, in each
// state a user sees most. Any finding fails, whatever its impact: minor ones pile up unseen.
// Up to seven full axe passes and a training run per test: room for a slow, shared machine (one
// pass took 30–40 s on this 2-core VM at a load average of 12).
test.describe.configure({ timeout: 480_000 });

async function violations(page: Page) {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
}

const births = fileURLToPath(new URL('../public/data/us-births.csv', import.meta.url));

test('the page passes axe: on load (light and dark), after training, and with each chart tab open', async ({
  page,
  training,
  charts,
}) => {
  await training.goto();
  // Soft: one run reports every state that fails, not only the first.
  expect.soft(await violations(page), 'on load').toEqual([]);
  // The dark theme follows the system setting: its colours must pass too.
  await page.emulateMedia({ colorScheme: 'dark' });
  expect.soft(await violations(page), 'dark theme').toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });
  await training.chooseBackend('CPU');
  await training.quickRun(2);
  await training.button('Train').click();
  await training.expectStatus('Finished');
  expect.soft(await violations(page), 'after training').toEqual([]);
  // The predictions' own panel is on screen with the loss: checked 'after training' above.
  await expect(charts.predictions.getByRole('figure').first()).toBeVisible();
  for (const tab of ['Layer outputs', 'Pooling', 'Activation explorer']) {
    await charts.open(tab);
    await expect(charts.panel.getByText('Loading chart…')).toHaveCount(0);
    expect.soft(await violations(page), tab).toEqual([]);
  }
});

test('the page passes axe with a layer selected and with a CSV file open', async ({
  page,
  builder,
  dataset,
}) => {
  await builder.goto();
  await builder.select('dense (Dense)');
  await expect(
    builder.inspector.getByRole('heading', { name: 'dense', exact: true }),
  ).toBeVisible();
  expect.soft(await violations(page), 'a layer selected').toEqual([]);

  await dataset.choose('Your own CSV file…');
  await dataset.fileInput.setInputFiles(births);
  await expect(
    dataset.panel.getByRole('table', { name: 'First rows of us-births.csv' }),
  ).toBeVisible();
  await expect(
    dataset.panel.getByRole('img', { name: /^Scatter of month against year/ }),
  ).toBeVisible();
  expect.soft(await violations(page), 'a CSV file open').toEqual([]);
});

// The workspace at each layout it takes: three columns (with a panel folded), tablet, phone.
for (const viewport of [
  { width: 1280, height: 720, fold: 'Graph' },
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
]) {
  test(`the page passes axe at ${viewport.width}×${viewport.height}${viewport.fold ? ` with ${viewport.fold} folded` : ''}`, async ({
    page,
    builder,
  }) => {
    await page.setViewportSize(viewport);
    await builder.goto();
    if (viewport.fold) {
      await page.getByRole('button', { name: `Collapse ${viewport.fold}` }).click();
      await expect(page.getByRole('button', { name: `Expand ${viewport.fold}` })).toBeVisible();
    }
    expect(await violations(page)).toEqual([]);
  });
}
