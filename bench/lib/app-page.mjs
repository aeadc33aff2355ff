// The real app, driven as a user would train: the Backend select and the Train button through
// the UI; the workload itself (model, data, settings) through the store's own actions, which
// src/app/bench-hook.ts exposes only under `?bench`.
/* global document, window -- functions handed to page.evaluate run in the browser */
import { installProbes, responsiveness } from './page-probes.mjs';
import { samplesPerSecond } from './stats.mjs';
import { coresUsed, snapshot } from './thread-cpu.mjs';
import { recipe } from './workloads.mjs';

export const BACKEND_LABELS = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU',
  auto: 'Auto (fastest here)',
};
const ENDED = ['finished', 'stopped', 'diverged', 'failed'];

export async function openApp(browser, url, viewport = { width: 1600, height: 1000 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text().split('\n')[0]));
  page.on('crash', () => errors.push('the page crashed'));
  await page.addInitScript(installProbes);
  await page.goto(`${url}/?bench`);
  await page.waitForFunction(() => '__layerlab' in window);
  await page.getByRole('status', { name: 'Backend' }).filter({ hasText: 'Backend:' }).waitFor({
    timeout: 120_000,
  });
  return { page, errors, close: () => context.close() };
}

/** Model, data and settings through the store's actions; resolves once the data is prepared. */
export async function setUp(page, r, samples, epochs) {
  await page.evaluate(
    async ({ r, epochs }) => {
      const store = window.__layerlab.store;
      const s = () => store.getState();
      const must = (res, what) => {
        if (!res.ok) throw new Error(`${what}: ${res.reason}`);
        return res.value;
      };
      must(s().setSpec({ layers: [] }), 'clearing the model');
      for (const [kind, params] of r.layers) {
        const id = must(s().addLayer(kind), `adding ${kind}`);
        must(s().updateParams(id, params), `setting ${kind}`);
      }
      const { config, csvText } = r.dataset;
      if (config.source === 'shipped') {
        // The app fetches and inflates its own shipped copy, as it does for a user.
        const cur = s().datasetConfig;
        const prepare = { ...cur.prepare, ...config.prepare };
        prepare.windowing = { ...cur.prepare.windowing, enabled: false };
        await s().setDatasetConfig({ roles: {}, ...config, prepare });
      } else if (csvText !== null) {
        s().setValidationSplit(config.prepare.validationSplit);
        await s().openCsvFile(new File([csvText], config.fileName, { type: 'text/csv' }));
      } else {
        // The app's default configuration with the workload's fields over it.
        const cur = s().datasetConfig;
        const base = cur.source === 'builtin' ? cur : { ...cur, source: 'builtin' };
        const prepare = { ...base.prepare, ...config.prepare };
        prepare.windowing = { ...base.prepare.windowing, ...config.prepare.windowing };
        s().setDatasetConfig({ ...base, ...config, prepare });
      }
      const ok = s().setTrainingSettings({
        seed: r.seed,
        optimizer: 'adam',
        learningRate: r.learningRate,
        batchSize: r.batchSize,
        epochs,
        loss: r.loss ?? 'mse',
        metrics: r.metrics ?? [],
        clipNorm: null,
      });
      if (!ok) throw new Error('the training settings were refused');
    },
    { r, epochs },
  );
  await page.waitForFunction(
    (n) => {
      const s = window.__layerlab.store.getState();
      return s.dataBusy === null && s.prepared.ok && s.prepared.value.xShape[0] === n;
    },
    samples,
    { timeout: 60_000 },
  );
  return page.evaluate(() => {
    const s = window.__layerlab.store.getState();
    const d = s.prepared.value;
    let xSum = 0;
    let ySum = 0;
    for (const v of d.x) xSum += v;
    for (const v of d.y) ySum += v;
    const params = document.querySelector('[data-testid="total-params"]')?.textContent ?? '';
    return {
      data: { xShape: [...d.xShape], xSum, ySum },
      params: Number(params.replace(/[^\d]/g, '')) || null,
      dataError: s.dataError,
    };
  });
}

