import { test, expect } from './fixtures';

// This project launches Chromium without --enable-unsafe-webgpu: navigator.gpu exists but
// requestAdapter() returns null, so the app must fall back and say why.
test('without a WebGPU adapter the page reports the fallback and the reason', async ({ page }) => {
  await page.goto('/');
  const badge = page.getByRole('status', { name: 'Backend' });
  await expect(badge).toContainText(/Backend: (webgl|cpu)/);
  await page.getByText(/^Skipped webgpu/).click();
  await expect(page.getByRole('list', { name: 'Skipped backends' })).toContainText(
    /webgpu: .*(requestAdapter|navigator\.gpu)/,
  );
});
