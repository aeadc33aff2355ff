import { test, expect } from './fixtures';

// Pause, resume, skip and stop of a running sweep: four runs of the starter MLP on WASM, varying
// the epochs (1, then runs long enough to be caught training; none trains to its end but run 1).
test.describe.configure({ timeout: 150_000 });

test('a running sweep pauses, resumes, skips a run and stops, keeping what it did', async ({
  page,
  training,
}) => {
  await training.goto();
  await training.chooseBackend('WASM');
  const sweeps = page.getByRole('region', { name: 'Sweeps' });
  await sweeps
    .getByRole('combobox', { name: 'What of varied thing 1' })
    .selectOption({ label: 'epochs' });
  await sweeps.getByRole('combobox', { name: 'Space of varied thing 1' }).selectOption('Choice');
  await sweeps.getByRole('textbox', { name: 'Values of varied thing 1' }).fill('1, 200, 300, 400');
  await expect(sweeps.getByRole('status', { name: 'Sweep plan' })).toContainText('4 runs');

  await sweeps.getByRole('button', { name: 'Start sweep' }).click();
  const progress = sweeps.getByRole('status', { name: 'Sweep progress' });
  // Run 1 trains its one epoch and ends by itself; run 2 is caught training.
  await expect(progress).toContainText('Run 2 of 4', { timeout: 60_000 });
  await training.expectStatus('Training', 30_000);
  await expect.poll(() => training.batchesDone(), { timeout: 30_000 }).toBeGreaterThan(0);

  // Pause: the run holds still and the button offers to resume.
  await sweeps.getByRole('button', { name: 'Pause sweep' }).click();
  await expect(sweeps.getByRole('button', { name: 'Resume sweep' })).toBeVisible();
  await expect(sweeps.getByRole('button', { name: 'Pause sweep' })).toHaveCount(0);
  await expect(progress).toContainText('Run 2 of 4 (paused)');
  await training.expectStatus('Paused', 30_000);
  const pausedAt = await training.batchesDone();
  await page.waitForTimeout(1500);
  expect(await training.batchesDone()).toBe(pausedAt);

  await sweeps.getByRole('button', { name: 'Resume sweep' }).click();
  await expect(sweeps.getByRole('button', { name: 'Pause sweep' })).toBeVisible();
  await expect.poll(() => training.batchesDone(), { timeout: 30_000 }).toBeGreaterThan(pausedAt);

  // Skip: run 2 ends as skipped and run 3 starts.
  const table = sweeps.getByRole('table', { name: 'Sweep results' });
  const row = (n: number) =>
    table.locator('tbody tr').filter({ has: page.getByRole('button', { name: `Open run ${n}` }) });
  await sweeps.getByRole('button', { name: 'Skip this run' }).click();
  await expect(progress).toContainText('Run 3 of 4', { timeout: 30_000 });
  await expect(row(2)).toContainText('skipped');
  await training.expectStatus('Training', 30_000);

  // Stop: run 3 ends stopped, run 4 is listed as not run, run 1 keeps its finished result.
  await sweeps.getByRole('button', { name: 'Stop sweep' }).click();
  await expect(progress).toHaveText('Sweep stopped after 3 of 4 runs.', { timeout: 30_000 });
  await expect(table.locator('tbody tr')).toHaveCount(4);
  const outcomes = async () =>
    table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[6]?.textContent));
  expect(await outcomes()).toEqual(['finished', 'skipped', 'stopped', 'not run']);
  // Run 1's one epoch is kept; run 4 trained none.
  await expect(row(1).locator('td').nth(4)).toHaveText('1');
  await expect(row(4).locator('td').nth(4)).toHaveText('0');
  await expect(sweeps.getByRole('button', { name: 'Start sweep' })).toBeVisible();
});
