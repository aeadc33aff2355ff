// `npm run bench`: training speed per backend in the app against plain tfjs, responsiveness,
// Auto's choice, the first run, first load and memory. See README.md, section "Benchmark".
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appSpeed, autoPick } from './lib/app-page.mjs';
import { bareRun } from './lib/bare-page.mjs';
import { launch, workerHeaps } from './lib/browser.mjs';
import { LIVE, LIVE_SAMPLES, liveRecipe } from './lib/live-workload.mjs';
import { buildAll } from './lib/build.mjs';
import { firstLoad } from './lib/first-load.mjs';
import { firstRun } from './lib/first-run.mjs';
import { recurrentMarkdown, recurrentRows } from './lib/fused-recurrent.mjs';
import { sampleLoad, waitForQuiet } from './lib/load.mjs';
import { describeMachine } from './lib/machine.mjs';
import { chartVariants, makePlan, parseArgs, rotate, USAGE } from './lib/plan.mjs';
import { chartsSection, markdown } from './lib/report.mjs';
import { preview } from './lib/server.mjs';
import { summariseAuto, summariseCharts, summariseRun } from './lib/summarise.mjs';
import { WORKLOADS } from './lib/workloads.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = parseArgs(process.argv.slice(2));
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const plan = makePlan(args);
const started = Date.now();
const log = (msg) =>
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);

let quiet = null;
if (args.waitLoad !== null) {
  quiet = await waitForQuiet(args.waitLoad, 20, log);
  log(`load ${quiet.load.toFixed(2)} (${quiet.quiet ? 'quiet' : 'still loaded after 20 min'})`);
}
if (args.build) log(`built the app and the bare page in ${(buildAll(root) / 1000).toFixed(0)} s`);

/**
 * A new browser for each page: after a long software-WebGPU run, SwiftShader's GPU process can
 * stay busy for minutes after the page closed, and the next page's WebGPU start-up waits behind
 * it. A fresh browser also makes the app and the bare page start from the same cold state
 * (no shader cache from the other).
 */
async function fresh(f) {
  const { browser: b } = await launch();
  const heaps = await workerHeaps(b);
  try {
    return await f(b, heaps);
  } finally {
    await heaps.close();
    await b.close();
  }
}

// The same app, every live view on screen (one Charts tab at a time, the Predictions panel
// beside it) and all folded, on the CPU backend (it shares no GPU process with the page's
// painting), training the live workload (many batches a second): what the live charts cost.
// Interleaved repetitions, since this machine's speed drifts more than the effect measured.
async function chartsOnScreen(appUrl, machine) {
  const r = {
    workload: LIVE.id,
    workloadTitle: LIVE.title,
    backend: LIVE.backend,
    samples: LIVE_SAMPLES,
    timeoutMs: plan.timeoutMs,
  };
  const variants = chartVariants(LIVE.layers);
  const measured = new Map(variants.map((v) => [v, []]));
  for (let rep = 0; rep < plan.charts.reps; rep++) {
    for (const tab of rotate(variants, rep)) {
      const res = await fresh((b, heaps) =>
        appSpeed(b, appUrl, heaps, {
          ...r,
          epochs: plan.charts.epochs,
          chartsHidden: tab === null,
          chartsTab: tab,
          recipe: liveRecipe(LIVE_SAMPLES),
          // Tall enough for the Predictions panel and every chart of the loss tab at once.
          viewport: { width: 1920, height: 1200 },
        }),
      );
      measured.get(tab).push(res);
      const how = res.ok ? `${Math.round(res.samplesPerSec)} samples/s` : `✗ ${res.reason}`;
      log(
        `charts ${tab ?? 'folded'} rep ${rep + 1}: ${how}, redraws ${res.redrawsAfterWarmup?.framesPerSec ?? '–'}/s, ${res.afterWarmupResponsiveness?.fps?.toFixed(0) ?? '–'} fps, live views ${res.liveViews?.length ?? '–'}`,
      );
    }
  }
  const charts = summariseCharts(r, measured, machine.cores);
  for (const c of charts) {
    log(
      `charts ${r.workload}/cpu "${c.tab}": on screen ${c.visible ?? '✗'}/s, hidden ${c.hidden ?? '✗'}/s, ratio ${c.ratio ?? '–'}, page cores ${c.pageCores?.visible ?? '–'} vs ${c.pageCores?.hidden ?? '–'} (${c.cpuShare ?? '–'} of the machine), redraws ${c.redrawsPerSec.visible ?? '–'}/s, ${c.fps.visible ?? '–'} fps`,
    );
  }
  return charts;
}

/** `--charts-only`: that measurement alone, written beside the others. */
async function chartsOnly(appUrl, machine) {
  const charts = await chartsOnScreen(appUrl, machine);
  const now = new Date();
  const md = [
    `Machine: ${machine.label}; ${now.toISOString()}; mode ${plan.mode}.`,
    '',
    ...chartsSection(charts),
  ].join('\n');
  const stamp = now.toISOString().slice(0, 16).replace(/[:T]/g, '-');
  const out = join(root, 'bench/results', `${stamp}-charts-${machine.slug}`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    `${out}.json`,
    `${JSON.stringify({ date: now.toISOString(), machine, charts }, null, 2)}\n`,
  );
  writeFileSync(`${out}.md`, `${md}\n`);
  console.log(`\n${md}\n`);
  log(`done; wrote ${out}.json and .md`);
}

