import { test, expect } from './fixtures';

test.describe.configure({ timeout: 240_000 });

test('the timeline replays how the model learned: scrub back, read weights, gradients, the embedding and saliency, and replay after a reload', async ({
  page,
  training,
  charts,
}) => {
  await training.goto();
  await training.chooseBackend('CPU');
  await training.quickRun(4);
  // Epoch by epoch: a paused epoch end always records a snapshot, whereas a free-running one
  // keeps its snapshots at least 250 ms (and 33 × their own cost) apart.
  for (let epoch = 1; epoch <= 3; epoch++) {
    await training.button('Step one epoch').click();
    await expect(training.field('Epoch')).toHaveText(`${epoch} / 4`, { timeout: 120_000 });
    await training.expectStatus('Paused');
  }
  await training.button('Resume').click();
  await training.expectStatus('Finished', 180_000);

  await charts.show();
  await charts.open('Timeline');
  const scrubber = page.getByRole('region', { name: 'Training timeline' });
  const slider = scrubber.getByRole('slider', { name: 'Timeline epoch' });
  await expect(slider).toHaveAttribute('aria-valuetext', 'epoch 4');
  const weights = page.getByTestId('weight-summary');
  await expect(weights).toContainText('at epoch 4');
  await charts.panel.screenshot({ path: test.info().outputPath('timeline-weights.png') });
  const atEnd = await weights.textContent();

  // Keyboard scrubbing: Home is the untrained model, then one epoch on.
  await slider.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', 'epoch 1');
  await expect(weights).toContainText('at epoch 1');
  expect(await weights.textContent()).not.toBe(atEnd);
  // The loss chart marks where the timeline stands; every view follows it, layer outputs too.
  await charts.open('Loss and runs');
  await expect(
    charts.panel.getByText(/dashed red line marks epoch 1, where the timeline stands/).first(),
  ).toBeVisible();
  await charts.open('Layer outputs');
  await expect(charts.panel.getByText(/Probe batch, epoch 1,/)).toBeVisible();
  await charts.open('Timeline');

  const view = page.getByLabel('Timeline view');
  await view.selectOption({ label: 'Gradient norms' });
  await expect(page.getByTestId('gradient-summary')).toContainText(
    'At epoch 1 the gradient norm is',
  );
  await expect(
    page.getByRole('img', { name: 'Gradient norms over epochs, log scale' }),
  ).toBeVisible();

  await view.selectOption({ label: 'Embedding (PCA)' });
  const plot = page.getByRole('img', { name: /projected to 2-D at epoch 1/ });
  await expect(plot.locator('circle').first()).toBeVisible();
  await expect(page.getByTestId('embedding-summary')).toContainText('classes lie');
  await charts.panel.screenshot({ path: test.info().outputPath('timeline-embedding.png') });
  const early = await page.getByTestId('embedding-summary').textContent();
  await scrubber.getByRole('button', { name: 'Live' }).click();
  await expect(page.getByTestId('embedding-summary')).toContainText('at epoch 4');
  expect(await page.getByTestId('embedding-summary').textContent()).not.toBe(early);

  await view.selectOption({ label: 'Saliency (which inputs matter)' });
  await page.getByRole('button', { name: 'Explain this prediction' }).click();
  await expect(page.getByTestId('saliency-summary')).toContainText(
    /Explaining the predicted class, .* for validation sample 1\. It depends most on/,
  );
  await expect(page.getByRole('list', { name: /Saliency of sample 1 per feature/ })).toBeVisible();

  // The run is kept with its timeline: after a reload it replays from the run history.
  await page.reload();
  await charts.show();
  await charts.open('Loss and runs');
  await charts.runs.getByRole('button', { name: 'Replay Run 1' }).click();
  await expect(scrubber).toContainText('Replaying Run 1');
  await charts.open('Timeline');
  await expect(slider).toHaveAttribute('aria-valuetext', 'before training');
  await page.getByLabel('Timeline view').selectOption({ label: 'Weights over time' });
  await expect(weights).toContainText('at epoch 0');
  await scrubber.getByRole('button', { name: 'Back to the current run' }).click();
  await expect(page.getByRole('button', { name: 'Back to the current run' })).toHaveCount(0);
});
