import { test, expect } from './fixtures';

// A 2 × 2 sweep of the starter MLP (circle data) on the CPU backend, 2 epochs a run.
test.describe.configure({ timeout: 240_000 });

test('a 2 × 2 sweep runs to the end, sorts, opens its best run and survives a reload', async ({
  page,
  training,
}) => {
  await training.goto();
  await training.chooseBackend('CPU');
  await training.set('Epochs', 2);
  const sweeps = page.getByRole('region', { name: 'Sweeps' });
  await expect(sweeps).toBeVisible({ timeout: 30_000 });

  // Thing 1: the learning rate, as two values.
  await sweeps.getByRole('combobox', { name: 'Space of varied thing 1' }).selectOption('Choice');
  await sweeps.getByRole('textbox', { name: 'Values of varied thing 1' }).fill('0.003, 0.1');
  // Thing 2: the first hidden layer's units.
  await sweeps.getByRole('button', { name: 'Vary another thing' }).click();
  await sweeps
    .getByRole('combobox', { name: 'What of varied thing 2' })
    .selectOption({ label: 'dense.units' });
  await sweeps.getByRole('textbox', { name: 'Values of varied thing 2' }).fill('2, 16');
  const plan = sweeps.getByRole('status', { name: 'Sweep plan' });
  await expect(plan).toContainText('4 runs');

  await sweeps.getByRole('button', { name: 'Start sweep' }).click();
  const progress = sweeps.getByRole('status', { name: 'Sweep progress' });
  await expect(progress).toContainText(/Run \d of 4/);
  await expect(progress).toHaveText('Sweep finished: 4 of 4 runs.', { timeout: 200_000 });

  const table = sweeps.getByRole('table', { name: 'Sweep results' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(4);
  // Every run trained its 2 epochs and finished.
  for (let i = 0; i < 4; i++) await expect(rows.nth(i)).toContainText('finished');

  // Sorting: by the best validation loss, up then down.
  const header = table.getByRole('columnheader', { name: 'Best val loss' });
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const column = async () => {
    const cells = await rows.evaluateAll((trs) =>
      trs.map((tr) => Number(tr.querySelectorAll('td')[2]?.textContent)),
    );
    return cells;
  };
  const up = await column();
  expect(up).toEqual([...up].sort((a, b) => a - b));
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const down = await column();
  expect(down).toEqual([...up].reverse());

  // The best run is the one with the lowest validation loss: open it.
  const bestText = await sweeps.getByText(/Best so far: run \d/).textContent();
  const best = Number(/run (\d)/.exec(bestText ?? '')?.[1]);
  const bestRow = rows.filter({ has: page.getByRole('button', { name: `Open run ${best}` }) });
  const bestRate = Number(await bestRow.locator('td').nth(0).textContent());
  expect(bestRow).toBeTruthy();
  await sweeps.getByRole('button', { name: `Open run ${best}` }).click();
  await expect(training.setting('Learning rate')).toHaveValue(String(bestRate));

  // Reload: the results come back from IndexedDB, written the way the first version wrote them
  // (raw IndexedDB, version 1, one record per experiment key), so sweeps saved then still load.
  const saved = await page.evaluate(async () => {
    const read = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const db = await read(indexedDB.open('layerlab-sweeps'));
    const store = db.transaction('sweeps', 'readonly').objectStore('sweeps');
    const [keys, values] = await Promise.all([read(store.getAllKeys()), read(store.getAll())]);
    db.close();
    return { keys: keys.map(String), values };
  });
  expect(saved.keys).toHaveLength(1);
  // An empty page of the same origin, so the app's own connection closes with it.
  await page.route('**/empty.html', (r) =>
    r.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>empty</title><link rel="icon" href="data:,">',
    }),
  );
  await page.goto('/empty.html');
  await page.evaluate(
    async ({ key, value }) => {
      await new Promise<void>((resolve, reject) => {
        const r = indexedDB.deleteDatabase('layerlab-sweeps');
        r.onsuccess = () => resolve();
        r.onerror = r.onblocked = () => reject(new Error('could not delete'));
      });
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('layerlab-sweeps', 1);
        r.onupgradeneeded = () => r.result.createObjectStore('sweeps');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const tx = db.transaction('sweeps', 'readwrite');
      tx.objectStore('sweeps').put(value, key);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { key: saved.keys[0] as string, value: saved.values[0] },
  );
  await page.goto('/');
  await expect(training.badge).toContainText('Backend:', { timeout: 60_000 });
  const again = page
    .getByRole('region', { name: 'Sweeps' })
    .getByRole('table', { name: 'Sweep results' });
  await expect(again.locator('tbody tr')).toHaveCount(4, { timeout: 30_000 });
  await expect(again.locator('tbody tr').first()).toContainText('finished');
});