/** Records, in page time, when each run event reached the store. */
async function record(page) {
  await page.evaluate(() => {
    const log = { epochs: [], ends: [], statuses: [], backends: [], benchmark: null };
    window.__benchRun = log;
    window.__layerlab.store.subscribe((s, prev) => {
      const now = performance.now();
      const run = s.run;
      if (run.backend !== prev.run.backend) log.backends.push({ t: now, backend: run.backend });
      if (run.status !== prev.run.status) {
        log.statuses.push({ t: now, status: run.status });
        // The charts' paint count where the run ended (redraws after the warm-up epoch).
        if (['finished', 'stopped', 'diverged', 'failed'].includes(run.status))
          log.endPaints ??= { t: now, paints: window.__layerlab.paints?.() ?? null };
      }
      if (run.epochs.length > prev.run.epochs.length) {
        const e = run.epochs.at(-1);
        log.epochs.push({ t: now, epoch: e.epoch, loss: e.loss, numTensors: e.numTensors });
        if (log.epochs.length === 1) log.warmPaints = window.__layerlab.paints?.() ?? null;
      }
      if (run.benchmark !== prev.run.benchmark) log.benchmark = run.benchmark;
      // The worker's own clock: elapsedMs (training time, pauses excluded) at each epoch's last
      // batch. Arrival times on the page would carry the page's own delays (long tasks).
      const p = run.progress;
      if (p && p !== prev.run.progress && p.batch === p.batchesPerEpoch) {
        if (log.ends.at(-1)?.epoch !== p.epoch) log.ends.push({ epoch: p.epoch, ms: p.elapsedMs });
      }
      log.samplesPerSec = run.progress?.samplesPerSec ?? null;
      log.message = run.message;
      log.notices = s.trainerNotices;
    });
  });
}

export async function chooseBackend(page, backend) {
  await page
    .getByRole('combobox', { name: 'Backend' })
    .selectOption({ label: BACKEND_LABELS[backend] });
  if (backend !== 'auto') {
    await page.locator(`.badge[data-backend="${backend}"]`).waitFor({ timeout: 120_000 });
  }
}

/**
 * Every live view on screen: the watch column (Predictions above the Charts) scrolled to its
 * top, and the page too (clicking Train may have scrolled it).
 */
async function showCharts(page) {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.querySelector('.col-watch')?.scrollTo(0, 0);
  });
}

/**
 * "Charts hidden": the Charts and the Predictions panels folded, so no live view redraws or
 * paints (on a laptop screen or larger they are always on screen: folding is how a user hides
 * them there); nothing else changes.
 */
export async function hideCharts(page) {
  for (const panel of ['Charts', 'Predictions']) {
    const fold = page.getByRole('button', { name: `Collapse ${panel}`, exact: true });
    if ((await fold.count()) > 0) await fold.first().click();
  }
}

/** The live views (charts and tables by their names) at least partly inside the window. */
export function liveViewsOnScreen() {
  const names = [];
  for (const el of document.querySelectorAll('.col-watch figure[aria-label], .col-watch table')) {
    const r = el.getBoundingClientRect();
    const seen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight;
    const name = el.getAttribute('aria-label') ?? el.querySelector('caption')?.textContent ?? '';
    if (seen) names.push(name.replace(/\s+/g, ' ').trim().slice(0, 40));
  }
  return names;
}

/** Cores used since `before`: the main thread by DevTools' clock, all threads from /proc. */
async function cpuSince(before, mainBusy) {
  const main = await mainBusy();
  const wallS = (Date.now() - before.at) / 1000;
  return {
    wallS,
    mainThread: main === null || before.main === null ? null : (main - before.main) / wallS,
    threads: coresUsed(before.threads, snapshot(), wallS),
  };
}

/** The app's count of chart draws and of frames holding one (src/features/charts/paint-count.ts). */
const paints = (page) => page.evaluate(() => window.__layerlab.paints?.() ?? null);

