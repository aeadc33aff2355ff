// The bench's app/bare rows (bench/run.mjs) repeated in ABBA order, each page in a fresh
// browser as there, so a row's ratio comes with its spread on a machine whose load drifts
// (issue #15, "no app overhead").
//
//   npx vite build --outDir /tmp/app-x --emptyOutDir --manifest
//   npx vite build --config bench/vite.config.ts --outDir /tmp/bare-x --emptyOutDir
//   node bench/overhead-app.mjs /tmp/app-x /tmp/bare-x --workloads=conv --backends=wasm --reps=3
//     [--epochs=4] [--samples=512] [--charts-hidden]
import { resolve } from 'node:path';
import { appSpeed } from './lib/app-page.mjs';
import { bareRun } from './lib/bare-page.mjs';
import { launch, workerHeaps } from './lib/browser.mjs';
import { preview } from './lib/server.mjs';
import { snapshot, threadGroup } from './lib/thread-cpu.mjs';
import { median } from './lib/stats.mjs';

const root = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const [appDir, bareDir] = argv.filter((a) => !a.startsWith('--'));
const opt = (name, def) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? def;
const workloads = opt('workloads', 'conv').split(',');
const backends = opt('backends', 'wasm').split(',');
const reps = Number(opt('reps', '3'));
const epochs = Number(opt('epochs', '4'));
const chartsHidden = argv.includes('--charts-hidden');
const SAMPLES = { mlp: 1024, lstm: 512, conv: 1024, mnist: 512 };

/** CPU seconds by thread group (worker, helpers, page) between two /proc snapshots. */
function cpuSeconds(before, after) {
  const sums = { worker: 0, helpers: 0, page: 0 };
  for (const [id, t] of after)
    sums[threadGroup(t.comm)] += t.seconds - (before.get(id)?.seconds ?? 0);
  return sums;
}

/** A fresh browser for `f` (as bench/run.mjs): its result, and its CPU seconds by thread group. */
async function fresh(f) {
  const { browser } = await launch();
  const heaps = await workerHeaps(browser);
  const before = snapshot();
  // Threads end with their page (a worker's time goes with it), so the latest reading of each
  // is kept while it runs.
  const latest = new Map();
  const read = () => {
    for (const [id, t] of snapshot()) latest.set(id, t);
  };
  const timer = setInterval(read, 200);
  try {
    const value = await f(browser, heaps);
    return { value, cpuS: cpuSeconds(before, latest) };
  } finally {
    clearInterval(timer);
    await heaps.close();
    await browser.close();
  }
}

const app = await preview({ root, outDir: appDir, page: 'index.html' });
const bare = await preview({
  root,
  outDir: bareDir,
  config: 'bench/vite.config.ts',
  page: 'bare.html',
});
try {
  for (const workload of workloads) {
    for (const backend of backends) {
      const samples = Number(opt('samples', SAMPLES[workload]));
      const run = { workload, backend, samples, epochs, timeoutMs: 300_000, chartsHidden };
      const ratios = [];
      const cpuRatios = [];
      for (let rep = 0; rep < reps; rep++) {
        const order = rep % 2 ? ['app', 'bare'] : ['bare', 'app'];
        const got = {};
        for (const way of order) {
          // CPU over the whole page load: start-up and data preparation too, alike on both sides.
          const { value, cpuS } =
            way === 'app'
              ? await fresh((b, h) => appSpeed(b, app.url, h, run))
              : await fresh((b, h) => bareRun(b, bare.url, h, { ...run, memoryPlan: null }));
          got[way] = { ...(way === 'app' ? value : value.speed), cpuS };
        }
        const ratio = got.app.samplesPerSec / got.bare.samplesPerSec;
        ratios.push(ratio);
        const cpuRatio = got.bare.cpuS.worker / got.app.cpuS.worker;
        cpuRatios.push(cpuRatio);
        const cpu = (c) =>
          `worker ${c.worker.toFixed(2)} page ${c.page.toFixed(2)} helpers ${c.helpers.toFixed(2)} s`;
        const s = (x) =>
          x.ok ? `${x.samplesPerSec.toFixed(0)}/s [${x.epochMs}]` : `✗ ${x.reason?.slice(0, 100)}`;
        console.log(
          `${workload}/${backend} rep ${rep + 1}: bare ${s(got.bare)} app ${s(got.app)} ratio ${ratio.toFixed(2)} mainThread ${got.app.cpu?.mainThread?.toFixed(2)} cores, redraws ${got.app.redraws?.drawsPerSec}/s; cpu bare ${cpu(got.bare.cpuS)}, app ${cpu(got.app.cpuS)}; worker cpu bare/app ${cpuRatio.toFixed(2)}`,
        );
      }
      const ok = ratios.filter(Number.isFinite);
      console.log(
        JSON.stringify({
          workload,
          backend,
          samples,
          chartsHidden,
          ratioMedian: median(ok)?.toFixed(2),
          ratioMin: Math.min(...ok).toFixed(2),
          ratioMax: Math.max(...ok).toFixed(2),
          workerCpuRatios: cpuRatios.map((r) => Number(r.toFixed(2))),
        }),
      );
    }
  }
} finally {
  app.stop();
  bare.stop();
}
