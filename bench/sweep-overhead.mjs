// The overhead of a sweep against the same runs started one by one (issue 21): both go through
// the page's store and the same training worker, on the built app in headless Chromium.
//
//   npm run build -- --outDir /tmp/dist-x && node bench/sweep-overhead.mjs /tmp/dist-x [backend] [pairs]
//
// Prints one JSON line: the wall time of each way (ABAB order, `pairs` times, 3 unless given, to
// even out drift), the sweep's overhead in percent over all pairs (target: at most 5%) and each
// pair's own overhead, whose spread says how far to trust the figure on a shared machine.
/* global window -- functions handed to page.evaluate run in the browser */
import { resolve } from 'node:path';
import { launch } from './lib/browser.mjs';
import { openApp } from './lib/app-page.mjs';
import { preview } from './lib/server.mjs';

const root = resolve(import.meta.dirname, '..');
const outDir = process.argv[2] ?? 'dist';
const backend = process.argv[3] ?? 'cpu';
const PAIRS = Number(process.argv[4] ?? 3);
const RATES = [0.003, 0.01, 0.03, 0.1];
const EPOCHS = 3;

/**
 * Where the time between runs goes, in the page: `idle` from a run's end to the next start
 * request, `starting` from that request to the first batch report. Training itself is the rest.
 */
async function installTimer(page) {
  await page.evaluate(() => {
    window.__sweepTimer = (store) => {
      const t = { idle: 0, starting: 0 };
      let endedAt = null;
      let startedAt = null;
      const ended = (st) => ['finished', 'stopped', 'diverged', 'failed'].includes(st);
      const off = store.subscribe((s, prev) => {
        if (s.run.status === prev.run.status && s.run.id === prev.run.id) return;
        const now = performance.now();
        if (ended(s.run.status) && !ended(prev.run.status)) endedAt = now;
        if (s.run.status === 'starting') {
          if (endedAt !== null) t.idle += now - endedAt;
          endedAt = null;
          startedAt = now;
        }
        if (s.run.status === 'running' && startedAt !== null) {
          t.starting += now - startedAt;
          startedAt = null;
        }
      });
      return () => (off(), t);
    };
  });
}

async function oneByOne(page) {
  return page.evaluate(
    async ({ rates }) => {
      const store = window.__layerlab.store;
      const timer = window.__sweepTimer(store);
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
      return { ms: performance.now() - t0, ...timer() };
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
      const timer = window.__sweepTimer(store);
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
      return { ms: performance.now() - t0, ...timer() };
    },
    { rates: RATES },
  );
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0);

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
  await installTimer(page);
  await oneByOne(page); // warm-up: kernels, worker start
  const times = { oneByOne: [], sweep: [] };
  const parts = { oneByOne: [], sweep: [] };
  for (let i = 0; i < PAIRS; i++) {
    for (const [way, f] of [
      ['oneByOne', oneByOne],
      ['sweep', sweep],
    ]) {
      const r = await f(page);
      times[way].push(r.ms);
      parts[way].push(r);
    }
  }
  const total = (way, k) => Math.round(sum(parts[way].map((r) => r[k])));
  const overhead = (sum(times.sweep) / sum(times.oneByOne) - 1) * 100;
  console.log(
    JSON.stringify({
      backend,
      runs: RATES.length,
      epochs: EPOCHS,
      oneByOneMs: times.oneByOne.map(Math.round),
      sweepMs: times.sweep.map(Math.round),
      overheadPercent: Number(overhead.toFixed(1)),
      pairOverheadPercent: times.sweep.map((t, i) =>
        Number(((t / times.oneByOne[i] - 1) * 100).toFixed(1)),
      ),
      // Summed over all pairs: the app's own time between runs, and the worker's start of each.
      idleMs: { oneByOne: total('oneByOne', 'idle'), sweep: total('sweep', 'idle') },
      startingMs: { oneByOne: total('oneByOne', 'starting'), sweep: total('sweep', 'starting') },
      errors: app.errors,
    }),
  );
  await app.close();
} finally {
  await browser.close();
  server.stop();
}
