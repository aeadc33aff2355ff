// Issue #18's figure: how long the app takes, from a click on Train, to reach 95% validation
// accuracy on MNIST with the "MNIST CNN" template as it ships (its data, layers and settings),
// on one backend (the fastest one this machine has; `--backend=` picks another). Driven through
// the UI like a user: the Templates menu, the Backend select, the Train button; the epochs are
// read from the store (exposed under ?bench) as they arrive.
/* global window -- functions handed to page.evaluate run in the browser */
import { BACKEND_LABELS, openApp } from './app-page.mjs';

export const TARGET = 0.95;

export async function timeToAccuracy(browser, url, { backend, timeoutMs, target = TARGET }) {
  const { page, errors, close } = await openApp(browser, url);
  try {
    await page.getByRole('button', { name: 'Templates' }).click();
    await page
      .getByRole('list', { name: 'Templates' })
      .getByRole('button', { name: 'MNIST CNN' })
      .click();
    await page.waitForFunction(
      () => {
        const s = window.__layerlab.store.getState();
        return s.dataBusy === null && s.prepared.ok && s.prepared.value.xShape[1] === 28;
      },
      null,
      { timeout: 120_000 },
    );
    await page
      .getByRole('combobox', { name: 'Backend' })
      .selectOption({ label: BACKEND_LABELS[backend] });
    await page.evaluate(() => {
      const log = { start: null, epochs: [] };
      window.__accuracyRun = log;
      window.__layerlab.store.subscribe((s, prev) => {
        const now = performance.now();
        if (s.run.epochs.length > prev.run.epochs.length) {
          const e = s.run.epochs.at(-1);
          log.epochs.push({ t: now, epoch: e.epoch, valAccuracy: e.valMetrics.accuracy ?? null });
        }
      });
    });
    await page.evaluate(() => (window.__accuracyRun.start = performance.now()));
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.waitForFunction(
      (target) => {
        const s = window.__layerlab.store.getState();
        const reached = window.__accuracyRun.epochs.some((e) => (e.valAccuracy ?? 0) >= target);
        return reached || ['finished', 'stopped', 'diverged', 'failed'].includes(s.run.status);
      },
      target,
      { timeout: timeoutMs, polling: 500 },
    );
    const log = await page.evaluate(() => window.__accuracyRun);
    const settings = await page.evaluate(() => window.__layerlab.store.getState().trainingSettings);
    const ran = await page.getByRole('status', { name: 'Backend' }).getAttribute('data-backend');
    const hit = log.epochs.find((e) => (e.valAccuracy ?? 0) >= target);
    const epochs = log.epochs.map((e) => ({
      epoch: e.epoch,
      seconds: (e.t - log.start) / 1000,
      valAccuracy: e.valAccuracy,
    }));
    return hit
      ? {
          ok: true,
          backend: ran,
          seconds: (hit.t - log.start) / 1000,
          epoch: hit.epoch,
          epochs,
          settings,
          errors,
        }
      : {
          ok: false,
          backend: ran,
          reason: `never reached ${target * 100}%`,
          epochs,
          settings,
          errors,
        };
  } catch (err) {
    return { ok: false, backend, reason: err.message.split('\n')[0], errors };
  } finally {
    await close();
  }
}

// `node bench/lib/mnist-accuracy.mjs [--backend=wasm] [--no-build]`: this figure alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { launch } = await import('./browser.mjs');
  const { preview } = await import('./server.mjs');
  const { fileURLToPath } = await import('node:url');
  const { execFileSync } = await import('node:child_process');
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const backend = arg('backend') ?? 'wasm';
  if (!process.argv.includes('--no-build')) {
    execFileSync(
      'npx',
      [
        'vite',
        'build',
        '--logLevel',
        'error',
        '--outDir',
        'bench/dist/app',
        '--emptyOutDir',
        '--manifest',
      ],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
  }
  const server = await preview({ root, outDir: 'bench/dist/app', page: 'index.html' });
  const { browser } = await launch();
  try {
    const r = await timeToAccuracy(browser, server.url, { backend, timeoutMs: 1_800_000 });
    for (const e of r.epochs ?? []) {
      console.log(
        `epoch ${e.epoch}: ${e.seconds.toFixed(1)} s, validation accuracy ${((e.valAccuracy ?? 0) * 100).toFixed(2)}%`,
      );
    }
    console.log(
      r.ok
        ? `MNIST CNN reached ${TARGET * 100}% validation accuracy on ${r.backend} in ${r.seconds.toFixed(1)} s (epoch ${r.epoch})`
        : `MNIST CNN on ${r.backend}: ${r.reason}`,
    );
    if (r.errors?.length) console.log(`page errors: ${r.errors.join(' | ')}`);
  } finally {
    await browser.close();
    server.stop();
  }
}
