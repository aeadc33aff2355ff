// Issue #16's rows: LSTM(32), GRU(32) and SimpleRNN(32) trained through the app's own model
// building and train step, on webgpu with the fused kernels against tfjs' own layers (on
// webgpu, wasm and webgl), in the kernel check page (e2e/kernels, built into bench/dist/kernels).
// Each row: samples/s over the epochs after the first (warm-up, shader compiles), each run
// repeated in a fresh browser (the row gives the median and the spread), and the WebGPU
// dispatches of one batch. The slow implementations (tfjs' own layers on software WebGPU take
// seconds a batch, 20 s at 200 steps) train a bounded number of batches an epoch: samples/s
// does not depend on it, and the table says how many batches were measured.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { preview } from './server.mjs';

const KINDS = ['LSTM', 'GRU', 'SimpleRNN'];
/** maxBatches: the bound per epoch, by steps (none: every batch of the shape's windows). */
export const VARIANTS = [
  { name: 'fused webgpu', backend: 'webgpu', fused: true, maxBatches: { 32: 16, 200: 4 } },
  { name: 'tfjs webgpu', backend: 'webgpu', fused: false, maxBatches: { 32: 2, 200: 1 } },
  { name: 'tfjs wasm', backend: 'wasm', fused: false, maxBatches: { 32: 16, 200: 4 } },
  { name: 'tfjs webgl', backend: 'webgl', fused: false, maxBatches: { 32: 4, 200: 2 } },
];
const BATCH_SIZE = 64;

export function recurrentPlan(quick) {
  const shapes = quick
    ? [{ samples: 256, steps: 32 }]
    : [
        { samples: 1024, steps: 32 },
        { samples: 256, steps: 200 },
      ];
  return {
    shapes,
    epochs: 3,
    repeats: quick ? 1 : 2,
    timeoutMs: quick ? 180_000 : 300_000,
  };
}

export function buildKernelPage(root, dir = 'bench/dist/kernels') {
  // Absolute: the config's root is e2e/kernels, which a relative outDir would resolve against.
  const outDir = resolve(root, dir);
  const config = 'e2e/kernels/vite.config.ts';
  execFileSync(
    'npx',
    ['vite', 'build', '--logLevel', 'error', '--config', config, '--outDir', outDir],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
}

async function one(browser, url, opts, timeoutMs) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let timer;
  try {
    await page.goto(`${url}/index.html`);
    await page.waitForFunction(() => 'fusedRecurrentCheck' in globalThis);
    const curve = await Promise.race([
      page.evaluate((o) => globalThis.fusedRecurrentCheck.trainCurve(o), opts),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`over ${timeoutMs / 1000} s`)), timeoutMs);
      }),
    ]);
    return {
      ok: true,
      // Every epoch after the first (shader compiles, first uploads).
      samplesPerSec: curve.epochMs.slice(1).map((ms) => curve.samplesPerEpoch / (ms / 1000)),
      batchesPerEpoch: Math.ceil(curve.samplesPerEpoch / opts.batchSize),
      dispatchesPerBatch: opts.backend === 'webgpu' ? curve.dispatchesPerBatch : null,
      report: curve.report,
      finalLoss: curve.losses.at(-1),
    };
  } catch (err) {
    return { ok: false, reason: String(err.message ?? err).split('\n')[0] };
  } finally {
    clearTimeout(timer);
    await context.close();
  }
}

// Of an even count, the lower middle value: a measured figure, never above half the runs.
const median = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];

/** One row from its repeats: the median of every measured epoch, the spread of the repeats. */
export function rowOf(base, runs) {
  const failed = runs.find((r) => !r.ok);
  if (failed) return { ...base, ok: false, reason: failed.reason };
  const perRun = runs.map((r) => median(r.samplesPerSec));
  return {
    ...base,
    ok: true,
    samplesPerSec: median(runs.flatMap((r) => r.samplesPerSec)),
    spread: [Math.min(...perRun), Math.max(...perRun)],
    repeats: runs.length,
    perEpoch: runs.map((r) => r.samplesPerSec),
    batchesPerEpoch: runs[0].batchesPerEpoch,
    epochsMeasured: runs[0].samplesPerSec.length,
    dispatchesPerBatch: runs[0].dispatchesPerBatch,
    report: runs[0].report,
    finalLoss: runs[0].finalLoss,
  };
}

/**
 * Every row, each repeat in a fresh browser from `fresh` (see run.mjs). `only` narrows the
 * rows ({ kinds, variants, steps }) and `pageDir` serves an already built check page.
 */
export async function recurrentRows({ root, fresh, quick, log, only = {}, pageDir }) {
  const plan = recurrentPlan(quick);
  const outDir = pageDir ?? 'bench/dist/kernels';
  if (!pageDir) buildKernelPage(root, outDir);
  const server = await preview({
    root,
    outDir,
    config: 'e2e/kernels/vite.config.ts',
    page: 'index.html',
  });
  const pick = (list, value) => !list || list.includes(value);
  const rows = [];
  try {
    for (const shape of plan.shapes.filter((s) => pick(only.steps, s.steps))) {
      for (const kind of KINDS.filter((k) => pick(only.kinds, k))) {
        for (const v of VARIANTS.filter((x) => pick(only.variants, x.name))) {
          const opts = {
            kind,
            fused: v.fused,
            backend: v.backend,
            units: 32,
            steps: shape.steps,
            samples: shape.samples,
            batchSize: BATCH_SIZE,
            epochs: plan.epochs,
            maxBatches: v.maxBatches[shape.steps],
            seed: 1,
          };
          const runs = [];
          for (let i = 0; i < (only.repeats ?? plan.repeats); i++) {
            const r = await fresh((b) => one(b, server.url, opts, plan.timeoutMs));
            runs.push(r);
            if (!r.ok) break;
          }
          const row = rowOf(
            { kind, variant: v.name, steps: shape.steps, samples: shape.samples },
            runs,
          );
          rows.push(row);
          log(
            `recurrent ${kind}(32) ${shape.samples}×${shape.steps} ${v.name}: ` +
              (row.ok
                ? `${row.samplesPerSec.toFixed(1)}/s (runs ${row.spread.map((x) => x.toFixed(1)).join('–')}, ${row.batchesPerEpoch} batches × ${row.epochsMeasured} epochs each), ${row.dispatchesPerBatch ?? '–'} dispatches/batch`
                : `✗ ${row.reason}`),
          );
        }
      }
    }
  } finally {
    server.stop();
  }
  return rows;
}

