import { devices } from '@playwright/test';
import { test, expect } from './fixtures';
import { sizeFindings } from './pages/touch-checks';
import { centre, touchDrag } from './pages/touch';

// Each device's screen, touch and mobile settings, in Chromium (the project's browser).
const device = (name: string, landscape = false) => {
  const { viewport, ...rest } = devices[name]!;
  delete (rest as { defaultBrowserType?: string }).defaultBrowserType;
  return {
    ...rest,
    viewport: landscape ? { width: viewport.height, height: viewport.width } : viewport,
  };
};

const DEVICES = [
  { label: 'iPad portrait', use: device('iPad (gen 7)') },
  { label: 'iPad landscape', use: device('iPad (gen 7)', true) },
  { label: 'iPhone 13', use: device('iPhone 13') },
];

test.describe.configure({ timeout: 180_000 });

for (const { label, use } of DEVICES) {
  test.describe(label, () => {
    test.use({ ...use, permissions: ['clipboard-read', 'clipboard-write'] });

    test('fits the screen: no sideways scroll, targets of 44 px, text of 14 px or more', async ({
      page,
      builder,
      training,
      charts,
    }) => {
      await builder.goto();
      expect(await page.evaluate(() => navigator.maxTouchPoints)).toBeGreaterThan(0);
      let found = await sizeFindings(page);
      expect(found.overflowX, 'sideways scroll').toBeLessThanOrEqual(0);
      expect(found.cutOff, 'controls cut off at the side').toEqual([]);
      expect(found.smallTargets, 'targets under 44 px').toEqual([]);
      expect(found.smallText, 'text under 14 px').toEqual([]);
      await page.screenshot({ path: test.info().outputPath('loaded.png'), fullPage: true });

      // A layer selected and a run done bring the inspector and the charts: they fit too.
      await builder.selectButton('dense (Dense)').tap();
      await training.chooseBackend('CPU');
      await training.quickRun(2);
      await training.button('Train').tap();
      await training.expectStatus('Finished');
      // The task's main view has its own panel at every size, not a tab of the Charts; below
      // the fold here, it draws the finished run once scrolled to.
      await charts.predictions.scrollIntoViewIfNeeded();
      await expect(
        charts.predictions.getByRole('figure', { name: 'Decision boundary' }),
      ).toBeVisible();
      found = await sizeFindings(page);
      expect(found.overflowX, 'sideways scroll after training').toBeLessThanOrEqual(0);
      expect(found.cutOff, 'controls cut off after training').toEqual([]);
      expect(found.smallTargets, 'targets under 44 px after training').toEqual([]);
      expect(found.smallText, 'text under 14 px after training').toEqual([]);
      await page.screenshot({ path: test.info().outputPath('trained.png'), fullPage: true });
    });

    test('builds, trains and reads the charts by touch alone', async ({
      page,
      builder,
      training,
      charts,
      dataset,
    }) => {
      await builder.goto();
      // Add by tap.
      await builder.paletteItem('Dropout').tap();
      await expect(builder.layers.getByRole('listitem')).toHaveCount(5);
      // Reorder by touch drag: the last Dense (one unit) onto the place of the first. Names
      // follow the order (Keras numbers them), so the cards are told apart by their units.
      const cards = builder.layers.getByRole('listitem');
      // Both ends of the drag on screen, clear of the edges where dragging scrolls the page.
      await builder.card('dense_1 (Dense)').evaluate((e) => e.scrollIntoView({ block: 'center' }));
      await touchDrag(page, builder.handle('dense_2'), () => centre(builder.card('dense (Dense)')));
      await expect(cards.nth(1)).toContainText('units=1');
      await expect(cards.nth(3)).toContainText('units=8');
      // Add by touch drag from the palette, dropped on the upper part of the third card (mid-screen,
      // away from the edges where a drag scrolls the page).
      await page.getByRole('searchbox', { name: 'Filter layers' }).fill('Flatten');
      // On a phone the stack is under the palette: the item near the top of the screen, but
      // clear of the (sticky) header and of the band at the edge where a drag scrolls the page.
      await builder.paletteItem('Flatten').evaluate((e) => {
        e.scrollIntoView({ block: 'start' });
        const header = document.querySelector('.app-header');
        const covered =
          header && getComputedStyle(header).position === 'sticky' ? header.clientHeight : 0;
        window.scrollBy(0, -(covered + 110));
      });
      await touchDrag(
        page,
        builder.paletteItem('Flatten'),
        async () => {
          const b = await cards.nth(2).boundingBox();
          if (!b) throw new Error('no third card');
          return { x: b.x + b.width / 2, y: b.y + b.height / 4 };
        },
        { reaim: true },
      );
      // Where exactly depends on how far the page scrolled under the finger on a small screen.
      await expect(cards).toHaveCount(6);
      await expect(builder.card('flatten (Flatten)')).toBeVisible();
      await page.getByRole('searchbox', { name: 'Filter layers' }).fill('');
      // Remove by tap.
      await builder.card('flatten (Flatten)').getByRole('button', { name: 'Remove flatten' }).tap();
      await builder.card('dropout (Dropout)').getByRole('button', { name: 'Remove dropout' }).tap();
      await expect(cards).toHaveCount(4);
      // Put the one-unit Dense back at the end, so the model trains on the binary task.
      await builder.card('dense_1 (Dense)').evaluate((e) => e.scrollIntoView({ block: 'center' }));
      await touchDrag(page, builder.handle('dense'), async () => {
        const b = await cards.last().boundingBox();
        if (!b) throw new Error('no last card');
        return { x: b.x + b.width / 2, y: b.y + b.height - 4 };
      });
      await expect(cards.nth(3)).toContainText('units=1');

      // Edit a parameter: tap the card, then the field.
      await builder.selectButton('dense (Dense)').tap();
      const units = builder.field(/^units/);
      await units.tap();
      await units.fill('');
      await units.pressSequentially('6');
      await units.press('Enter');
      await expect(builder.card('dense (Dense)')).toContainText('units=6');

      // Pick data.
      await dataset.choose('XOR');

      // Train by tap.
      await training.chooseBackend('CPU');
      await training.quickRun(2);
      await training.button('Train').tap();
      await training.expectStatus('Finished');

      // Read the loss chart: a tap shows the readout a mouse hover shows.
      await charts.show();
      const loss = charts.figure('Loss per epoch');
      await loss.scrollIntoViewIfNeeded();
      const plot = loss.getByRole('img').first();
      const p = await centre(plot);
      await page.touchscreen.tap(p.x, p.y);
      await expect(loss.locator('.stream-tooltip')).toBeVisible();
      await expect(loss.locator('.stream-tooltip')).toContainText(/Epoch|epoch/);

      // Share by tap.
      await page
        .getByRole('toolbar', { name: 'Share and save' })
        .getByRole('button', { name: 'Copy link' })
        .tap();
      await expect(page.getByText('Link copied', { exact: true })).toBeVisible();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(page.url());
      await page.screenshot({ path: test.info().outputPath('touch-done.png'), fullPage: true });
    });
  });
}

