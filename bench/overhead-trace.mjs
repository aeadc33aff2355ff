// What the page's threads do while the app trains (issue #15): a Chrome trace of one run of a
// bench workload, summed by event name per thread of the page's renderer (main thread,
// compositor, raster) and the GPU process, so native work (style, layout, paint, message
// decoding) shows up where a JS profile only says "(program)".
//
//   npx vite build --outDir /tmp/app-x && node bench/overhead-trace.mjs /tmp/app-x
//     [--workload=conv|live] [--backend=wasm] [--samples=4096] [--epochs=6] [--viewport=1280x720]
//     [--warmups=1] [--no-fps] (stops the bench's frame counter) [--css=…] (a style to try)
//     [--invalidation=1] (what invalidated style, layout and paint) [--save=trace.json]
/* global window -- functions handed to page.evaluate run in the browser */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch } from './lib/browser.mjs';
import {
  investigationOptions,
  openWorkload,
  runSummary,
  trainToEnd,
} from './lib/investigation.mjs';
import { preview } from './lib/server.mjs';

const root = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const o = investigationOptions(argv, { samples: 4096, epochs: 6, viewport: '1280x720' });
const { opt } = o;
const [appDir] = o.paths;

/** Self time per (thread, event name): an event's duration less its children's. */
function selfTimeByEvent(events) {
  const names = new Map();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || typeof e.dur !== 'number') continue;
    const key = `${e.pid}:${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(e);
  }
  const out = [];
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const self = new Map();
    const stack = [];
    for (const e of list) {
      while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
      const parent = stack.at(-1);
      if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur);
      self.set(e.name, (self.get(e.name) ?? 0) + e.dur);
      stack.push(e);
    }
    out.push({ thread: names.get(key) ?? key, self });
  }
  return out;
}
const server = await preview({ root, outDir: appDir, page: 'index.html' });
const { browser } = await launch();
try {
  const app = await openWorkload(browser, server.url, o);
  const { page } = app;
  if (argv.includes('--no-fps')) await page.evaluate(() => (window.__benchProbes.framesOff = true));
  for (let i = 0; i < Number(opt('warmups', '1')); i++) await trainToEnd(page);
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'toplevel',
      'blink',
      'cc',
      'gpu',
      'v8',
      'v8.wasm',
      'disabled-by-default-v8.compile',
      'disabled-by-default-v8.gc',
      ...(opt('invalidation', '')
        ? ['disabled-by-default-devtools.timeline.invalidationTracking']
        : []),
    ],
  });
  const t0 = Date.now();
  await trainToEnd(page);
  const wall = Date.now() - t0;
  const buf = await browser.stopTracing();
  const { traceEvents } = JSON.parse(buf.toString());
  if (opt('save', '')) writeFileSync(opt('save', ''), buf);
  console.log(`wall ${wall} ms`);
  for (const t of selfTimeByEvent(traceEvents)) {
    const top = [...t.self]
      .filter(([, v]) => v > 20_000)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 14);
    if (!top.length) continue;
    const sum = [...t.self.values()].reduce((a, b) => a + b, 0);
    console.log(`${t.thread}: ${(sum / 1000).toFixed(0)} ms self in events`);
    for (const [name, v] of top) console.log(`   ${(v / 1000).toFixed(0).padStart(6)} ms ${name}`);
  }
  console.log(await runSummary(page));
  await app.close();
} finally {
  await browser.close();
  server.stop();
}
