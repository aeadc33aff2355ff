import { defineConfig } from '@playwright/test';

// The browser is found by scripts/find-browser.mjs (env var → /usr/bin/chromium → Playwright's
// own); run the tests through `npm test` or `npm run test:e2e` so that lookup happens.
const executablePath = process.env.LAYERLAB_CHROMIUM || undefined;
// Another port and build folder let two checkouts (or two people on one machine) test at once.
const port = Number(process.env.LAYERLAB_PORT || 4173);
const outDir = process.env.LAYERLAB_DIST || 'dist';

// Keep Chromium off the network it cannot reach here (and quiet in CI).
const quiet = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

const launch = (extra: string[]) => ({
  ...(executablePath ? { executablePath } : {}),
  args: [...quiet, ...extra],
});

export default defineConfig({
  testDir: 'e2e',
  outputDir: process.env.LAYERLAB_TEST_OUT || 'test-results',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // A failed test leaves a screenshot and Playwright's error-context.md (the page's ARIA
    // snapshot at the failure). Traces cost the suite much on 2 cores (touch, layout and charts
    // specs: 166 s traced with the screencast, 122 s with DOM snapshots only, 96 s untraced), so
    // they are recorded only when asked: LAYERLAB_TRACE=on (steps and DOM snapshots of failed
    // tests) or full (with the screencast too).
    trace: process.env.LAYERLAB_TRACE
      ? { mode: 'retain-on-failure', screenshots: process.env.LAYERLAB_TRACE === 'full' }
      : 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'webgpu',
      testIgnore: /no-webgpu\.spec\.ts/,
      use: { browserName: 'chromium', launchOptions: launch(['--enable-unsafe-webgpu']) },
    },
    {
      name: 'no-webgpu',
      testMatch: /no-webgpu\.spec\.ts/,
      use: { browserName: 'chromium', launchOptions: launch([]) },
    },
  ],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${outDir}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
