import { test, expect } from './fixtures';

// The LSTM forecaster on the sine series (≈1 450 windows of 24 steps), 2 epochs: on WebGPU its
// LSTM runs the fused kernels (the "Fused recurrent kernels" setting is on by default), on the
// CPU backend tfjs' own layer. Same seed, same data: the losses must agree.
test.describe.configure({ timeout: 240_000 });

test('the LSTM forecaster trains on WebGPU with the fused kernels to the loss of tfjs own LSTM', async ({
  page,
  training,
  builder,
  dataset,
}) => {
  await training.goto();
  await builder.loadTemplate('LSTM forecaster');
  await dataset.choose('Sine');
  await expect(dataset.shape('X shape')).toHaveText(/^\[\d+, 24, 1\]$/);
  const useShape = dataset.button('Use data shape');
  if (await useShape.isVisible()) await useShape.click();
  await expect(dataset.checks.getByRole('button')).toHaveCount(0);
  await training.set('Epochs', 2);
  await training.set('Batch size', 64);
  const fused = page.getByRole('checkbox', { name: 'Fused recurrent kernels' });
  await expect(fused).toBeChecked();

  const trainOn = async (label: string, backend: string) => {
    await training.chooseBackend(label);
    await expect(training.badge).toHaveAttribute('data-backend', backend);
    await training.button('Train').click();
    await expect(fused).toBeDisabled();
    await training.expectStatus('Finished', 180_000);
    await expect(training.field('Epoch')).toHaveText('2 / 2');
    await expect(training.field('Backend')).toHaveText(backend);
    await expect(fused).toBeEnabled();
    return {
      first: await training.number('First loss'),
      latest: await training.number('Latest loss'),
    };
  };

  const gpu = await trainOn('WebGPU first', 'webgpu');
  expect(gpu.latest).toBeLessThan(gpu.first);
  // The readout names the kernel that ran.
  await expect(training.notices).toContainText('lstm runs the fused WebGPU kernel');
  const cpu = await trainOn('CPU', 'cpu');
  // The readout shows four significant digits: allow one unit in the last of them.
  const near = (a: number, b: number) => Math.abs(a - b) <= 1e-3 * Math.max(1, Math.abs(b));
  expect(near(gpu.first, cpu.first), `first loss ${gpu.first} vs ${cpu.first}`).toBe(true);
  expect(near(gpu.latest, cpu.latest), `latest loss ${gpu.latest} vs ${cpu.latest}`).toBe(true);

  // The setting is a training setting like the others: it can be turned off and stays off.
  await fused.uncheck();
  await expect(fused).not.toBeChecked();
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Fused recurrent kernels' })).not.toBeChecked();
});
