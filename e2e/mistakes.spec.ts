import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures';

// Real digits, one real epoch on the WASM backend: the model still gets many of them wrong.
test.describe.configure({ timeout: 180_000 });

const CELL = /^true (\S+), predicted (\S+): (\d+) samples?$/;

interface Cell {
  button: Locator;
  actual: string;
  predicted: string;
  count: number;
}

async function cells(matrix: Locator): Promise<Cell[]> {
  // One read for all hundred names, not a round trip each.
  const names = await matrix
    .getByRole('button', { name: CELL })
    .evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label') ?? ''));
  return names.map((name) => {
    const [, actual = '', predicted = '', count = '0'] = CELL.exec(name) ?? [];
    const button = matrix.getByRole('button', { name, exact: true });
    return { button, actual, predicted, count: Number(count) };
  });
}

/** Each card's true and predicted class and confidence, as the gallery prints them. */
async function cards(gallery: Locator) {
  const texts = await gallery.getByRole('listitem').allTextContents();
  return texts.map((t) => {
    const m = /true (\S+), predicted (\S+?)([\d.]+) %/.exec(t);
    if (!m) throw new Error(`a card without its labels: ${t}`);
    return { actual: m[1], predicted: m[2], confidence: Number(m[3]) };
  });
}

const descending = (xs: number[]) => xs.every((x, i) => i === 0 || x <= (xs[i - 1] ?? x));

