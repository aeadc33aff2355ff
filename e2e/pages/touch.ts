import type { Locator, Page } from '@playwright/test';

const centre = async (l: Locator) => {
  const b = await l.boundingBox();
  if (!b) throw new Error('no box to touch');
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
};

/**
 * A finger's press, hold and drag, sent as real touch events through the browser's input
 * pipeline (Chromium's Input.dispatchTouchEvent): Playwright's touchscreen only taps.
 */
export async function touchDrag(
  page: Page,
  from: Locator,
  to: () => Promise<{ x: number; y: number }>,
  { reaim = false } = {},
) {
  const cdp = await page.context().newCDPSession(page);
  const start = await centre(from);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', p: { x: number; y: number }) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: type === 'touchEnd' ? [] : [{ x: p.x, y: p.y, id: 1 }],
    });
  await touch('touchStart', start);
  // Hold still past the drag's press delay, as a finger does before it drags.
  await page.waitForTimeout(400);
  const target = await to();
  const steps = 16;
  for (let i = 1; i <= steps; i++) {
    await touch('touchMove', {
      x: start.x + ((target.x - start.x) * i) / steps,
      y: start.y + ((target.y - start.y) * i) / steps,
    });
  }
  // A palette drag aims again (starting it can shift the layout a little); a card drag must
  // not: the cards it passes move out of its way.
  const settled = reaim ? await to() : target;
  await touch('touchMove', settled);
  await touch('touchEnd', settled);
  await cdp.detach();
}

export { centre };
