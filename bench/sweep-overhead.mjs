// The overhead of a sweep against the same runs started one by one (issue 21): both go through
// the page's store and the same training worker, on the built app in headless Chromium.
//
//   npm run build -- --outDir /tmp/dist-x && node bench/sweep-overhead.mjs /tmp/dist-x [backend]
//
// Prints one JSON line: the wall time of each way (ABAB order, twice, to even out drift) and the
// sweep's overhead in percent (target: at most 5%).
/* global window -- functions handed to page.evaluate run in the browser */
import { resolve } from 'node:path';
import { launch } from './lib/browser.mjs';
import { openApp } from './lib/app-page.mjs';
import { preview } from './lib/server.mjs';

const root = resolve(import.meta.dirname, '..');
const outDir = process.argv[2] ?? 'dist';
const backend = process.argv[3] ?? 'cpu';
const RATES = [0.003, 0.01, 0.03, 0.1];
const EPOCHS = 3;

async function oneByOne(page) {
  return page.evaluate(
    async ({ rates }) => {
      const store = window.__layerlab.store;
      const t0 = performance.now();
      for (const learningRate of rates) {
        store.getState().setTrainingSettings({ learningRate });
        store.getState().train();
        await new Promise((done) => {
          const off = store.subscribe((s) => {
            if (['finished', 'stopped', 'diverged', 'failed'].includes(s.run.status)) {
              off();
              done();
            }
          });
        });
      }
      return performance.now() - t0;
    },
    { rates: RATES },
  );
}

async function sweep(page) {
  return page.evaluate(
    async ({ rates }) => {
      const store = window.__layerlab.store;
      store.getState().setSweepDefinition({
        params: [
          {
            target: { kind: 'setting', name: 'learningRate' },
            space: { type: 'Choice', values: rates },
          },
        ],
        strategy: 'grid',
        count: 1,
        seed: 1,
        earlyStopping: null,
      });
      const t0 = performance.now();
      const r = store.getState().startSweep();
      if (!r.ok) throw new Error(r.reason);
      await new Promise((done) => {
        const off = store.subscribe((s) => {
          if (s.sweepStatus === 'done' || s.sweepStatus === 'stopped') {
            off();
            done();
          }
        });
      });
      return performance.now() - t0;
    },
    { rates: RATES },
  );
}

const server = await preview({ root, outDir, page: 'index.html' });
const { browser } = await launch();
try {
  const app = await openApp(browser, server.url);
  const { page } = app;
  await page.evaluate(
    ({ backend, epochs }) => {
      const s = window.__layerlab.store.getState();
      s.setBackendChoice(backend);
      s.setTrainingSettings({ epochs });
    },
    { backend, epochs: EPOCHS },
  );
  await oneByOne(page); // warm-up: kernels, worker start
  const times = { oneByOne: [], sweep: [] };
  for (let i = 0; i < 2; i++) {
    times.oneByOne.push(await oneByOne(page));
    times.sweep.push(await sweep(page));
  }
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  const overhead = (sum(times.sweep) / sum(times.oneByOne) - 1) * 100;
  console.log(
    JSON.stringify({
      backend,
      runs: RATES.length,
      epochs: EPOCHS,
      oneByOneMs: times.oneByOne.map(Math.round),
      sweepMs: times.sweep.map(Math.round),
      overheadPercent: Number(overhead.toFixed(1)),
      errors: app.errors,
    }),
  );
  await app.close();
} finally {
  await browser.close();
  server.stop();
}