test('the mistakes gallery lists wrong digits by confidence, and a confusion cell opens exactly its samples', async ({
  page,
  training,
  builder,
  dataset,
  charts,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await training.goto();
  await builder.loadTemplate('Digits MLP');
  await expect(dataset.shape('X shape')).toHaveText('[1797, 8, 8, 1]', { timeout: 60_000 });
  await training.chooseBackend('WASM');
  await training.set('Epochs', 1);
  await training.button('Train').click();
  await training.expectStatus('Finished', 120_000);

  const panel = charts.predictions;
  const matrix = panel.getByRole('table', { name: /^Confusion matrix on 256 validation samples/ });
  await expect(matrix).toBeVisible();
  const gallery = panel.getByRole('region', { name: 'Mistakes' });
  // 1797 digits, a fifth for validation: the probe predicts the first 256 of them.
  const count = gallery.getByText(/^\d+ of 256 validation samples wrong/);
  await expect(count).toContainText(/the probe predicts the first 256 of the 3\d\d validation/);
  const wrong = Number(/^(\d+)/.exec((await count.textContent()) ?? '')?.[1]);
  const all = await cells(matrix);
  expect(all).toHaveLength(100);
  const offDiagonal = all.filter((c) => c.actual !== c.predicted);
  expect(
    offDiagonal.reduce((n, c) => n + c.count, 0),
    'mistakes in the matrix',
  ).toBe(wrong);
  expect(wrong, 'one epoch leaves mistakes to show').toBeGreaterThan(5);

  // All mistakes: pictures with their labels, the most confident first, a page at a time.
  await expect(gallery.getByText('Showing: all mistakes, most confident first')).toBeVisible();
  const listed = await cards(gallery);
  expect(listed).toHaveLength(Math.min(24, wrong));
  for (const c of listed) expect(c.actual).not.toBe(c.predicted);
  expect(descending(listed.map((c) => c.confidence))).toBe(true);
  await expect(gallery.locator('canvas')).toHaveCount(listed.length);
  if (wrong > 24) {
    await gallery.getByRole('button', { name: 'Show more' }).click();
    await expect(gallery.getByRole('listitem')).toHaveCount(Math.min(48, wrong));
  }
  await page.screenshot({ path: test.info().outputPath('mistakes-1280x720.png') });

  // A cell with mistakes in it: exactly its samples, with its labels.
  const cell = offDiagonal
    .filter((c) => c.count > 0 && c.count <= 24)
    .sort((a, b) => b.count - a.count)[0];
  if (!cell) throw new Error('no off-diagonal cell with 1–24 samples');
  await cell.button.click();
  await expect(cell.button).toHaveAttribute('aria-pressed', 'true');
  const n = cell.count;
  // Picked with the mouse, the gallery below the matrix scrolls into sight in the short panel.
  await expect(
    gallery.getByText(
      `Showing: true ${cell.actual} → predicted ${cell.predicted} (${n} sample${n === 1 ? '' : 's'})`,
    ),
  ).toBeInViewport();
  await expect(gallery.getByRole('listitem')).toHaveCount(n);
  const inCell = await cards(gallery);
  for (const c of inCell) expect([c.actual, c.predicted]).toEqual([cell.actual, cell.predicted]);
  expect(descending(inCell.map((c) => c.confidence))).toBe(true);
  await panel.screenshot({ path: test.info().outputPath('mistakes-cell.png') });

  // By keyboard: a diagonal cell opens the correct ones of its class, least confident first.
  const right = all.find((c) => c.actual === c.predicted && c.count > 0 && c.count <= 24);
  if (right) {
    await right.button.focus();
    await page.keyboard.press('Enter');
    await expect(right.button).toHaveAttribute('aria-pressed', 'true');
    // Picked by keyboard, the matrix stays where it is, the focused cell in sight.
    await expect(right.button).toBeInViewport();
    await expect(cell.button).toHaveAttribute('aria-pressed', 'false');
    await expect(gallery.getByRole('listitem')).toHaveCount(right.count);
    const correct = await cards(gallery);
    for (const c of correct) expect([c.actual, c.predicted]).toEqual([right.actual, right.actual]);
    expect(descending(correct.map((c) => c.confidence).reverse())).toBe(true);
    // Pressed again (Space this time): back to all the mistakes.
    await page.keyboard.press('Space');
    await expect(right.button).toHaveAttribute('aria-pressed', 'false');
    await expect(gallery.getByText('Showing: all mistakes, most confident first')).toBeVisible();
  }
  await cell.button.focus();
  await page.keyboard.press('Space');
  await expect(gallery.getByRole('listitem')).toHaveCount(n);
  await gallery.getByRole('button', { name: 'Show all mistakes' }).click();
  await expect(gallery.getByRole('listitem')).toHaveCount(Math.min(24, wrong));

  // At a laptop's 720 px the panel body scrolls: the whole matrix's width fits in it, its last
  // row is reached by scrolling, and its column headings stay in sight meanwhile.
  const body = panel.getByRole('group', { name: 'Predictions view' });
  const fits = await body.evaluate((b) => b.scrollWidth <= b.clientWidth + 1);
  expect(fits, 'the matrix fits the panel width').toBe(true);
  const lastRow = matrix.getByRole('row').last();
  await lastRow.scrollIntoViewIfNeeded();
  await expect(lastRow).toBeInViewport();
  await expect(matrix.getByRole('columnheader', { name: 'Class accuracy' })).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('mistakes-1280x720-scrolled.png') });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: test.info().outputPath('mistakes-1440x900.png') });
  await page.setViewportSize({ width: 1280, height: 720 });

  // The timeline's untrained model: the gallery follows the scrubber.
  await charts.show();
  await charts.open('Timeline');
  const slider = page
    .getByRole('region', { name: 'Training timeline' })
    .getByRole('slider', { name: 'Timeline epoch' });
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuetext', 'before training');
  // Views off screen keep what they last drew; the Charts panel may have pushed this one out.
  await panel.scrollIntoViewIfNeeded();
  await expect(panel.getByText('Probe batch, before training')).toBeVisible();
  await expect(count).not.toHaveText(new RegExp(`^${wrong} of`));

  // Tablets: the panel takes the column's width and grows with its content.
  for (const size of [
    { width: 768, height: 1024 },
    { width: 1024, height: 768 },
  ]) {
    await page.setViewportSize(size);
    await charts.showPredictions();
    const wide = await panel.evaluate((p) => p.scrollWidth <= p.clientWidth + 1);
    expect(wide, `the panel fits ${size.width}×${size.height}`).toBe(true);
    await matrix.getByRole('row').last().scrollIntoViewIfNeeded();
    await page.screenshot({
      path: test.info().outputPath(`mistakes-${size.width}x${size.height}.png`),
    });
  }
});
