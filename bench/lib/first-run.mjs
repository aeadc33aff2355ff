// The first-run figure: from opening the page to the end of the default template's training
// with the default backend choice (Auto), as a new user meets it: a fresh browser profile, no
// cache, and one click on Train as soon as it can be clicked.

const STATUS_DONE = /^(Finished|Stopped.*|Could not train)$/;

export async function firstRun(browser, url, { timeoutMs }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    const t0 = Date.now();
    await page.goto(url);
    // click() waits until the button is enabled: the data is ready, the worker may not be yet.
    await page.getByRole('button', { name: 'Train', exact: true }).click({ timeout: timeoutMs });
    const clickMs = Date.now() - t0;
    const status = page
      .getByLabel('Training progress')
      .locator('div')
      .filter({ has: page.getByText('Status', { exact: true }) })
      .locator('dd');
    await status.filter({ hasText: STATUS_DONE }).waitFor({ timeout: timeoutMs });
    const totalMs = Date.now() - t0;
    const text = (await status.textContent()) ?? '';
    const backend = await page
      .getByRole('status', { name: 'Backend' })
      .getAttribute('data-backend');
    return text === 'Finished'
      ? { ok: true, totalMs, clickMs, trainMs: totalMs - clickMs, backend, errors }
      : { ok: false, reason: `the run ended as "${text}"`, totalMs, backend, errors };
  } catch (err) {
    return { ok: false, reason: err.message.split('\n')[0], errors };
  } finally {
    await context.close();
  }
}
