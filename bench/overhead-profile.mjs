// Where the app spends CPU while it trains (issue #15): one run of a bench workload in the
// built app, with Chrome's sampling profiler on the page's main thread and on the training
// worker at once; prints each one's self time by function and writes the .cpuprofile files.
//
//   npx vite build --outDir /tmp/app-x --emptyOutDir --manifest
//   node bench/overhead-profile.mjs /tmp/app-x /tmp/prof --workload=conv --backend=wasm
//     [--workload=conv|live] [--samples=1024] [--epochs=8] [--charts-hidden] [--css=…]
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { hideCharts } from './lib/app-page.mjs';
import { launch } from './lib/browser.mjs';
import {
  investigationOptions,
  openWorkload,
  runSummary,
  trainToEnd,
} from './lib/investigation.mjs';
import { selfTimes, workerSession } from './lib/profile.mjs';
import { preview } from './lib/server.mjs';

const root = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const o = investigationOptions(argv, { samples: 1024, epochs: 8, viewport: '1600x1000' });
const [appDir, outDir] = o.paths;
const { workload, backend } = o;
const chartsHidden = argv.includes('--charts-hidden');

const server = await preview({ root, outDir: appDir, page: 'index.html' });
const { browser } = await launch();
try {
  const app = await openWorkload(browser, server.url, o);
  const { page } = app;
  const main = await page.context().newCDPSession(page);
  const worker = await workerSession(browser, 'trainer');
  for (const send of [(m, p) => main.send(m, p), worker]) {
    await send('Profiler.enable');
    await send('Profiler.setSamplingInterval', { interval: 200 });
    await send('Profiler.start');
  }
  await trainToEnd(page, async () => {
    // As the bench's "charts hidden": the Charts and Predictions panels folded.
    if (chartsHidden) await hideCharts(page);
  });
  mkdirSync(outDir, { recursive: true });
  for (const [name, send] of [
    ['main', (m, p) => main.send(m, p)],
    ['worker', worker],
  ]) {
    const { profile } = await send('Profiler.stop');
    const file = `${outDir}/${workload}-${backend}-app-${name}`;
    writeFileSync(`${file}.cpuprofile`, JSON.stringify(profile));
    const s = selfTimes(profile);
    const text = [`${name}: total ${s.totalMs} ms, idle ${s.idleMs} ms`, ...s.top].join('\n');
    writeFileSync(`${file}.txt`, text);
    console.log(text);
  }
  console.log(await runSummary(page));
  await app.close();
} finally {
  await browser.close();
  server.stop();
}