/** Painted frames and draws per second between two counts; null where the app counts nothing. */
export function redrawRate(before, after, wallS) {
  if (!before || !after || !(wallS > 0)) return null;
  const round = (v) => Math.round(v * 10) / 10;
  return {
    frames: after.frames - before.frames,
    draws: after.draws - before.draws,
    framesPerSec: round((after.frames - before.frames) / wallS),
    drawsPerSec: round((after.draws - before.draws) / wallS),
  };
}

/** Clicks Train; returns the page time of the click. */
async function train(page) {
  const t = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  return t;
}

/**
 * One training run in the app on one backend: per-epoch times by the worker's clock, the loss,
 * the tensors the worker reported after each epoch, and how the page kept up meanwhile. A run
 * that moves to another backend (a missing kernel) is stopped and reported as the app says it.
 */
export async function appSpeed(
  browser,
  url,
  heaps,
  {
    workload,
    backend,
    samples,
    epochs,
    timeoutMs,
    chartsHidden = false,
    chartsTab = null,
    recipe: given = null,
    viewport,
  },
) {
  let app;
  try {
    app = await openApp(browser, url, viewport);
  } catch (err) {
    return { ok: false, backend, reason: `the app did not start: ${err.message.split('\n')[0]}` };
  }
  const { page } = app;
  try {
    const setup = await setUp(page, given ?? recipe(workload, samples), samples, epochs);
    await chooseBackend(page, backend);
    await record(page);
    // One DevTools session for the heap and the main thread's task time.
    const cdp = await page.context().newCDPSession(page);
    const heapBefore = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    if (chartsTab) await page.getByRole('tab', { name: chartsTab, exact: true }).click();
    await cdp.send('Performance.enable');
    const mainBusy = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')
        ?.value ?? null;
    const cpuBefore = { at: Date.now(), main: await mainBusy(), threads: snapshot() };
    const paintsBefore = await paints(page);
    const clicked = await train(page);
    // Clicking scrolled the Train button into view; the charts are what should be on screen.
    await (chartsHidden ? hideCharts(page) : showCharts(page));
    // CPU from the first epoch's end on too: the warm-up (model build, first probe) is no
    // chart's cost, and diluting the charts' share with it would flatter them.
    let cpuWarm = null;
    if (chartsTab !== null || chartsHidden) {
      await page
        .waitForFunction(() => window.__benchRun.epochs.length > 0, null, {
          timeout: timeoutMs,
          polling: 100,
        })
        .then(async () => {
          cpuWarm = { at: Date.now(), main: await mainBusy(), threads: snapshot() };
        })
        .catch(() => undefined);
    }
    await page.waitForFunction(
      ({ ended, backend }) => {
        const log = window.__benchRun;
        const s = window.__layerlab.store.getState().run;
        return (
          ended.includes(s.status) ||
          log.backends.some((b) => b.backend !== null && b.backend !== backend)
        );
      },
      { ended: ENDED, backend },
      { timeout: timeoutMs, polling: 250 },
    );
    const cpu = await cpuSince(cpuBefore, mainBusy);
    const cpuAfterWarmup = cpuWarm ? await cpuSince(cpuWarm, mainBusy) : null;
    const paintsAfter = await paints(page);
    const liveViews = await page.evaluate(liveViewsOnScreen);
    const log = await page.evaluate(() => window.__benchRun);
    const status = await page.evaluate(() => window.__layerlab.store.getState().run.status);
    const moved = log.backends.find((b) => b.backend !== null && b.backend !== backend);
    if (moved) {
      await page
        .getByRole('button', { name: 'Stop', exact: true })
        .click()
        .catch(() => {});
      return {
        ok: false,
        backend: moved.backend,
        reason: (log.notices ?? []).join(' ') || `the app moved to ${moved.backend}`,
        ...setup,
      };
    }
    const end = log.statuses.findLast((s) => ENDED.includes(s.status))?.t ?? clicked;
    const running = log.statuses.find((s) => s.status === 'running')?.t ?? clicked;
    const r = {
      ok: status === 'finished',
      backend,
      status,
      reason: status === 'finished' ? null : log.message,
      ...setup,
      epochs,
      samples,
      ...samplesPerSecond(
        log.ends.map((e) => e.ms),
        samples,
      ),
      // The same from the page's side (epoch events as they reached the store), for comparison.
      pageEpochMs: samplesPerSecond(
        log.epochs.map((e) => e.t),
        samples,
        running,
      ).epochMs,
      appReadout: log.samplesPerSec,
      // Cores used from the click to the run's end: the page's main thread (DevTools' task time,
      // any OS), and on Linux every browser thread by group (thread-cpu.mjs).
      cpu,
      finalLoss: log.epochs.at(-1)?.loss ?? null,
      tensorsPerEpoch: log.epochs.map((e) => e.numTensors),
      // The whole run from the click; and from the first epoch's arrival, without the warm-up
      // (shader compiles, the first chart renders).
      responsiveness: await page.evaluate(responsiveness, [clicked, end]),
      afterWarmupResponsiveness: await page.evaluate(responsiveness, [
        log.epochs[0]?.t ?? running,
        end,
      ]),
      // How often the live charts painted, from the click to the run's end (the app counts),
      // and after the warm-up epoch (its first epoch's arrival to the run's end).
      redraws: redrawRate(paintsBefore, paintsAfter, cpu.wallS),
      redrawsAfterWarmup: redrawRate(
        log.warmPaints ?? null,
        log.endPaints?.paints ?? null,
        ((log.endPaints?.t ?? 0) - (log.epochs[0]?.t ?? Infinity)) / 1000,
      ),
      cpuAfterWarmup,
      liveViews,
      // Chart surfaces on screen while it trained.
      charts: await page.evaluate(
        () =>
          [...document.querySelectorAll('.recharts-surface, canvas')].filter((e) => {
            const r = e.getBoundingClientRect();
            return r.bottom > 0 && r.top < window.innerHeight && r.width > 0;
          }).length,
      ),
      mainHeap: {
        before: heapBefore,
        after: (await cdp.send('Runtime.getHeapUsage')).usedSize,
      },
      workerHeap: await heaps.heap('trainer.worker', { gc: false }),
      pageErrors: app.errors,
    };
    return r;
  } catch (err) {
    const crashed = app.errors.includes('the page crashed') ? 'the page crashed; ' : '';
    return {
      ok: false,
      backend,
      reason: `${crashed}${err.message.split('\n')[0]}`,
      pageErrors: app.errors,
    };
  } finally {
    await app.close();
  }
}

