// What the first visit costs: the JS and CSS the page fetches before it is usable (bytes and
// gzip), the scripts its workers fetch meanwhile (off the main thread), and the time to the
// first paint, to an enabled Train button and to a ready backend. Each load uses a fresh
// context (empty cache).
/* global window -- functions handed to page.evaluate run in the browser */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { installProbes } from './page-probes.mjs';
import { median } from './stats.mjs';

/** Which of the build's chunks contain TensorFlow.js, from their source maps. */
function tfjsChunks(distDir) {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8'));
  const files = new Set();
  for (const entry of Object.values(manifest)) {
    for (const f of [entry.file, ...(entry.assets ?? [])]) if (f.endsWith('.js')) files.add(f);
  }
  const withTfjs = [];
  for (const f of files) {
    const map = join(distDir, `${f}.map`);
    if (!existsSync(map)) continue;
    const { sources } = JSON.parse(readFileSync(map, 'utf8'));
    if (sources.some((s) => s.includes('node_modules/@tensorflow/'))) withTfjs.push(f);
  }
  return withTfjs;
}

async function loadOnce(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  await page.addInitScript(installProbes);
  const workers = new Set();
  page.on('worker', (w) => workers.add(w.url()));
  const responses = [];
  page.on('response', (res) => {
    const type = res.request().resourceType();
    if (type === 'script' || type === 'stylesheet')
      responses.push({ url: res.url(), type, at: Date.now(), body: res.body().catch(() => null) });
  });
  const start = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => window.__benchProbes?.marks.backendReady !== undefined, null, {
    timeout: 120_000,
  });
  const marks = await page.evaluate(() => {
    const p = window.__benchProbes.marks;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    return {
      firstContentfulPaintMs: fcp,
      trainEnabledMs: p.trainEnabled,
      backendReadyMs: p.backendReady,
    };
  });
  const usableAt = start + marks.trainEnabledMs;
  const files = [];
  for (const r of responses) {
    const body = await r.body;
    if (!body) continue;
    const path = new URL(r.url).pathname;
    files.push({
      path,
      type: r.type === 'stylesheet' ? 'css' : 'js',
      worker: workers.has(r.url),
      beforeUsable: r.at <= usableAt + 50,
      bytes: body.length,
      gzip: gzipSync(body).length,
    });
  }
  await context.close();
  return { marks, files };
}

const sum = (files, key) => files.reduce((s, f) => s + f[key], 0);

export async function firstLoad(browser, url, distDir, loads = 3) {
  const runs = [];
  for (let i = 0; i < loads; i++) runs.push(await loadOnce(browser, url));
  const files = runs[0].files;
  const main = files.filter((f) => !f.worker && f.beforeUsable);
  const js = main.filter((f) => f.type === 'js');
  const css = main.filter((f) => f.type === 'css');
  const tfjs = tfjsChunks(distDir);
  const pick = (k) => median(runs.map((r) => r.marks[k]));
  return {
    loads,
    jsBytes: sum(js, 'bytes'),
    jsGzip: sum(js, 'gzip'),
    cssBytes: sum(css, 'bytes'),
    cssGzip: sum(css, 'gzip'),
    files,
    tfjsChunks: tfjs,
    tfjsInFirstLoad: main.some((f) => tfjs.includes(f.path.replace(/^\//, ''))),
    workerJsGzip: sum(
      files.filter((f) => f.worker),
      'gzip',
    ),
    firstContentfulPaintMs: pick('firstContentfulPaintMs'),
    trainEnabledMs: pick('trainEnabledMs'),
    backendReadyMs: pick('backendReadyMs'),
  };
}
