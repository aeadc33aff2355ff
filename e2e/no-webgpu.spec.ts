import { test, expect } from './fixtures';

// This project launches Chromium without --enable-unsafe-webgpu: navigator.gpu exists but
// requestAdapter() returns null, so the app must fall back and say why.
test('without a WebGPU adapter the page reports the fallback and the reason', async ({
  page,
  training,
}) => {
  await page.goto('/');
  const badge = page.getByRole('status', { name: 'Backend' });
  await expect(badge).toHaveAttribute('data-backend', 'wasm');
  await page.getByText(/^Skipped .*webgpu/).click();
  const skipped = page.getByRole('list', { name: 'Skipped backends' });
  await expect(skipped).toContainText(/webgpu: .*(requestAdapter|navigator\.gpu)/);
  // Asked for WebGPU first, the page falls back to the next GPU backend and says why.
  await training.chooseBackend('WebGPU first');
  await expect(badge).toContainText(/Backend: (webgl|cpu)/);
  await page.getByText(/^Skipped webgpu/).click();
  await expect(skipped).toContainText(/webgpu: .*(requestAdapter|navigator\.gpu)/);
});
