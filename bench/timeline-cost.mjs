// What recording the timeline (issue 20) costs training: samples/s with the timeline on and off
// for the MLP, LSTM and Conv1D workloads, and the memory its snapshots take per epoch. Drives the
// built app in headless Chromium through its store (?bench), as bench/run.mjs does.
//
//   npm run build -- --outDir /tmp/dist-x && node bench/timeline-cost.mjs /tmp/dist-x [backend] [rounds] [mlp,lstm,conv]
//
// On and off runs alternate (on, off, off, on, …) on one page so drift and other load on the
// machine fall on both alike; each run's speed is its median epoch after the first (warm-up),
// from the worker's own clock. Prints one JSON line per workload, then a summary line.
/* global window -- functions handed to page.evaluate run in the browser */
import { resolve } from 'node:path';
import { launch } from './lib/browser.mjs';
import { openApp, setUp } from './lib/app-page.mjs';
import { preview } from './lib/server.mjs';
import { median, round, spread } from './lib/stats.mjs';
import { recipe } from './lib/workloads.mjs';

const root = resolve(import.meta.dirname, '..');
const outDir = process.argv[2] ?? 'dist';
const backend = process.argv[3] ?? 'wasm';
const ROUNDS = Number(process.argv[4] ?? 3);
const WARM_UPS = 3;
/** Five measured epochs a run: one of them holds the first epoch's snapshot, the median not. */
const EPOCHS = 6;
/**
 * Epochs of 0.1–0.5 s on wasm here: long enough that one scheduling hiccup does not decide an
 * epoch's time, short enough for 2 × ROUNDS + 1 runs per workload.
 */
const SAMPLES = { mlp: 4096, lstm: 512, conv: 4096 };
const ONLY = process.argv[5]?.split(',') ?? Object.keys(SAMPLES);
/** A validation split, so the epoch-end snapshot measures gradients and the projection too. */
const VALIDATION = 0.2;

/** Trains once with the timeline on or off; the worker-clock epoch times and the snapshot sizes. */
async function oneRun(page, recording) {
  return page.evaluate(async (recording) => {
    const store = window.__layerlab.store;
    store.getState().setTimelineRecording(recording);
    const ends = [];
    const off = store.subscribe((s) => {
      const p = s.run.progress;
      if (p && p.batch === p.batchesPerEpoch && ends.at(-1)?.epoch !== p.epoch)
        ends.push({ epoch: p.epoch, ms: p.elapsedMs });
    });
    store.getState().train();
    await new Promise((done) => {
      const stop = store.subscribe((s) => {
        if (['finished', 'stopped', 'diverged', 'failed'].includes(s.run.status)) {
          stop();
          done();
        }
      });
    });
    off();
    const s = store.getState();
    const timeline = s.run.timeline;
    return {
      status: s.run.status,
      message: s.run.message,
      trainCount: s.prepared.ok ? s.prepared.value.trainCount : null,
      backend: s.run.backend,
      ends,
      snapshots: timeline.length,
      snapshotBytes: timeline.map((e) => e.bytes),
    };
  }, recording);
}

function epochTimes(run) {
  const t = run.ends.map((e) => e.ms);
  return t.slice(1).map((v, i) => Math.round(v - t[i]));
}

/** Mean measured epoch time (ms) over runs, every epoch after the first counted. */
function meanEpoch(runs) {
  const all = runs.flatMap(epochTimes);
  return all.reduce((a, b) => a + b, 0) / all.length;
}

function speed(run) {
  const m = median(epochTimes(run));
  return m ? (run.trainCount / m) * 1000 : null;
}

const server = await preview({ root, outDir, page: 'index.html' });
const { browser } = await launch();
const rows = [];
try {
  for (const workload of ONLY) {
    const app = await openApp(browser, server.url);
    const { page } = app;
    const r = recipe(workload, SAMPLES[workload]);
    const c = r.dataset.config;
    c.prepare = { ...c.prepare, validationSplit: VALIDATION };
    // A chronological split windows each part alone: one window length more keeps the count.
    if (c.prepare.windowing?.enabled) c.samples += c.prepare.windowing.length;
    await setUp(page, r, SAMPLES[workload], EPOCHS);
    await page.evaluate((b) => window.__layerlab.store.getState().setBackendChoice(b), backend);
    // Warm-up: worker start, kernels, first allocations, and V8 optimising the training code
    // (a run here is ~1.5× faster by the third than the first; a trace of the third still
    // shows the JIT compiling in the background).
    for (let i = 0; i < WARM_UPS; i++) await oneRun(page, i % 2 === 0);
    const on = [];
    const off = [];
    for (let i = 0; i < ROUNDS; i++) {
      const order = i % 2 === 0 ? [true, false] : [false, true];
      for (const recording of order) {
        const run = await oneRun(page, recording);
        if (run.status !== 'finished' || run.backend !== backend)
          throw new Error(`${workload}: run ${run.status} on ${run.backend} (${run.message})`);
        (recording ? on : off).push(run);
      }
    }
    const speedsOn = on.map(speed);
    const speedsOff = off.map(speed);
    // Epoch-end snapshots (epoch 0, the untrained model, included) as the budget counts them.
    const perEpoch = on.flatMap((r) => r.snapshotBytes);
    const row = {
      workload,
      backend,
      trainSamples: on[0]?.trainCount,
      epochs: EPOCHS,
      rounds: ROUNDS,
      samplesPerSecOn: speedsOn.map((v) => round(v)),
      samplesPerSecOff: speedsOff.map((v) => round(v)),
      medianOn: round(median(speedsOn)),
      medianOff: round(median(speedsOff)),
      spreadOnPercent: round((100 * spread(speedsOn)) / median(speedsOn), 1),
      spreadOffPercent: round((100 * spread(speedsOff)) / median(speedsOff), 1),
      ratio: round(median(speedsOn) / median(speedsOff), 3),
      // Each round's on and off ran next to each other: their ratio cancels slow drift.
      roundRatios: speedsOn.map((v, i) => round(v / speedsOff[i], 3)),
      // Every measured epoch of every run, pooled: the snapshot's own epochs count in full here.
      meanEpochRatio: round(meanEpoch(off) / meanEpoch(on), 3),
      medianRoundRatio: round(median(speedsOn.map((v, i) => v / speedsOff[i])), 3),
      // Each run's measured epochs (ms), to tell one slow epoch (a snapshot) from a slow run.
      epochMsOn: on.map(epochTimes),
      epochMsOff: off.map(epochTimes),
      snapshotsPerRun: on[0]?.snapshots,
      snapshotKiBPerEpoch: round(median(perEpoch) / 1024, 1),
      recordingOffSnapshots: off.reduce((n, r) => n + r.snapshots, 0),
      errors: app.errors,
    };
    rows.push(row);
    console.log(JSON.stringify(row));
    await app.close();
  }
  console.log(
    JSON.stringify({
      summary: rows.map((r) => `${r.workload}: ×${r.ratio} (${r.snapshotKiBPerEpoch} KiB/epoch)`),
      target: 'ratio ≥ 0.95',
    }),
  );
} finally {
  await browser.close();
  server.stop();
}
