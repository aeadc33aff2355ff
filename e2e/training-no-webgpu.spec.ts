import { test, expect } from './fixtures';

// Chromium without --enable-unsafe-webgpu: requestAdapter() returns null here.
test.describe.configure({ timeout: 240_000 });

test('without WebGPU it trains on the fallback, says why, and the loss falls', async ({
  page,
  training,
}) => {
  await training.goto();
  await training.chooseBackend('WebGPU first');
  await expect(training.badge).toContainText(/Backend: (webgl|cpu)/);
  const fallback = (await training.badge.getAttribute('data-backend')) ?? '';
  await page.getByText(/^Skipped webgpu/).click();
  await expect(page.getByRole('list', { name: 'Skipped backends' })).toContainText(
    /webgpu: .*(requestAdapter|navigator\.gpu)/,
  );
  await training.quickRun(3);
  await training.button('Train').click();
  await training.expectStatus('Finished', 180_000);
  await expect(training.field('Backend')).toHaveText(fallback);
  expect(await training.number('Latest loss')).toBeLessThan(
    (await training.number('First loss')) * 0.9,
  );
});

test.describe(() => {
  // A failure provoked on purpose: this judges the fallback, not the console (as before).
  test.use({ allowConsoleErrors: true });

  test('when the worker cannot start, training runs on the page with a notice, and the page still responds', async ({
    page,
    training,
  }) => {
    await page.route(/trainer\.worker-.*\.js$/, (route) => route.abort());
    await training.goto();
    await expect(training.notices).toContainText('The training worker stopped');
    await expect(training.badge).toContainText('on the page (no worker)');
    await training.chooseBackend('CPU');
    await expect(training.badge).toHaveAttribute('data-backend', 'cpu');
    await training.quickRun(10_000);
    await training.button('Train').click();
    await training.firstBatchDone();
    const before = await training.batchesDone();
    // The loop on the page yields between batches: each click is handled while the run is still
    // going (a loop that never yielded would hold them until it ended). Their waits are reported;
    // bounds on time are the bench's, not a test's.
    const delays = await training.clickDelays(6);
    expect(delays).toHaveLength(6);
    test.info().annotations.push({ type: 'click delays (ms)', description: delays.join(', ') });
    await training.expectStatus('Training');
    await expect.poll(() => training.batchesDone()).toBeGreaterThan(before);
    await training.button('Stop').click();
    await training.expectStatus('Stopped');
    await expect(training.field('Backend')).toHaveText('cpu');
    expect(await training.number('Latest loss')).toBeLessThan(
      (await training.number('First loss')) * 0.9,
    );
  });
});
