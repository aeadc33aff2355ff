// The bare tfjs page (bench/bare.html): plain model.fit for the baseline, and the app's engine
// for the memory runs, both in a module worker.
import { recipe } from './workloads.mjs';
import { samplesPerSecond } from './stats.mjs';

async function open(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${url}/bare.html`);
  await page.waitForFunction(() => 'bench' in window);
  const call = (req, timeout) =>
    Promise.race([
      page.evaluate((r) => window.bench.call(r), req),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`bare page: ${req.op} took over ${timeout} ms`)), timeout),
      ),
    ]);
  return { page, call, errors, close: () => context.close() };
}

/** Plain tfjs on one backend: per-epoch times, warm-up excluded, and the final loss. */
export async function bareSpeed(browser, url, { workload, backend, samples, epochs, timeoutMs }) {
  const bare = await open(browser, url);
  try {
    const setup = await bare.call({ op: 'setup', backend, recipe: recipe(workload, samples) }, 120_000);
    let fit;
    try {
      fit = await bare.call({ op: 'fit', epochs }, timeoutMs);
    } catch (err) {
      return { ok: false, backend: setup.backend, data: setup.data, reason: err.message };
    }
    const n = setup.data.xShape[0];
    return {
      ok: true,
      backend: setup.backend,
      data: setup.data,
      params: fit.params,
      epochs,
      samples: n,
      ...samplesPerSecond(fit.epochEndsMs, n),
      finalLoss: fit.losses.at(-1),
      tensorsAfter: fit.memory.numTensors,
    };
  } catch (err) {
    return { ok: false, reason: err.message };
  } finally {
    await bare.close();
  }
}

/**
 * The app's engine in the bench worker: tf.memory() and the worker's JS heap (after a forced GC,
 * through CDP) at the start, after each epoch, after the run ends, then after each of `rebuilds`
 * model rebuilds (buildModel + disposeModel, what every Train does).
 */
export async function engineMemory(browser, url, heaps, opts) {
  const { workload, backend, samples, epochs, rebuilds, timeoutMs } = opts;
  const bare = await open(browser, url);
  const heap = () => heaps.heap('/assets/worker-');
  try {
    const setup = await bare.call({ op: 'setup', backend, recipe: recipe(workload, samples) }, 120_000);
    const series = [];
    const snap = async (label, memory) => series.push({ label, ...memory, heap: await heap() });
    await snap('start', await bare.call({ op: 'memory' }, 10_000));
    // One epoch more than measured: after the last epoch the run would end and free everything.
    const started = await bare.call({ op: 'engineStart', epochs: epochs + 1, samples }, timeoutMs);
    if (started.backend !== backend || started.ended) {
      const stop = await bare.call({ op: 'engineStop' }, timeoutMs);
      return {
        ok: false,
        backend: started.backend,
        reason: stop.notices.join(' ') || started.ended || `started on ${started.backend}`,
      };
    }
    for (let e = 1; e <= epochs; e++) {
      const step = await bare.call({ op: 'engineEpoch' }, timeoutMs);
      if (!step.result) return { ok: false, backend: step.backend, reason: step.ended };
      await snap(`epoch ${e}`, step.memory);
    }
    const stop = await bare.call({ op: 'engineStop' }, timeoutMs);
    await snap('run ended', stop.memory);
    for (let i = 1; i <= rebuilds; i++) {
      await snap(`rebuild ${i}`, await bare.call({ op: 'rebuild' }, timeoutMs));
    }
    return { ok: true, backend: setup.backend, samples, epochs, rebuilds, series };
  } catch (err) {
    return { ok: false, reason: err.message };
  } finally {
    await bare.close();
  }
}
