// `npm run test:e2e [-- playwright args]`: build when needed, find a browser, run Playwright.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { ensureDeps } from './ensure-deps.mjs';
import { findBrowser } from './find-browser.mjs';

ensureDeps();
const outDir = process.env.LAYERLAB_DIST || 'dist';
if (!existsSync(`${outDir}/index.html`) || process.env.LAYERLAB_REBUILD)
  execSync(`npx vite build --outDir ${JSON.stringify(outDir)} --emptyOutDir`, { stdio: 'inherit' });
const browser = findBrowser();
console.log(`[browser] ${browser.path} (from ${browser.source})`);
const args = process.argv
  .slice(2)
  .map((a) => JSON.stringify(a))
  .join(' ');
execSync(`npx playwright test ${args}`, {
  stdio: 'inherit',
  env: { ...process.env, LAYERLAB_CHROMIUM: browser.path, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
});
