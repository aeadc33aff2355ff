// Issue #16's rows: LSTM(32), GRU(32) and SimpleRNN(32) trained through the app's own model
// building and train step, on webgpu with the fused kernels against tfjs' own layers (on
// webgpu, wasm and webgl), in the kernel check page (e2e/kernels, built into bench/dist/kernels).
// Each row: samples/s over the epochs after the first (warm-up, shader compiles) and the WebGPU
// dispatches of one batch. tfjs' own layers on software WebGPU take seconds per batch, so that
// row trains on fewer windows (the table says how many): samples/s does not depend on it.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { preview } from './server.mjs';

const KINDS = ['LSTM', 'GRU', 'SimpleRNN'];
const VARIANTS = [
  { name: 'fused webgpu', backend: 'webgpu', fused: true },
  { name: 'tfjs webgpu', backend: 'webgpu', fused: false, cap: 64 },
  { name: 'tfjs wasm', backend: 'wasm', fused: false },
  { name: 'tfjs webgl', backend: 'webgl', fused: false, cap: 256 },
];
const BATCH_SIZE = 64;

export function recurrentPlan(quick) {
  const shapes = quick
    ? [{ samples: 256, steps: 32 }]
    : [
        { samples: 1024, steps: 32 },
        { samples: 256, steps: 200 },
      ];
  return { shapes, epochs: quick ? 3 : 4, timeoutMs: quick ? 180_000 : 600_000 };
}

export function buildKernelPage(root) {
  // Absolute: the config's root is e2e/kernels, which a relative outDir would resolve against.
  const outDir = resolve(root, 'bench/dist/kernels');
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
    const measured = curve.epochMs.slice(1).sort((a, b) => a - b);
    const median = measured[Math.floor(measured.length / 2)];
    return {
      ok: true,
      samplesPerSec: opts.samples / (median / 1000),
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

/** Every row, each in a fresh browser from `fresh` (see run.mjs). */
export async function recurrentRows({ root, fresh, quick, log }) {
  const plan = recurrentPlan(quick);
  buildKernelPage(root);
  const server = await preview({
    root,
    outDir: 'bench/dist/kernels',
    config: 'e2e/kernels/vite.config.ts',
    page: 'index.html',
  });
  const rows = [];
  try {
    for (const shape of plan.shapes) {
      for (const kind of KINDS) {
        for (const v of VARIANTS) {
          const samples = Math.min(shape.samples, v.cap ?? Infinity);
          const opts = {
            kind,
            fused: v.fused,
            backend: v.backend,
            units: 32,
            steps: shape.steps,
            samples,
            batchSize: BATCH_SIZE,
            epochs: plan.epochs,
            seed: 1,
          };
          const r = await fresh((b) => one(b, server.url, opts, plan.timeoutMs));
          const row = { kind, variant: v.name, steps: shape.steps, samples, ...r };
          rows.push(row);
          log(
            `recurrent ${kind}(32) ${samples}×${shape.steps} ${v.name}: ` +
              (r.ok
                ? `${r.samplesPerSec.toFixed(0)}/s, ${r.dispatchesPerBatch ?? '–'} dispatches/batch`
                : `✗ ${r.reason}`),
          );
        }
      }
    }
  } finally {
    server.stop();
  }
  return rows;
}

const fmt = (x) => (x >= 100 ? x.toFixed(0) : x.toPrecision(3));

/** The markdown table: each row's speed and its ratio to the fused row of the same layer and shape. */
export function recurrentMarkdown(rows) {
  if (rows.length === 0) return '';
  const fusedOf = (r) =>
    rows.find((x) => x.kind === r.kind && x.steps === r.steps && x.variant === 'fused webgpu');
  const lines = [
    '## Fused recurrent kernels (issue #16)',
    '',
    `32 units, batch ${BATCH_SIZE}, trained through the app's model building and train step in the kernel check page; samples/s over the epochs after the first. "fused ÷ this": how many times faster the fused WebGPU row is.`,
    '',
    '| layer | windows × steps | implementation | samples/s | fused ÷ this | dispatches / batch |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const f = fusedOf(r);
    const ratio =
      r.ok && f?.ok && r.variant !== 'fused webgpu'
        ? `${fmt(f.samplesPerSec / r.samplesPerSec)}×`
        : '–';
    lines.push(
      `| ${r.kind}(32) | ${r.samples} × ${r.steps} | ${r.variant} | ${r.ok ? fmt(r.samplesPerSec) : `✗ ${r.reason}`} | ${ratio} | ${r.ok ? (r.dispatchesPerBatch ?? '–') : '–'} |`,
    );
  }
  return lines.join('\n');
}

// `node bench/lib/fused-recurrent.mjs [--quick]`: these rows alone (they are also a section of
// `npm run bench`, which `--no-recurrent` skips).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { launch } = await import('./browser.mjs');
  const { fileURLToPath } = await import('node:url');
  const root = fileURLToPath(new URL('../..', import.meta.url));
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
  const rows = await recurrentRows({ root, fresh, quick: process.argv.includes('--quick'), log });
  console.log(`\n${recurrentMarkdown(rows)}\n`);
}
