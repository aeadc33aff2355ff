import type { Page, Worker } from '@playwright/test';
import { test, expect } from './fixtures';

// What happens when things go wrong mid-run: the worker dies, the GPU device is lost, or the
// tab goes to the background. Each case must keep the run going and lose nothing.
test.describe.configure({ timeout: 240_000 });

async function trainerWorker(page: Page): Promise<Worker> {
  await expect.poll(() => page.workers().some((w) => /trainer\.worker/.test(w.url()))).toBe(true);
  const w = page.workers().find((x) => /trainer\.worker/.test(x.url()));
  if (!w) throw new Error('no training worker');
  return w;
}

const layerCount = (page: Page) =>
  page.getByRole('list', { name: 'Layers', exact: true }).getByRole('listitem').count();

test.describe(() => {
  // Failures provoked on purpose: these judge the recovery, not the console (as before).
  test.use({ allowConsoleErrors: true });

  test('a worker that crashes mid-run: training carries on in the page with the same settings', async ({
    page,
    training,
  }) => {
    await training.goto();
    await training.chooseBackend('CPU');
    await expect(training.badge).toHaveAttribute('data-backend', 'cpu');
    // As many epochs as allowed here and below: each run must still be going at Stop.
    await training.setting('Epochs').fill('10000');
    await training.setting('Epochs').blur();
    const layers = await layerCount(page);
    const worker = await trainerWorker(page);
    await training.button('Train').click();
    await training.firstBatchDone();

    // A real uncaught error inside the worker, as a bug or a crash in tfjs would raise.
    await worker.evaluate(() => {
      setTimeout(() => {
        throw new Error('simulated crash');
      }, 0);
    });
    await expect(training.notices).toContainText('The training worker stopped');
    await expect(training.notices).toContainText('simulated crash');
    await expect(training.badge).toContainText('on the page (no worker)');
    // The run restarted from its seed on the page and is training again.
    await training.expectStatus('Training');
    await expect.poll(() => training.batchesDone(), { timeout: 60_000 }).toBeGreaterThan(2);
    await expect(training.field('Backend')).toHaveText('cpu');
    await expect(training.setting('Epochs')).toHaveValue('10000');
    expect(await layerCount(page)).toBe(layers);
    await training.button('Stop').click();
    await training.expectStatus('Stopped');
  });

  test('a lost WebGPU device mid-run is reported and training moves to the next backend', async ({
    page,
    training,
  }) => {
    await training.goto();
    await training.chooseBackend('WebGPU first');
    await expect(training.badge).toHaveAttribute('data-backend', 'webgpu');
    await training.quickRun(10_000);
    const worker = await trainerWorker(page);
    await training.button('Train').click();
    await training.firstBatchDone();
    // The real device, destroyed under tfjs: what a GPU reset or driver crash looks like to it.
    await worker.evaluate(() => {
      const engine = (self as unknown as { _tfengine: { registry: Record<string, unknown> } })
        ._tfengine;
      (engine.registry.webgpu as { device: { destroy(): void } }).device.destroy();
    });
    await expect(training.notices).toContainText('the WebGPU device was lost', { timeout: 60_000 });
    await expect(training.notices).toContainText('Training restarts on the next backend');
    await expect(training.badge).toHaveAttribute('data-backend', 'webgl', { timeout: 60_000 });
    await expect(training.field('Backend')).toHaveText('webgl');
    await training.expectStatus('Training');
    await expect.poll(() => training.batchesDone(), { timeout: 60_000 }).toBeGreaterThan(2);
    await page.getByText(/^Skipped webgpu/).click();
    await expect(page.getByRole('list', { name: 'Skipped backends' })).toContainText(
      'the WebGPU device was lost',
    );
    await training.button('Stop').click();
    await training.expectStatus('Stopped');
  });
});

test('in a background tab training keeps going, and the page catches up on return', async ({
  page,
  training,
}) => {
  await training.goto();
  await training.chooseBackend('CPU');
  await training.setting('Epochs').fill('10000');
  await training.button('Train').click();
  await training.firstBatchDone();
  // Headless Chromium never hides a page, so do to it what a background tab gets: hidden
  // visibility, no animation frames, timers held back to once a second.
  await page.evaluate(() => {
    const w = window as unknown as { restore: () => void };
    const raf = window.requestAnimationFrame;
    const timeout = window.setTimeout;
    const held: FrameRequestCallback[] = [];
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    window.requestAnimationFrame = (cb) => (held.push(cb), 0);
    window.setTimeout = ((cb: () => void, ms?: number) =>
      timeout(cb, Math.max(ms ?? 0, 1000))) as typeof window.setTimeout;
    document.dispatchEvent(new Event('visibilitychange'));
    w.restore = () => {
      delete (document as { hidden?: boolean }).hidden;
      delete (document as { visibilityState?: string }).visibilityState;
      window.requestAnimationFrame = raf;
      window.setTimeout = timeout;
      document.dispatchEvent(new Event('visibilitychange'));
      held.forEach((cb) => raf(cb));
    };
  });
  const hiddenAt = await training.batchesDone();
  await page.waitForTimeout(4000);
  await page.evaluate(() => (window as unknown as { restore: () => void }).restore());
  await training.expectStatus('Training');
  // The worker trained on while hidden: the count moved on by many batches, not by one or two.
  await expect
    .poll(() => training.batchesDone(), { timeout: 60_000 })
    .toBeGreaterThan(hiddenAt + 20);
  await training.button('Stop').click();
  await training.expectStatus('Stopped');
});