/** The order the rows are run in: by shape, layer, implementation. */
const order = (r) =>
  r.steps * 100 + KINDS.indexOf(r.kind) * 10 + VARIANTS.findIndex((v) => v.name === r.variant);

/** Rows of several saved runs as one table's rows, in the order a whole run gives them. */
export const joinRows = (lists) => lists.flat().sort((a, b) => order(a) - order(b));

const fmt = (x) => (x >= 100 ? x.toFixed(0) : x.toPrecision(3));

/** The markdown table: each row's speed and its ratio to the fused row of the same layer and shape. */
export function recurrentMarkdown(rows) {
  if (rows.length === 0) return '';
  const fusedOf = (r) =>
    rows.find((x) => x.kind === r.kind && x.steps === r.steps && x.variant === 'fused webgpu');
  const lines = [
    '## Fused recurrent kernels (issue #16)',
    '',
    `32 units, batch ${BATCH_SIZE}, trained through the app's model building and train step in the kernel check page; samples/s: the median (of an even count, the lower middle value) over the epochs after the first of every repeat (each repeat a fresh browser), the spread: the repeats' own medians. Measured: batches per epoch × epochs × repeats. "fused ÷ this": how many times faster the fused WebGPU row is.`,
    '',
    '| layer | windows × steps | implementation | samples/s | spread | measured | fused ÷ this | dispatches / batch |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const f = fusedOf(r);
    const ratio =
      r.ok && f?.ok && r.variant !== 'fused webgpu'
        ? `${fmt(f.samplesPerSec / r.samplesPerSec)}×`
        : '–';
    lines.push(
      `| ${r.kind}(32) | ${r.samples} × ${r.steps} | ${r.variant} | ${r.ok ? fmt(r.samplesPerSec) : `✗ ${r.reason}`} | ${r.ok ? r.spread.map(fmt).join('–') : '–'} | ${r.ok ? `${r.batchesPerEpoch} × ${r.epochsMeasured} × ${r.repeats}` : '–'} | ${ratio} | ${r.ok ? (r.dispatchesPerBatch ?? '–') : '–'} |`,
    );
  }
  return lines.join('\n');
}

// `node bench/lib/fused-recurrent.mjs [--quick] [--kinds=LSTM,GRU] [--variants=fused webgpu]
// [--steps=32,200] [--repeats=N] [--page=DIR] [--save] [--from=a.json,b.json]`: these rows
// alone (they are also a section of `npm run bench`, which `--no-recurrent` skips); --save
// writes them to bench/results; --from runs nothing and joins the rows of saved runs (e.g. the
// slow rows measured apart), each row keeping its own measurements.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { launch } = await import('./browser.mjs');
  const { fileURLToPath } = await import('node:url');
  const { readFileSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { describeMachine } = await import('./machine.mjs');
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const arg = (name) =>
    process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const list = (name, f = String) => arg(name)?.split(',').map(f);
  const only = {
    kinds: list('kinds'),
    variants: list('variants'),
    steps: list('steps', Number),
    repeats: arg('repeats') ? Number(arg('repeats')) : undefined,
  };
  const started = Date.now();
  const log = (msg) =>
    console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);
  const fresh = async (f) => {
    const { browser } = await launch();
    try {
      return await f(browser);
    } finally {
      await browser.close();
    }
  };
  const quick = process.argv.includes('--quick');
  const pageDir = arg('page');
  const from = list('from');
  const rows = from
    ? joinRows(from.map((file) => JSON.parse(readFileSync(file, 'utf8')).rows))
    : await recurrentRows({ root, fresh, quick, log, only, pageDir });
  const md = recurrentMarkdown(rows);
  console.log(`\n${md}\n`);
  if (process.argv.includes('--save')) {
    const { browser, version } = await launch();
    const machine = await describeMachine(browser, 'about:blank', version).finally(() =>
      browser.close(),
    );
    const stamp = new Date().toISOString().slice(0, 16).replace(/[T:]/g, '-');
    // A join is saved under a name of its own: it may be made in the minute of a run it joins.
    const name = `${stamp}-fused-recurrent${from ? '-joined' : ''}-${machine.slug}`;
    const out = join(root, 'bench/results', name);
    const at = new Date().toISOString();
    const made = from ? `rows joined from ${from.join(', ')}` : `${quick ? 'quick' : 'full'} sizes`;
    const head = `Machine: ${machine.label}; ${at}; ${made}; load average ${machine.loadAtStart.join(', ')}.`;
    const json = { machine, at, only, from, rows };
    writeFileSync(`${out}.json`, `${JSON.stringify(json, null, 2)}\n`);
    writeFileSync(`${out}.md`, `${head}\n\n${md}\n`);
    console.log(`saved ${out}.json and .md`);
  }
}