const stopLoad = sampleLoad();
const servers = [];
const { browser, version } = await launch();
try {
  servers.push(await preview({ root, outDir: 'bench/dist/app', page: 'index.html' }));
  servers.push(
    await preview({
      root,
      outDir: 'bench/dist/bare',
      config: 'bench/vite.config.ts',
      page: 'bare.html',
    }),
  );
  const [appUrl, bareUrl] = servers.map((s) => s.url);
  const machine = await describeMachine(browser, `${bareUrl}/bare.html`, version);
  log(`${machine.label}; ${plan.runs.length} runs (${plan.mode})`);

  if (args.chartsOnly) {
    await chartsOnly(appUrl, machine);
    await browser.close();
    for (const s of servers) s.stop();
    process.exit(0);
  }

  const firstLoadResult = await fresh((b) =>
    firstLoad(b, appUrl, join(root, 'bench/dist/app'), plan.firstLoads),
  );
  log(
    `first load: ${(firstLoadResult.jsGzip / 1000).toFixed(1)} kB JS gzip, Train enabled at ${firstLoadResult.trainEnabledMs?.toFixed(0)} ms`,
  );

  const firstRunResult = await fresh((b) => firstRun(b, appUrl, { timeoutMs: plan.timeoutMs }));
  log(
    firstRunResult.ok
      ? `first run: ${(firstRunResult.totalMs / 1000).toFixed(1)} s from opening the page to the trained default model (${firstRunResult.backend})`
      : `first run: ✗ ${firstRunResult.reason}`,
  );

  const runs = [];
  for (const run of plan.runs) {
    const title = `${run.workload}/${run.backend} (${run.samples} samples)`;
    // Bare and the app back to back, so both see the same machine load; the order alternates
    // (ABBA) so neither always runs on a warmer or busier machine. Memory runs once, beside the
    // first bare fit.
    const t0 = Date.now();
    const reps = [];
    for (let rep = 0; rep < run.reps; rep++) {
      const bareOnce = () =>
        fresh((b, heaps) =>
          bareRun(b, bareUrl, heaps, { ...run, memoryPlan: rep === 0 ? run.memoryPlan : null }),
        );
      const appOnce = (chartsHidden = false) =>
        fresh((b, heaps) => appSpeed(b, appUrl, heaps, { ...run, chartsHidden }));
      // The app with its Charts and Predictions panels folded too: what the engine costs
      // without the page drawing, beside what it costs with every live view on screen.
      if (rep % 2 === 0) {
        const bare = await bareOnce();
        const app = await appOnce();
        reps.push({ bare, app, folded: await appOnce(true) });
      } else {
        const folded = await appOnce(true);
        const app = await appOnce();
        reps.push({ app, folded, bare: await bareOnce() });
      }
    }
    run.wallS = Math.round((Date.now() - t0) / 1000);
    const w = WORKLOADS[run.workload];
    const r = summariseRun({ ...run, workloadTitle: w.title, expectedParams: w.params }, reps);
    const { app } = r;
    runs.push(r);
    const speed = (x) => (x.ok ? `${x.samplesPerSec.toFixed(0)}/s` : `✗ ${x.reason?.slice(0, 80)}`);
    log(
      `${title}: app ${speed(app)}, bare ${speed(r.bare)}, ratio ${r.ratio ?? '–'} (reps ${r.ratios.join(', ')}; charts folded ${r.foldedRatio ?? '–'}; ${run.wallS} s), memory ${r.memory?.ok ? (r.memory.flat ? 'flat' : 'grows') : '✗'}`,
    );
  }

  const auto = [];
  if (args.auto) {
    for (const workload of args.workloads) {
      const a = await fresh((b) =>
        autoPick(b, appUrl, {
          workload,
          samples: plan.samples[workload],
          timeoutMs: plan.timeoutMs,
        }),
      );
      auto.push({ ...summariseAuto(workload, a, runs), workloadTitle: WORKLOADS[workload].title });
      log(`auto ${workload}: picked ${a.picked ?? a.reason}`);
    }
  }

  const charts = await chartsOnScreen(appUrl, machine);

  // Issue #16: the fused WebGPU recurrent kernels against tfjs' own layers.
  const recurrent = process.argv.includes('--no-recurrent')
    ? []
    : await recurrentRows({ root, fresh, quick: plan.mode === 'quick', log });

  const load = { ...stopLoad(), quiet: quiet?.quiet ?? null, waited: quiet };
  const now = new Date();
  const result = {
    date: now.toISOString(),
    machine,
    plan: { ...plan, runs: undefined },
    load,
    durationS: Math.round((Date.now() - started) / 1000),
    firstLoad: firstLoadResult,
    firstRun: firstRunResult,
    runs,
    auto,
    charts,
    recurrent,
  };
  const md = [markdown(result), recurrentMarkdown(recurrent)].filter(Boolean).join('\n\n');
  const stamp = now.toISOString().slice(0, 16).replace(/[:T]/g, '-');
  const out = join(root, 'bench/results', `${stamp}-${machine.slug}`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(`${out}.json`, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(`${out}.md`, `${md}\n`);
  console.log(`\n${md}\n`);
  log(`done in ${result.durationS} s; wrote ${out}.json and .md`);
} finally {
  await browser.close();
  for (const s of servers) s.stop();
}
