import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';

// Real training on WASM or CPU, stopped once there is a model to try (minutes on a loaded machine).
test.describe.configure({ timeout: 240_000 });

const tryIt = (page: Page) =>
  page.getByRole('region', { name: 'Predictions', exact: true }).getByRole('group', {
    name: 'Predictions view',
  });

/** Each class's probability as written beside its bar, in percent. */
async function probabilities(area: Locator): Promise<number[]> {
  const bars = area.getByRole('list', { name: 'Class probabilities' }).getByRole('listitem');
  await expect(bars.first()).toBeVisible();
  // "7: 84.0%" (the colon is for screen readers).
  return (await bars.allTextContents()).map((t) => Number(/: ([\d.]+)%$/.exec(t)?.[1]));
}

/** Ten values written to 0.1 % each add up to 100 % within their rounding. */
const expectSumNear100 = (p: number[]) =>
  expect(Math.abs(p.reduce((a, b) => a + b, 0) - 100)).toBeLessThanOrEqual(0.06 * p.length);

/** A stroke with real pointer moves, in fractions of the pad's box. */
async function stroke(page: Page, pad: Locator, points: [number, number][], steps = 4) {
  // The Predictions body scrolls on its own: bring the pad into view, or the pointer misses it.
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('no pad');
  const at = ([x, y]: [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const;
  const [first, ...rest] = points;
  await page.mouse.move(...at(first!));
  await page.mouse.down();
  for (const p of rest) await page.mouse.move(...at(p), { steps });
  await page.mouse.up();
}

/** How many of a canvas's pixels are lit (red above ½). */
const litPixels = (canvas: Locator) =>
  canvas.evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if ((d[i] ?? 0) > 128) n++;
    return n;
  });

test('a digit drawn on the pad is read as UCI digits are made, and the model says what it is, live while it trains and after', async ({
  page,
  builder,
  training,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await training.goto();
  await builder.loadTemplate('Digits MLP');
  const area = tryIt(page);
  const pad = area.getByRole('img', { name: /^Drawing pad, empty/ });
  await expect(pad).toBeVisible({ timeout: 60_000 });
  await expect(area.getByText(/Train the model to try it/)).toBeVisible();

  await training.chooseBackend('WASM');
  await expect(training.badge).toHaveAttribute('data-backend', 'wasm');
  await training.set('Epochs', 500);
  await training.button('Train').click();
  await training.expectStatus('Training', 60_000);

  // A "1": one stroke down the middle.
  await stroke(page, pad, [
    [0.5, 0.15],
    [0.5, 0.85],
  ]);
  const drawn = area.getByRole('img', { name: /^Drawn digit; model says \d \(\d+%\)$/ });
  await expect(drawn).toBeVisible();
  const preview = area.getByRole('img', { name: "The model's input (8×8)" });
  await expect(preview).toBeVisible();
  // A full-height bar: whole 4×4 blocks in the middle columns of every row. The preview shows
  // the input of the latest answer, which may still be of the stroke half drawn: wait for the last.
  await expect.poll(() => litPixels(preview)).toBeGreaterThanOrEqual(8);
  const during = await probabilities(area);
  expect(during).toHaveLength(10);
  expectSumNear100(during);
  await expect(training.field('Status')).toHaveText('Training');
  await page.screenshot({ path: test.info().outputPath('drawing-pad-1280x720.png') });

  await training.button('Stop').click();
  await training.expectStatus(/Stopped/);
  // The kept model answers after the run: a "0" drawn as a ring.
  await area.getByRole('button', { name: 'Clear' }).click();
  await expect(area.getByRole('img', { name: /^Drawing pad, empty/ })).toBeVisible();
  await expect(preview).toBeHidden();
  await expect(area.getByRole('list', { name: 'Class probabilities' })).toBeHidden();
  const ring: [number, number][] = Array.from({ length: 13 }, (_, k) => {
    const a = (k / 12) * 2 * Math.PI;
    return [0.5 + 0.25 * Math.sin(a), 0.5 - 0.35 * Math.cos(a)];
  });
  await stroke(page, pad, ring, 1);
  await expect(drawn).toBeVisible();
  const after = await probabilities(area);
  expectSumNear100(after);
  expect(after).not.toEqual(during);
  await page.setViewportSize({ width: 768, height: 1024 });
  await area.getByRole('img', { name: /^Drawn digit/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('drawing-pad-768x1024.png') });
});

test('a table model: a form of the feature values in their own units, and changing one changes the prediction', async ({
  page,
  training,
}) => {
  await training.goto();
  await training.chooseBackend('CPU');
  await training.quickRun(1);
  await training.button('Train').click();
  await training.expectStatus('Finished', 60_000);
  const area = tryIt(page);
  const sample = area.getByRole('spinbutton', { name: 'Validation sample' });
  await expect(sample).toHaveValue('1');
  await expect(area.getByText(/^True: /)).toBeVisible();
  const fields = area.locator('.try-fields').getByRole('spinbutton');
  await expect(fields).toHaveCount(2);
  const before = await probabilities(area);
  expectSumNear100(before);

  const first = fields.first();
  const value = Number(await first.inputValue());
  await first.fill(String(value + 3));
  await first.press('Enter');
  await expect(area.getByText(/^True: /)).toBeHidden();
  await expect.poll(() => probabilities(area)).not.toEqual(before);
  await area.getByRole('button', { name: 'Reset values' }).click();
  await expect(first).toHaveValue(String(value));
  await expect.poll(() => probabilities(area)).toEqual(before);
});
