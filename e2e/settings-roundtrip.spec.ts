import { test, expect } from './fixtures';
import { TrainingPage } from './pages/training';

// A value the form accepts must come back from the app's own storage: the autosave (a reload,
// with and without the hash) and a copied link opened in a fresh browser. The two learning
// rates are the ends of the form's range, where the link schema once disagreed with it.
for (const rate of ['5e-7', '10']) {
  test(`the learning rate ${rate} survives a reload and a copied link`, async ({
    page,
    browser,
    training: t,
    share: s,
  }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const field = t.setting('Learning rate');
    await t.goto();
    await t.set('Learning rate', rate);
    await expect(field).toHaveValue(rate);
    await s.settled();

    await page.reload();
    await expect(field).toHaveValue(rate);
    await expect(page.locator('.share-banner')).toHaveCount(0);

    // No hash at all: the autosave alone brings it back.
    await page.goto('/');
    await expect(field).toHaveValue(rate);
    await expect(page.locator('.share-banner')).toHaveCount(0);

    await s.button('Copy link').click();
    await expect(s.toolbar.getByRole('status')).toHaveText('Link copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    // A new context: no autosave to fall back on, only the link.
    const other = await browser.newContext();
    const fresh = await other.newPage();
    await fresh.goto(link);
    const t2 = new TrainingPage(fresh);
    await expect(t2.badge).toContainText('Backend:', { timeout: 60_000 });
    await expect(t2.setting('Learning rate')).toHaveValue(rate);
    await expect(fresh.locator('.share-banner')).toHaveCount(0);
    await other.close();
  });
}
