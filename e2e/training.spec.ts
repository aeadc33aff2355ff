import { test, expect } from './fixtures';

// Software WebGPU (SwiftShader) is slow here, and slower still on a busy two-core machine: the
// runs are a few epochs of the default MLP on the 500-point circle set, the limits generous.
test.describe.configure({ timeout: 240_000 });

test('trains on WebGPU in a worker: the loss falls and the backend shown is the one that ran', async ({
  page,
  scripts,
  training,
}) => {
  await training.goto();
  await training.chooseBackend('WebGPU first');
  await expect(training.badge).toHaveAttribute('data-backend', 'webgpu');
  await expect(training.badge).toContainText('software adapter');
  await training.quickRun(3);
  await training.button('Train').click();
  await training.expectStatus('Finished', 180_000);
  await expect(training.field('Backend')).toHaveText('webgpu');
  await expect(training.badge).toHaveAttribute('data-backend', 'webgpu');
  const first = await training.number('First loss');
  const latest = await training.number('Latest loss');
  expect(latest).toBeLessThan(first * 0.9);
  await expect(training.field('Epoch')).toHaveText('3 / 3');
  await expect(training.field('Validation loss')).toHaveText(/^\d/);
  await expect(page.getByRole('img', { name: /^Loss per batch, from / })).toBeVisible();
  // tfjs lives in the worker chunk only: the page never loaded the main-thread engine.
  expect(scripts.some((s) => /trainer\.worker-.*\.js$/.test(s))).toBe(true);
  expect(scripts.filter((s) => /engine-.*\.js$/.test(s))).toEqual([]);
  const pageScripts = scripts.filter((s) => /\/index-.*\.js$/.test(s));
  expect(pageScripts.length).toBeGreaterThan(0);
  for (const path of pageScripts) {
    expect(await (await page.request.get(path)).text()).not.toContain('not registered for backend');
  }
});

test('pause, resume, step, stop and reset; reset reproduces the first loss', async ({
  page,
  training,
}) => {
  await training.goto();
  // As many epochs as allowed: the run must still be going at Stop on any machine.
  await training.setting('Epochs').fill('10000');
  await training.button('Train').click();
  await training.firstBatchDone();
  const firstLoss = await training.field('First loss').textContent();

  await training.button('Pause').click();
  await training.expectStatus('Paused');
  const pausedAt = await training.batchesDone();
  await page.waitForTimeout(1500);
  expect(await training.batchesDone()).toBe(pausedAt);

  await training.button('Step one batch').click();
  await expect.poll(() => training.batchesDone()).toBe(pausedAt + 1);
  await training.expectStatus('Paused');

  await training.button('Resume').click();
  await training.expectStatus('Training');
  await expect
    .poll(() => training.batchesDone(), { timeout: 60_000 })
    .toBeGreaterThan(pausedAt + 2);

  await training.button('Stop').click();
  await training.expectStatus('Stopped');
  await expect(training.button('Train')).toBeEnabled();

  await training.button('Reset').click();
  await training.expectStatus('Not started');
  await expect(training.field('First loss')).toHaveText('—');

  // The same seed gives the same initial weights and shuffle: the same first loss.
  await training.button('Step one epoch').click();
  await expect(training.field('Validation loss')).toHaveText(/^\d/, { timeout: 120_000 });
  await training.expectStatus('Paused');
  await expect(training.field('Batch')).toHaveText('13 / 13');
  await expect(training.field('First loss')).toHaveText(firstLoss ?? 'missing');
  await training.button('Stop').click();
  await training.expectStatus('Stopped');
});

test('the page keeps responding while it trains, and editing the model stops the run', async ({
  page,
  training,
}) => {
  await training.goto();
  await training.setting('Epochs').fill('10000');
  await training.button('Train').click();
  await training.firstBatchDone();
  const before = await training.batchesDone();
  // Each click is handled while the run goes on; how long it waited is the bench's to judge
  // (its long-task figures), not a bound that a busy machine could break.
  const delays = await training.clickDelays(6);
  expect(delays).toHaveLength(6);
  test.info().annotations.push({ type: 'click delays (ms)', description: delays.join(', ') });
  await training.expectStatus('Training');
  await expect.poll(() => training.batchesDone()).toBeGreaterThan(before);
  // A stale model must not keep training under curves that no longer match the screen.
  await page.getByRole('button', { name: 'Add Dropout', exact: true }).click();
  await training.expectStatus('Stopped');
  await expect(training.panel.getByText('The model changed, so training stopped')).toBeVisible();
  const stoppedAt = await training.batchesDone();
  await page.waitForTimeout(1000);
  expect(await training.batchesDone()).toBe(stoppedAt);
  await expect(training.button('Train')).toBeEnabled();
});

test('Auto starts at once, measures the backends on the model during a long run, moves to the fastest and remembers it', async ({
  page,
  training,
}) => {
  await training.goto();
  await expect(training.badge).toHaveAttribute('data-backend', 'wasm');
  // Long enough that measuring pays: Auto measures between the first two epochs.
  await training.quickRun(10_000);
  await training.button('Train').click();
  await training.firstBatchDone();
  await page.getByText('Measured', { exact: true }).click({ timeout: 60_000 });
  const measured = page.getByRole('list', { name: 'Measured training speed' });
  const picked = measured.getByRole('listitem').filter({ hasText: '(picked)' });
  await expect(picked).toHaveCount(1, { timeout: 60_000 });
  // The software GPU backends are skipped, so wasm and cpu are measured.
  const items = await measured.getByRole('listitem').allTextContents();
  const rates = items.map((s) => ({
    name: s.split(':')[0] ?? '',
    rate: Number(/([\d.]+) steps\/s/.exec(s)?.[1] ?? NaN),
  }));
  expect(rates.map((r) => r.name)).toEqual(['wasm', 'cpu']);
  const best = rates.reduce((a, b) => (b.rate > a.rate ? b : a));
  const choice = rates.find((r) =>
    items.some((s) => s.startsWith(r.name) && s.includes('(picked)')),
  );
  // It moves only for a clear gain (10%): the pick is the fastest or within 10% of it.
  expect(choice?.rate ?? 0).toBeGreaterThanOrEqual(best.rate / 1.1);
  const name = choice?.name ?? '';
  await expect(training.field('Backend')).toHaveText(name);
  await expect(training.badge).toHaveAttribute('data-backend', name);
  await page.getByText(`Why ${name}`).click();
  await expect(page.getByLabel('Why this backend')).toContainText(
    'Auto measured it fastest for this model here',
  );
  const before = await training.batchesDone();
  await expect.poll(() => training.batchesDone(), { timeout: 60_000 }).toBeGreaterThan(before);
  await training.button('Stop').click();
  await training.expectStatus('Stopped');

  // On the next visit the same model starts on the measured backend, without measuring again.
  await training.goto();
  await training.quickRun(10_000);
  await training.button('Train').click();
  await training.firstBatchDone();
  await expect(training.field('Backend')).toHaveText(name);
  await page.getByText(`Why ${name}`).click();
  await expect(page.getByLabel('Why this backend')).toContainText('on an earlier run');
  await training.button('Stop').click();
  await training.expectStatus('Stopped');
});