/**
 * Auto: which backend the app measured fastest and moved to for this workload. It measures
 * during a run long enough to repay it, so the run asks for many epochs and is stopped once
 * the pick is known.
 */
export async function autoPick(browser, url, { workload, samples, timeoutMs }) {
  let app;
  try {
    app = await openApp(browser, url);
  } catch (err) {
    return { ok: false, reason: `the app did not start: ${err.message.split('\n')[0]}` };
  }
  const { page } = app;
  try {
    await setUp(page, recipe(workload, samples), samples, 10_000);
    await chooseBackend(page, 'auto');
    await record(page);
    await train(page);
    await page.waitForFunction(
      (ended) => {
        const log = window.__benchRun;
        const status = window.__layerlab.store.getState().run.status;
        return log.benchmark?.picked != null || ended.includes(status);
      },
      ENDED,
      { timeout: timeoutMs, polling: 250 },
    );
    const log = await page.evaluate(() => window.__benchRun);
    await page
      .getByRole('button', { name: 'Stop', exact: true })
      .click()
      .catch(() => {});
    if (!log.benchmark?.picked) return { ok: false, reason: log.message ?? 'nothing was picked' };
    return { ok: true, picked: log.benchmark.picked, results: log.benchmark.results };
  } catch (err) {
    return { ok: false, reason: err.message.split('\n')[0] };
  } finally {
    await app.close();
  }
}
