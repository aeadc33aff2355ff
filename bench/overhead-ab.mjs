// The app's training engine against plain model.fit in the same worker, interleaved (issue #15,
// "no app overhead"): the worker's share of the app/bare gap, without the page, its painting or
// a second browser, so the ratio holds on a machine whose speed drifts.
//
//   npx vite build --config bench/vite.config.ts --outDir /tmp/bare-x --emptyOutDir
//   node bench/overhead-ab.mjs /tmp/bare-x --workloads=conv,mnist --backends=wasm,cpu --reps=3
//     [--epochs=4] [--samples=512] [--no-timeline] [--profile=/tmp/prof]
//
// Each rep runs fit then engine, or engine then fit on odd reps (ABBA), on the page's one worker;
// the first fit of a page also warms up. Prints a line per rep and a JSON summary; with
// --profile, one CPU profile of each (the worker's self time by function) is written there.
/* global window -- functions handed to page.evaluate run in the browser */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch } from './lib/browser.mjs';
import { selfTimes, workerSession } from './lib/profile.mjs';
import { preview } from './lib/server.mjs';
import { median, samplesPerSecond } from './lib/stats.mjs';
import { snapshot, threadGroup } from './lib/thread-cpu.mjs';
import { recipe } from './lib/workloads.mjs';

const root = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const outDir = argv.find((a) => !a.startsWith('--')) ?? 'bench/dist/bare';
const opt = (name, def) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? def;
const workloads = opt('workloads', 'conv,mnist').split(',');
const backends = opt('backends', 'wasm,cpu').split(',');
const reps = Number(opt('reps', '3'));
const epochs = Number(opt('epochs', '4'));
const samplesOpt = opt('samples', null);
const timeline = !argv.includes('--no-timeline');
const profileDir = opt('profile', null);
const SAMPLES = { mlp: 1024, lstm: 512, conv: 1024, mnist: 256 };

/** CPU seconds of the browsers' worker threads between two snapshots (load-proof, unlike wall time). */
function workerCpu(before, after) {
  let s = 0;
  for (const [id, t] of after) {
    if (threadGroup(t.comm) === 'worker') s += t.seconds - (before.get(id)?.seconds ?? 0);
  }
  return s;
}

const server = await preview({ root, outDir, config: 'bench/vite.config.ts', page: 'bare.html' });
const { browser } = await launch();
const summary = [];
try {
  for (const workload of workloads) {
    for (const backend of backends) {
      const samples = Number(samplesOpt ?? SAMPLES[workload]);
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.url}/bare.html`);
      await page.waitForFunction(() => 'bench' in window);
      const call = (req) => page.evaluate((r) => window.bench.call(r), req);
      const setup = await call({ op: 'setup', backend, recipe: recipe(workload, samples) });
      const n = setup.data.xShape[0];
      const send = profileDir ? await workerSession(browser) : null;
      const ratios = [];
      const speeds = { fit: [], engine: [] };
      const cpus = { fit: [], engine: [] };
      for (let rep = 0; rep < reps; rep++) {
        const order = rep % 2 ? ['engine', 'fit'] : ['fit', 'engine'];
        const got = {};
        for (const way of order) {
          const profiling = send && rep === reps - 1;
          if (profiling) {
            await send('Profiler.enable');
            await send('Profiler.setSamplingInterval', { interval: 200 });
            await send('Profiler.start');
          }
          const cpu0 = snapshot();
          const r =
            way === 'fit'
              ? await call({ op: 'fit', epochs })
              : await call({ op: 'engineFit', epochs, timeline });
          if (profiling) {
            const { profile } = await send('Profiler.stop');
            mkdirSync(profileDir, { recursive: true });
            const name = `${workload}-${backend}-${way}`;
            writeFileSync(`${profileDir}/${name}.cpuprofile`, JSON.stringify(profile));
            const s = selfTimes(profile);
            writeFileSync(
              `${profileDir}/${name}.txt`,
              [`total ${s.totalMs} ms`, ...s.top].join('\n'),
            );
          }
          const cpuS = workerCpu(cpu0, snapshot());
          got[way] = samplesPerSecond(r.epochEndsMs, n);
          got[way].cpuS = cpuS;
          cpus[way].push(cpuS);
          got[way].loss = r.losses.at(-1);
          speeds[way].push(got[way].samplesPerSec);
        }
        const ratio = got.engine.samplesPerSec / got.fit.samplesPerSec;
        ratios.push(ratio);
        console.log(
          `${workload}/${backend} rep ${rep + 1}: fit ${got.fit.samplesPerSec?.toFixed(0)}/s [${got.fit.epochMs}] engine ${got.engine.samplesPerSec?.toFixed(0)}/s [${got.engine.epochMs}] ratio ${ratio.toFixed(2)} worker cpu ${got.fit.cpuS.toFixed(2)} / ${got.engine.cpuS.toFixed(2)} s = ${(got.fit.cpuS / got.engine.cpuS).toFixed(2)} loss ${got.fit.loss?.toFixed(5)} / ${got.engine.loss?.toFixed(5)}`,
        );
      }
      const row = {
        workload,
        backend,
        samples: n,
        epochs,
        timeline,
        ratioMedian: Number(median(ratios).toFixed(2)),
        ratioMin: Number(Math.min(...ratios).toFixed(2)),
        ratioMax: Number(Math.max(...ratios).toFixed(2)),
        cpuRatio: Number((median(cpus.fit) / median(cpus.engine)).toFixed(2)),
        cpuRatios: cpus.fit.map((f, i) => Number((f / cpus.engine[i]).toFixed(2))),
        fit: Math.round(median(speeds.fit)),
        engine: Math.round(median(speeds.engine)),
      };
      summary.push(row);
      console.log(JSON.stringify(row));
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.stop();
}
