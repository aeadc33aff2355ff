// Headless Chromium found exactly as the tests find it, with the tests' flags.
import { chromium } from 'playwright-core';
import { findBrowser } from '../../scripts/find-browser.mjs';

/** The quiet flags from playwright.config.ts (Chromium cannot reach the network here). */
const QUIET = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/**
 * --enable-unsafe-webgpu as in the tests' webgpu project; --enable-precise-memory-info so
 * performance.memory is exact rather than bucketed; the background/occlusion flags keep
 * Chromium from throttling timers and frames in a page nobody looks at.
 */
const BENCH = [
  '--enable-unsafe-webgpu',
  '--enable-precise-memory-info',
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

export async function launch() {
  const found = findBrowser();
  const browser = await chromium.launch({
    executablePath: found.path,
    headless: true,
    // LAYERLAB_BENCH_ARGS: extra flags for one investigation, e.g. --js-flags=--trace-deopt.
    args: [
      ...QUIET,
      ...BENCH,
      ...(process.env.LAYERLAB_BENCH_ARGS?.split(' ').filter(Boolean) ?? []),
    ],
  });
  return { browser, path: found.path, source: found.source, version: browser.version() };
}

/**
 * A CDP channel to each dedicated worker of the browser (Playwright gives CDP sessions for pages
 * only). Uses Target.attachToTarget without flattening, so Playwright's own sessions are left
 * alone. `heap(urlPart)` garbage-collects that worker and returns its used JS heap in bytes.
 */
export async function workerHeaps(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const sessions = new Map();
  const pending = new Map();
  let nextId = 1;
  cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
    const m = JSON.parse(message);
    const p = m.id !== undefined && pending.get(`${sessionId}:${m.id}`);
    if (!p) return;
    pending.delete(`${sessionId}:${m.id}`);
    if (m.error) p.reject(new Error(m.error.message));
    else p.resolve(m.result);
  });
  const send = (sessionId, method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(`${sessionId}:${id}`, { resolve, reject });
      const message = JSON.stringify({ id, method, params });
      cdp.send('Target.sendMessageToTarget', { sessionId, message }).catch(reject);
    });
  async function session(urlPart) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const t = targetInfos.find((i) => i.type === 'worker' && i.url.includes(urlPart));
    if (!t) return null;
    if (!sessions.has(t.targetId)) {
      const { sessionId } = await cdp.send('Target.attachToTarget', {
        targetId: t.targetId,
        flatten: false,
      });
      sessions.set(t.targetId, sessionId);
    }
    return sessions.get(t.targetId);
  }
  return {
    async heap(urlPart, { gc = true } = {}) {
      const id = await session(urlPart);
      if (!id) return null;
      if (gc) await send(id, 'HeapProfiler.collectGarbage');
      const { usedSize } = await send(id, 'Runtime.getHeapUsage');
      return usedSize;
    },
    close: () => cdp.detach().catch(() => undefined),
  };
}
