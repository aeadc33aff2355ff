import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** The element's box lies wholly inside the viewport (with 1 px for rounding). */
async function expectInView(page: Page, what: string, locator: Locator) {
  const view = page.viewportSize();
  const b = await locator.boundingBox();
  if (!view || !b) throw new Error(`${what}: no box`);
  expect(b.x, `${what} left`).toBeGreaterThanOrEqual(-1);
  expect(b.y, `${what} top`).toBeGreaterThanOrEqual(-1);
  expect(b.x + b.width, `${what} right`).toBeLessThanOrEqual(view.width + 1);
  expect(b.y + b.height, `${what} bottom`).toBeLessThanOrEqual(view.height + 1);
}

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
]) {
  test(`at ${viewport.width}×${viewport.height} the model, the Train button, the loss and the predictions are all in view while training, without scrolling`, async ({
    page,
    training,
    charts,
    builder,
  }) => {
    await page.setViewportSize(viewport);
    await training.goto();
    await training.chooseBackend('CPU');
    // Long enough to still be training when measured; stopped at the end.
    await training.set('Epochs', 300);
    await training.button('Train').click();
    await training.expectStatus('Training');
    const boundary = page
      .getByRole('region', { name: 'Predictions', exact: true })
      .getByRole('figure', { name: 'Decision boundary' });
    await expect(boundary).toBeVisible({ timeout: 60_000 });
    const loss = charts.panel.getByRole('figure', { name: /^Loss per epoch/ });
    await expect(loss).toBeVisible();
    await expect(training.field('Status')).toHaveText('Training');

    await expectInView(page, 'the stack', builder.layers);
    await expectInView(page, 'the Train button', training.button('Train'));
    await expectInView(page, 'the progress readout', training.progress);
    await expectInView(page, 'the loss chart', loss);
    await expectInView(page, 'the decision boundary', boundary);
    // The page itself does not scroll: each column scrolls on its own.
    const scrolled = await page.evaluate(() => {
      window.scrollTo(0, 10_000);
      return window.scrollY;
    });
    expect(scrolled).toBe(0);
    await page.screenshot({
      path: test.info().outputPath(`training-${viewport.width}x${viewport.height}.png`),
    });
    await training.button('Stop').click();
    await training.expectStatus(/Stopped/);
  });
}

test('folded panels and column widths are kept across a reload, and Reset layout restores them', async ({
  page,
  builder,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await builder.goto();
  const graph = page.getByRole('region', { name: 'Graph', exact: true });
  await graph.getByRole('button', { name: 'Collapse Graph' }).click();
  await expect(graph.getByRole('button', { name: 'Expand Graph' })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  await expect(graph.getByRole('img', { name: /^Model graph/ })).toBeHidden();

  const splitter = page.getByRole('separator', { name: 'Resize the train and watch columns' });
  const watch = page.getByRole('region', { name: 'Charts', exact: true });
  const before = await splitter.getAttribute('aria-valuenow');
  const wideBefore = (await watch.boundingBox())?.width ?? 0;
  await splitter.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
  const after = await splitter.getAttribute('aria-valuenow');
  expect(Number(after)).toBe(Number(before) - 8);
  await expect
    .poll(async () => (await watch.boundingBox())?.width ?? 0)
    .toBeGreaterThan(wideBefore + 40);

  await page.reload();
  await expect(builder.layers.getByRole('listitem')).toHaveCount(4);
  await expect(graph.getByRole('button', { name: 'Expand Graph' })).toBeVisible();
  await expect(splitter).toHaveAttribute('aria-valuenow', after ?? '');

  await page.getByRole('button', { name: 'Reset layout' }).click();
  await expect(graph.getByRole('button', { name: 'Collapse Graph' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(graph.getByRole('img', { name: /^Model graph/ })).toBeVisible();
  await expect(splitter).toHaveAttribute('aria-valuenow', before ?? '');
});

test('the keyboard reaches build, then train, then watch, in reading order', async ({
  page,
  builder,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await builder.goto();
  const wanted = ['Filter layers', 'Move input_layer', 'Train', 'Loss and runs'];
  const order: string[] = [];
  await page.locator('body').focus();
  for (let i = 0; i < 400 && order.length < wanted.length; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const e = document.activeElement;
      return e?.getAttribute('aria-label') || (e as HTMLElement | null)?.innerText?.trim() || '';
    });
    if (name === wanted[order.length]) order.push(name);
  }
  expect(order).toEqual(wanted);
});
