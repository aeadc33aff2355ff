import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ChartsPage } from './pages/charts';
import { TrainingPage } from './pages/training';

// axe-core's WCAG 2.1 A/AA rules over the whole page, in each state a user sees most.
test.describe.configure({ timeout: 150_000 });

async function violations(page: Page) {
  const r = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return r.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
}

test('the page passes axe: on load (light and dark), after training, and with each chart tab open', async ({
  page,
}) => {
  const t = new TrainingPage(page);
  const c = new ChartsPage(page);
  await t.goto();
  expect(await violations(page)).toEqual([]);
  // The dark theme follows the system setting: its colours must pass too.
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await violations(page), 'dark theme').toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });
  await t.chooseBackend('CPU');
  await t.quickRun(2);
  await t.button('Train').click();
  await t.expectStatus('Finished');
  expect(await violations(page)).toEqual([]);
  for (const tab of ['Layer outputs', 'Pooling', 'Predictions', 'Activation explorer']) {
    await c.open(tab);
    await expect(c.panel.getByText('Loading chart…')).toHaveCount(0);
    expect(await violations(page), tab).toEqual([]);
  }
});
