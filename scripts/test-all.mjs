// `npm test`: every check, stopping at the first failure: format, types and lint side by side
// (each is one process on one core), then unit tests → production build → end-to-end tests in
// headless Chromium.
import { exec, execSync } from 'node:child_process';
import { ensureDeps } from './ensure-deps.mjs';
import { findBrowser } from './find-browser.mjs';

ensureDeps();

const together = [
  ['Format (prettier --check)', 'npx prettier --check .'],
  ['Types (tsc -b)', 'npx tsc -b'],
  ['Lint (eslint, zero warnings)', 'npx eslint . --max-warnings 0'],
];
const steps = [
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

/** Runs the checks at once; each one's output is printed whole when it ends, in the list's order. */
async function runTogether(checks) {
  const t = Date.now();
  const results = await Promise.all(
    checks.map(
      ([title, cmd]) =>
        new Promise((done) =>
          exec(cmd, { maxBuffer: 64 << 20 }, (err, stdout, stderr) =>
            done({ title, cmd, ok: !err, out: `${stdout}${stderr}`, s: (Date.now() - t) / 1000 }),
          ),
        ),
    ),
  );
  for (const r of results) {
    console.log(`\n=== ${r.title} ===`);
    process.stdout.write(r.out);
    if (r.ok) console.log(`--- ${r.title}: ok in ${r.s.toFixed(1)} s`);
  }
  const failed = results.find((r) => !r.ok);
  if (failed) {
    console.error(
      `\n✗ ${failed.title} failed (command: ${failed.cmd}). Fix it and run npm test again.`,
    );
    process.exit(1);
  }
}

const started = Date.now();
await runTogether(together);
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
