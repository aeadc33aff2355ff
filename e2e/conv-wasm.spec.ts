import { test, expect } from './fixtures';

// A small Conv1D model on wasm and on the CPU backend: 400 windows, 2 epochs, 8 batches each.
test.describe.configure({ timeout: 150_000 });

test('a Conv1D model trains on WASM itself, no fallback, to the loss the CPU backend reaches', async ({
  training,
  builder,
  dataset,
}) => {
  await training.goto();
  await builder.loadTemplate('Conv1D + MaxPooling1D classifier');
  await dataset.choose('Which waveform?');
  await expect(dataset.shape('X shape')).toHaveText('[400, 32, 1]');
  await dataset.button('Use data shape').click();
  await expect(dataset.checks.getByRole('button')).toHaveCount(0);
  await training.set('Epochs', 2);
  await training.set('Batch size', 50);

  const trainOn = async (label: string, backend: string) => {
    await training.chooseBackend(label);
    await expect(training.badge).toHaveAttribute('data-backend', backend);
    await training.button('Train').click();
    await training.expectStatus('Finished');
    await expect(training.field('Epoch')).toHaveText('2 / 2');
    // It ran where it was asked to: tfjs-backend-wasm alone has no Conv2DBackpropFilter, and
    // without Layerlab's kernel the run moved to another backend with a notice saying why.
    await expect(training.field('Backend')).toHaveText(backend);
    await expect(training.badge).toHaveAttribute('data-backend', backend);
    await expect(training.notices).toHaveCount(0);
    return {
      first: await training.number('First loss'),
      latest: await training.number('Latest loss'),
    };
  };

  const wasm = await trainOn('WASM', 'wasm');
  expect(wasm.latest).toBeLessThan(wasm.first);
  // Same seed, same data: wrong gradients on wasm would end somewhere else. The readout shows
  // four significant digits, so allow one unit in the last of them.
  const cpu = await trainOn('CPU', 'cpu');
  const near = (a: number, b: number) => Math.abs(a - b) <= 1e-3 * Math.max(1, Math.abs(b));
  expect(near(wasm.first, cpu.first), `first loss ${wasm.first} vs ${cpu.first}`).toBe(true);
  expect(near(wasm.latest, cpu.latest), `latest loss ${wasm.latest} vs ${cpu.latest}`).toBe(true);
});
