// What the one-run investigation scripts (overhead-profile.mjs, overhead-trace.mjs) share: their
// options, the workload they set up in the app, training to the end, and the closing line.
/* global window -- functions handed to page.evaluate run in the browser */
import { chooseBackend, openApp, setUp } from './app-page.mjs';
import { LIVE, LIVE_SAMPLES, liveRecipe } from './live-workload.mjs';
import { recipe } from './workloads.mjs';

/**
 * `--workload=` a bench workload (workloads.mjs) or `live` (the charts bench's: the Vanilla MLP
 * on circle data, batches of 16 on the CPU backend, at 1920 × 1200), `--backend=`, `--samples=`,
 * `--epochs=`, `--viewport=WxH`, `--css=…` (a style added to the page, e.g. to hide a part and
 * see what it costs); `defaults` gives the script's own samples and epochs.
 */
export function investigationOptions(argv, defaults) {
  const opt = (name, def) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? def;
  const workload = opt('workload', 'conv');
  const live = workload === 'live';
  const samples = Number(opt('samples', live ? String(LIVE_SAMPLES) : String(defaults.samples)));
  const viewport = opt('viewport', live ? '1920x1200' : defaults.viewport);
  const [width, height] = viewport.split('x').map(Number);
  return {
    opt,
    paths: argv.filter((a) => !a.startsWith('--')),
    workload,
    backend: opt('backend', live ? LIVE.backend : 'wasm'),
    samples,
    epochs: Number(opt('epochs', String(defaults.epochs))),
    viewport: { width, height },
    css: opt('css', ''),
    recipe: live ? liveRecipe(samples) : recipe(workload, samples),
  };
}

/** The app with the workload set up on its backend, ready for Train. */
export async function openWorkload(browser, url, o) {
  const app = await openApp(browser, url, o.viewport);
  await setUp(app.page, o.recipe, o.samples, o.epochs);
  await chooseBackend(app.page, o.backend);
  if (o.css) await app.page.addStyleTag({ content: o.css });
  return app;
}

const ENDED = ['finished', 'stopped', 'diverged', 'failed'];

/** Clicks Train and waits for that run (a new run id) to end; `afterClick` runs meanwhile. */
export async function trainToEnd(page, afterClick = async () => {}) {
  const before = await page.evaluate(() => window.__layerlab.store.getState().run.id);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await afterClick();
  await page.waitForFunction(
    ({ before, ended }) => {
      const run = window.__layerlab.store.getState().run;
      return run.id > before && ended.includes(run.status);
    },
    { before, ended: ENDED },
    { timeout: 600_000, polling: 250 },
  );
}

/** "finished, 6 epochs, 14 153 samples/s": how the run ended. */
export function runSummary(page) {
  return page.evaluate(() => {
    const r = window.__layerlab.store.getState().run;
    return `${r.status}, ${r.epochs.length} epochs, ${r.progress?.samplesPerSec?.toFixed(0)} samples/s`;
  });
}
