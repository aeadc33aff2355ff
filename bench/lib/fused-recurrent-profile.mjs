// Where a fused recurrent training batch spends its time on this machine's WebGPU adapter:
// each fused program alone, the op's forward and gradient as tfjs runs them, and the app's
// whole train step (see profileFused in src/training/kernels/webgpu/check-profile.ts).
// `node bench/lib/fused-recurrent-profile.mjs [--kind=LSTM] [--steps=32] [--batch=64]
//  [--units=32] [--repeats=7] [--mode=serial|cooperative] [--out=DIR]`
import { fileURLToPath } from 'node:url';
import { launch } from './browser.mjs';
import { buildKernelPage } from './fused-recurrent.mjs';
import { preview } from './server.mjs';

const arg = (name, fallback) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;

const root = fileURLToPath(new URL('../..', import.meta.url));
// Its own folder: a bench run elsewhere on this machine may be building bench/dist/kernels.
const outDir = arg('out', '/tmp/layerlab-fused-profile-page');
const opts = {
  kind: arg('kind', 'LSTM'),
  units: Number(arg('units', 32)),
  steps: Number(arg('steps', 32)),
  batch: Number(arg('batch', 64)),
  features: Number(arg('features', 2)),
  repeats: Number(arg('repeats', 7)),
  mode: arg('mode', undefined),
};
if (!process.argv.includes('--no-build')) buildKernelPage(root, outDir);
const server = await preview({
  root,
  outDir,
  config: 'e2e/kernels/vite.config.ts',
  page: 'index.html',
});
const { browser } = await launch();
try {
  const page = await browser.newPage();
  page.on('console', (m) => m.type() === 'error' && console.error(m.text()));
  await page.goto(`${server.url}/index.html`);
  await page.waitForFunction(() => 'fusedRecurrentCheck' in globalThis);
  const p = await page.evaluate((o) => globalThis.fusedRecurrentCheck.profileFused(o), opts);
  console.log(
    `${opts.kind}(${opts.units}) batch ${opts.batch} × ${opts.steps} steps, ${opts.features} features, ${p.mode} mode, median of ${opts.repeats}`,
  );
  for (const [name, ms] of Object.entries(p.ms))
    console.log(
      `  ${name.padEnd(26)} ${ms.toFixed(1).padStart(8)} ms  ${p.dispatches[name]} dispatches`,
    );
} finally {
  await browser.close();
  server.stop();
}