test.describe('the charts by touch', () => {
  test.use({ ...device('iPhone 13') });

  test("a tap on the loss chart shows the hover's readout; a second tap elsewhere moves it", async ({
    page,
    training,
    charts,
  }) => {
    await training.goto();
    await training.chooseBackend('CPU');
    await training.quickRun(2);
    await training.button('Train').tap();
    await training.expectStatus('Finished');
    await charts.show();
    const loss = charts.figure('Loss per batch');
    const plot = loss.getByRole('img', { name: 'Loss per batch' });
    await plot.scrollIntoViewIfNeeded();
    const box = await plot.boundingBox();
    if (!box) throw new Error('no loss chart to tap');
    const readout = loss.locator('.stream-tooltip');
    const cursor = loss.locator('.stream-cursor-line');
    const batch = async () =>
      Number(/^Batch (\d+)/.exec((await readout.locator('p').textContent()) ?? '')?.[1]);
    await expect(readout).toHaveCount(0);

    await page.touchscreen.tap(box.x + box.width * 0.25, box.y + box.height / 2);
    await expect(readout).toBeVisible();
    await expect(readout).toContainText(/^Batch \d+/);
    await expect(readout.getByRole('listitem').first()).toContainText(/\d/);
    const first = await batch();
    const firstX = (await cursor.boundingBox())?.x ?? NaN;

    await page.touchscreen.tap(box.x + box.width * 0.9, box.y + box.height / 2);
    await expect.poll(batch).toBeGreaterThan(first);
    expect((await cursor.boundingBox())?.x).toBeGreaterThan(firstX + box.width * 0.3);
    await expect(readout).toBeVisible();
  });
});
