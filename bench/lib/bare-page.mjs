// The bare tfjs page (bench/bare.html): plain model.fit for the baseline, then, in the same
// worker (shaders already compiled), the app's own engine for the memory run.
/* global window -- functions handed to page.evaluate run in the browser */
import { samplesPerSecond } from './stats.mjs';
import { recipe } from './workloads.mjs';

async function open(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${url}/bare.html`);
  await page.waitForFunction(() => 'bench' in window);
  const call = (req, timeout) => {
    let timer;
    return Promise.race([
      page.evaluate((r) => window.bench.call(r), req).finally(() => clearTimeout(timer)),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`${req.op} took over ${timeout / 1000} s`)),
          timeout,
        );
      }),
    ]);
  };
  return { call, errors, close: () => context.close() };
}

const firstLine = (err) =>
  String(err.message ?? err)
    .split('\n')[0]
    .replace(/^page\.evaluate: (Error: )?/, '');

async function fit(bare, setup, epochs, timeoutMs) {
  try {
    const f = await bare.call({ op: 'fit', epochs }, timeoutMs);
    const n = setup.data.xShape[0];
    return {
      ok: true,
      backend: setup.backend,
      params: f.params,
      epochs,
      samples: n,
      ...samplesPerSecond(f.epochEndsMs, n),
      finalLoss: f.losses.at(-1),
      tensorsAfter: f.memory.numTensors,
    };
  } catch (err) {
    return { ok: false, backend: setup.backend, reason: firstLine(err) };
  }
}

/**
 * The app's engine in the bench worker: tf.memory() and the worker's JS heap (after a forced GC,
 * through CDP) at the start, after each epoch, after the run ends, then after each model
 * rebuild (buildModel + disposeModel, what every Train does).
 */
async function memory(bare, heaps, backend, { samples, epochs, rebuilds }, timeoutMs) {
  const series = [];
  const ms = {};
  let t = Date.now();
  const lap = (name) => {
    ms[name] = Date.now() - t;
    t = Date.now();
  };
  const snap = async (label, m) =>
    series.push({ label, ...m, heap: await heaps.heap('/assets/worker-') });
  await snap('start', await bare.call({ op: 'memory' }, 10_000));
  // One epoch more than measured: after its last epoch a run ends and frees everything.
  const started = await bare.call({ op: 'engineStart', epochs: epochs + 1, samples }, timeoutMs);
  const fail = async (step) => {
    const stop = await bare.call({ op: 'engineStop' }, timeoutMs);
    return {
      ok: false,
      backend: step.backend,
      reason: stop.notices.join(' ') || step.ended,
      series,
    };
  };
  if (started.backend !== backend || started.ended) return fail(started);
  for (let e = 1; e <= epochs; e++) {
    const step = await bare.call({ op: 'engineEpoch' }, timeoutMs);
    if (!step.result || step.backend !== backend) return fail(step);
    await snap(`epoch ${e}`, step.memory);
  }
  lap('epochs');
  const stop = await bare.call({ op: 'engineStop' }, timeoutMs);
  await snap('run ended', stop.memory);
  for (let i = 1; i <= rebuilds; i++)
    await snap(`rebuild ${i}`, await bare.call({ op: 'rebuild' }, timeoutMs));
  lap('rebuilds');
  return { ok: true, backend, samples, epochs, rebuilds, series, ms };
}

/** One page load: setup (the app's backend activation, the app's data pipeline), fit, memory. */
export async function bareRun(browser, url, heaps, opts) {
  const { workload, backend, samples, epochs, memoryPlan, timeoutMs } = opts;
  const bare = await open(browser, url);
  try {
    const setup = await bare.call(
      { op: 'setup', backend, recipe: recipe(workload, samples) },
      120_000,
    );
    const speed = { ...(await fit(bare, setup, epochs, timeoutMs)), data: setup.data };
    let mem = null;
    if (memoryPlan && speed.ok) {
      mem = await memory(bare, heaps, backend, memoryPlan, timeoutMs).catch((err) => ({
        ok: false,
        reason: firstLine(err),
      }));
    } else if (memoryPlan) {
      mem = { ok: false, reason: `not run: ${speed.reason}` };
    }
    return { speed, memory: mem, pageErrors: bare.errors };
  } catch (err) {
    const reason = firstLine(err);
    return {
      speed: { ok: false, reason },
      memory: memoryPlan ? { ok: false, reason } : null,
      pageErrors: bare.errors,
    };
  } finally {
    await bare.close();
  }
}
