// `npm test`: every check, in order, stopping at the first failure.
// format → types → lint → unit tests → production build → end-to-end tests in headless Chromium.
import { execSync } from 'node:child_process';
import { ensureDeps } from './ensure-deps.mjs';
import { findBrowser } from './find-browser.mjs';

ensureDeps();

const steps = [
  ['Format (prettier --check)', 'npx prettier --check .'],
  ['Types (tsc -b)', 'npx tsc -b'],
  ['Lint (eslint, zero warnings)', 'npx eslint . --max-warnings 0'],
  ['Unit tests (vitest)', 'npx vitest run'],
  ['Production build (vite build)', 'npx vite build'],
];

function run(title, cmd, env = process.env) {
  console.log(`\n=== ${title} ===`);
  const t = Date.now();
  try {
    execSync(cmd, { stdio: 'inherit', env });
  } catch {
    console.error(`\n✗ ${title} failed (command: ${cmd}). Fix it and run npm test again.`);
    process.exit(1);
  }
  console.log(`--- ${title}: ok in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

const started = Date.now();
for (const [title, cmd] of steps) run(title, cmd);

let browser;
try {
  browser = findBrowser();
} catch (err) {
  console.error(`\n✗ ${err.message}`);
  process.exit(1);
}
console.log(`\n[browser] ${browser.path} (from ${browser.source})`);
run('End-to-end tests (Playwright, headless Chromium)', 'npx playwright test', {
  ...process.env,
  LAYERLAB_CHROMIUM: browser.path,
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
});
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
