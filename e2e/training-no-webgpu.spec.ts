import { test, expect } from './fixtures';
import { TrainingPage } from './pages/training';

// Chromium without --enable-unsafe-webgpu: requestAdapter() returns null here.
test.describe.configure({ timeout: 240_000 });

test('without WebGPU it trains on the fallback, says why, and the loss falls', async ({
  page,
  consoleErrors,
}) => {
  const t = new TrainingPage(page);
  await t.goto();
  await expect(t.badge).toContainText(/Backend: (webgl|cpu)/);
  const fallback = (await t.badge.getAttribute('data-backend')) ?? '';
  await page.getByText(/^Skipped webgpu/).click();
  await expect(page.getByRole('list', { name: 'Skipped backends' })).toContainText(
    /webgpu: .*(requestAdapter|navigator\.gpu)/,
  );
  await t.quickRun(3);
  await t.button('Train').click();
  await t.expectStatus('Finished', 180_000);
  await expect(t.field('Backend')).toHaveText(fallback);
  expect(await t.number('Latest loss')).toBeLessThan((await t.number('First loss')) * 0.9);
  expect(consoleErrors).toEqual([]);
});

test('when the worker cannot start, training runs on the page with a notice, and the page still responds', async ({
  page,
}) => {
  await page.route(/trainer\.worker-.*\.js$/, (route) => route.abort());
  const t = new TrainingPage(page);
  await t.goto();
  await expect(t.notices).toContainText('The training worker stopped');
  await expect(t.badge).toContainText('on the page (no worker)');
  await t.chooseBackend('CPU');
  await expect(t.badge).toHaveAttribute('data-backend', 'cpu');
  await t.quickRun(10_000);
  await t.button('Train').click();
  await t.firstBatchDone();
  const before = await t.batchesDone();
  // The loop on the page yields between batches: each click is handled while the run is still
  // going (a loop that never yielded would hold them until it ended). Their waits are reported;
  // bounds on time are the bench's, not a test's.
  const delays = await t.clickDelays(6);
  expect(delays).toHaveLength(6);
  test.info().annotations.push({ type: 'click delays (ms)', description: delays.join(', ') });
  await t.expectStatus('Training');
  await expect.poll(() => t.batchesDone()).toBeGreaterThan(before);
  await t.button('Stop').click();
  await t.expectStatus('Stopped');
  await expect(t.field('Backend')).toHaveText('cpu');
  expect(await t.number('Latest loss')).toBeLessThan((await t.number('First loss')) * 0.9);
});
