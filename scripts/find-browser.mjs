// Finds a Chromium for Playwright without ever downloading a browser build:
// $LAYERLAB_CHROMIUM (or $CHROMIUM_PATH) → /usr/bin/chromium → Playwright's own install →
// Debian's chromium via apt (only as root with apt-get) → a clear message saying how to get one.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

function playwrightOwn() {
  try {
    const { chromium } = require('playwright-core');
    const p = chromium.executablePath();
    return p && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

function aptInstall() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) return false;
  console.log("[browser] No Chromium found: installing Debian's chromium with apt-get…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('sh', ['-c', 'apt-get update && apt-get install -y chromium'], {
    stdio: 'inherit',
    env,
  });
  return existsSync(DEBIAN_CHROMIUM);
}

export function findBrowser({ install = true } = {}) {
  for (const name of ['LAYERLAB_CHROMIUM', 'CHROMIUM_PATH']) {
    const p = process.env[name];
    if (p) {
      if (!existsSync(p)) throw new Error(`$${name} names ${p}, which does not exist.`);
      return { path: p, source: `$${name}` };
    }
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, source: DEBIAN_CHROMIUM };
  const own = playwrightOwn();
  if (own) return { path: own, source: "Playwright's own browser" };
  if (install && aptInstall()) return { path: DEBIAN_CHROMIUM, source: 'apt-get install chromium' };
  throw new Error(
    'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`) or set ' +
      'LAYERLAB_CHROMIUM=/path/to/chrome, then run the command again.',
  );
}
