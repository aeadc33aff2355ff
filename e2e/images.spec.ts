import { test, expect } from './fixtures';
import type { DatasetPage } from './pages/dataset';
import type { TrainingPage } from './pages/training';

// Real data, real training on the WASM backend: a few epochs each, so minutes, not seconds.
test.describe.configure({ timeout: 300_000 });

/** The licence and credit as the data notes show them. */
const fact = (dataset: DatasetPage, term: string) =>
  dataset.panel
    .getByLabel('About this data')
    .locator('div')
    .filter({ has: dataset.page.getByText(term, { exact: true }) })
    .locator('dd');

async function trainOnWasm(training: TrainingPage, epochs: number) {
  await training.chooseBackend('WASM');
  await expect(training.badge).toHaveAttribute('data-backend', 'wasm');
  await training.set('Epochs', epochs);
  await training.button('Train').click();
  await training.expectStatus('Finished', 240_000);
  await expect(training.field('Epoch')).toHaveText(`${epochs} / ${epochs}`);
  await expect(training.field('Backend')).toHaveText('wasm');
  // "97.1 %" → 0.971
  const text = (await training.field('Val. accuracy').textContent()) ?? '';
  return Number(text.replace(/[^\d.]/g, '')) / 100;
}

test('MNIST: the CNN template picks the real digits, shows them with their licence, and learns them', async ({
  training,
  builder,
  dataset,
}) => {
  await training.goto();
  await builder.loadTemplate('MNIST CNN');
  await expect(dataset.picker.locator('option:checked')).toHaveText(
    'MNIST handwritten digits (10 000)',
    { timeout: 60_000 },
  );
  await expect(dataset.shape('X shape')).toHaveText('[10000, 28, 28, 1]');
  await expect(dataset.shape('y shape')).toHaveText('[10000, 10]');
  const grid = dataset.panel.getByRole('img', {
    name: /^The first 24 images \(28×28, grayscale\)/,
  });
  await expect(grid).toBeVisible();
  await expect(grid.locator('canvas')).toHaveCount(24);
  // The canvases hold real ink: some pixels dark, most light.
  const dark = await grid
    .locator('canvas')
    .first()
    .evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if ((d[i] ?? 255) < 128) n++;
      return n;
    });
  expect(dark).toBeGreaterThan(30);
  expect(dark).toBeLessThan(400);
  const counts = dataset.panel.getByRole('table', { name: 'Images per class' });
  await expect(counts.getByRole('row')).toHaveCount(11);
  const perClass = (await counts.locator('tbody td').allTextContents()).map((t) =>
    Number(t.replace(/\D/g, '')),
  );
  expect(perClass.reduce((a, b) => a + b, 0)).toBe(10_000);
  await expect(fact(dataset, 'Licence')).toHaveText('CC BY-SA 3.0');
  await expect(fact(dataset, 'Credit')).toContainText('Yann LeCun');
  await expect(dataset.checks.getByRole('button')).toHaveCount(0);
  // Images have no order to cut into windows.
  await expect(dataset.panel.getByRole('checkbox', { name: /windows/ })).toHaveCount(0);
  await dataset.panel.screenshot({ path: test.info().outputPath('mnist-data.png') });

  // A shorter run than the template's own: the first 5 000 images, two epochs.
  await dataset.set('Images used', 5000);
  await expect(dataset.shape('X shape')).toHaveText('[5000, 28, 28, 1]');
  await expect(counts.getByRole('row')).toHaveCount(11);
  const accuracy = await trainOnWasm(training, 2);
  expect(accuracy, 'validation accuracy after 2 epochs').toBeGreaterThan(0.8);
});

test('UCI digits: the Digits MLP template picks them and learns them on WASM', async ({
  training,
  builder,
  dataset,
}) => {
  await training.goto();
  await builder.loadTemplate('Digits MLP');
  await expect(dataset.shape('X shape')).toHaveText('[1797, 8, 8, 1]', { timeout: 60_000 });
  await expect(
    dataset.panel.getByRole('img', {
      name: /^The first 24 images \(8×8, grayscale\), labelled 0, 1, 2/,
    }),
  ).toBeVisible();
  await expect(fact(dataset, 'Licence')).toHaveText('CC BY 4.0');
  await expect(fact(dataset, 'Credit')).toContainText('Alpaydin');
  await expect(training.setting('Epochs')).toHaveValue('20');
  const accuracy = await trainOnWasm(training, 3);
  expect(accuracy, 'validation accuracy after 3 epochs').toBeGreaterThan(0.5);
});

for (const { title, x, fixes } of [
  {
    title: 'Breast cancer (Wisconsin diagnostic)',
    x: '[569, 30]',
    fixes: ['Use data shape'],
  },
  {
    title: 'Wine cultivars',
    x: '[178, 13]',
    fixes: ['Use data shape', 'Set the last Dense to Dense(3, softmax)'],
  },
]) {
  test(`${title}: the shipped UCI table loads with its licence and trains`, async ({
    training,
    dataset,
  }) => {
    await training.goto();
    await dataset.choose(title);
    await expect(dataset.shape('X shape')).toHaveText(x, { timeout: 60_000 });
    await expect(fact(dataset, 'Licence')).toHaveText('CC BY 4.0');
    for (const fix of fixes) await dataset.button(fix).click();
    await expect(dataset.checks.getByRole('button')).toHaveCount(0);
    const accuracy = await trainOnWasm(training, 5);
    expect(accuracy, 'validation accuracy after 5 epochs').toBeGreaterThan(0.7);
  });
}
