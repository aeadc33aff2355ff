// Where the app spends CPU while it trains (issue #15): one run of a bench workload in the
// built app, with Chrome's sampling profiler on the page's main thread and on the training
// worker at once; prints each one's self time by function and writes the .cpuprofile files.
//
//   npx vite build --outDir /tmp/app-x --emptyOutDir --manifest
//   node bench/overhead-profile.mjs /tmp/app-x /tmp/prof --workload=conv --backend=wasm
//     [--workload=conv|live] [--samples=1024] [--epochs=8] [--charts-hidden]
/* global window -- functions handed to page.evaluate run in the browser */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chooseBackend, openApp, setUp } from './lib/app-page.mjs';
import { launch } from './lib/browser.mjs';
import { selfTimes, workerSession } from './lib/profile.mjs';
import { preview } from './lib/server.mjs';
import { recipe } from './lib/workloads.mjs';
import { LIVE, LIVE_SAMPLES, liveRecipe } from './lib/live-workload.mjs';

const root = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const [appDir, outDir] = argv.filter((a) => !a.startsWith('--'));
const opt = (name, def) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? def;
const workload = opt('workload', 'conv');
const live = workload === 'live';
const backend = opt('backend', live ? LIVE.backend : 'wasm');
const samples = Number(opt('samples', live ? String(LIVE_SAMPLES) : '1024'));
const epochs = Number(opt('epochs', '8'));
const chartsHidden = argv.includes('--charts-hidden');

const server = await preview({ root, outDir: appDir, page: 'index.html' });
const { browser } = await launch();
try {
  const app = await openApp(browser, server.url, live ? { width: 1920, height: 1200 } : undefined);
  const { page } = app;
  await setUp(page, live ? liveRecipe(samples) : recipe(workload, samples), samples, epochs);
  await chooseBackend(page, backend);
  const main = await page.context().newCDPSession(page);
  const worker = await workerSession(browser, 'trainer');
  for (const send of [(m, p) => main.send(m, p), worker]) {
    await send('Profiler.enable');
    await send('Profiler.setSamplingInterval', { interval: 200 });
    await send('Profiler.start');
  }
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  if (chartsHidden) await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForFunction(
    () =>
      ['finished', 'stopped', 'diverged', 'failed'].includes(
        window.__layerlab.store.getState().run.status,
      ),
    null,
    { timeout: 600_000, polling: 250 },
  );
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
  console.log(
    await page.evaluate(() => {
      const r = window.__layerlab.store.getState().run;
      return `${r.status}, ${r.epochs.length} epochs, ${r.progress?.samplesPerSec?.toFixed(0)} samples/s`;
    }),
  );
  await app.close();
} finally {
  await browser.close();
  server.stop();
}
