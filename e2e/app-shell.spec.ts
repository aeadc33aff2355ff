import { test, expect } from './fixtures';

test('the page loads with no console errors; Auto skips the software WebGPU and says so', async ({
  page,
  training,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Layerlab' })).toBeVisible();
  const badge = page.getByRole('status', { name: 'Backend' });
  // Headless Chromium here only has SwiftShader: Auto starts on wasm and names the reason.
  await expect(badge).toHaveAttribute('data-backend', 'wasm');
  await page.getByText(/^Skipped .*webgpu/).click();
  await expect(page.getByRole('list', { name: 'Skipped backends' })).toContainText(
    /webgpu: software WebGPU \(.+\).*choose WebGPU by name/,
  );
  await page.getByText('Why wasm').click();
  await expect(page.getByLabel('Why this backend')).toContainText("Auto's first guess");
  // By name, WebGPU still runs, and the page says its adapter is a software one.
  await training.chooseBackend('WebGPU first');
  await expect(badge).toHaveAttribute('data-backend', 'webgpu');
  await expect(badge).toContainText('software adapter');
});

test.describe(() => {
  // The refused inline script and string timer are reported to the console, as they should be.
  test.use({ allowConsoleErrors: true });

  test('the production page ships a CSP that forbids inline script and eval', async ({ page }) => {
    const response = await page.goto('/');
    const header = response?.headers()['content-security-policy'] ?? '';
    const meta = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    for (const csp of [header, meta ?? '']) {
      expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(csp).not.toContain("'unsafe-inline' ");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/);
    }
    // The browser itself refuses an inline script and a string timer (eval) under this policy.
    const violations = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const seen: string[] = [];
          document.addEventListener('securitypolicyviolation', (e) =>
            seen.push(e.violatedDirective),
          );
          const s = document.createElement('script');
          s.textContent = 'window.__inlineRan = true';
          document.head.appendChild(s);
          (window.setTimeout as (code: string, ms: number) => number)('window.__evalRan = true', 0);
          setTimeout(() => resolve(seen), 500);
        }),
    );
    expect(violations.join(' ')).toContain('script-src');
    const ran = await page.evaluate(() => {
      const w = window as unknown as { __inlineRan?: boolean; __evalRan?: boolean };
      return { inline: w.__inlineRan ?? false, evaled: w.__evalRan ?? false };
    });
    expect(ran).toEqual({ inline: false, evaled: false });
  });
});

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 820, height: 1180 },
]) {
  test(`at ${viewport.width}×${viewport.height} the layer palette never covers the panels as the page scrolls`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto('/');
    const palette = page.getByRole('region', { name: 'Layers', exact: true });
    const training = page.getByRole('region', { name: 'Training', exact: true });
    await expect(palette).toBeVisible();
    // Scroll as a user would, to each panel in turn, and compare the boxes where they stand.
    for (const name of ['Data', 'Training', 'Charts']) {
      await page.getByRole('region', { name, exact: true }).scrollIntoViewIfNeeded();
      const [p, t] = await Promise.all([palette.boundingBox(), training.boundingBox()]);
      if (!p || !t) throw new Error('a panel has no box');
      const overlapX = Math.min(p.x + p.width, t.x + t.width) - Math.max(p.x, t.x);
      const overlapY = Math.min(p.y + p.height, t.y + t.height) - Math.max(p.y, t.y);
      expect(
        Math.min(overlapX, overlapY),
        `palette over Training after scrolling to ${name}`,
      ).toBeLessThanOrEqual(0);
    }
    await page.screenshot({ path: test.info().outputPath(`layout-${viewport.width}.png`) });
  });
}
