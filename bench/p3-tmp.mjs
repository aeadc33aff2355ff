import { preview } from './lib/server.mjs';
import { launch, workerHeaps } from './lib/browser.mjs';
import { bareSpeed, engineMemory } from './lib/bare-page.mjs';
const srv = await preview({ root: process.cwd(), outDir: 'bench/dist/bare', config: 'bench/vite.config.ts', page: 'bare.html' });
const { browser } = await launch();
const heaps = await workerHeaps(browser);
const [,, which='speed', backends='cpu,wasm,webgl,webgpu', wls='mlp,lstm,conv', samples0] = process.argv;
try {
  for (const backend of backends.split(',')) for (const workload of wls.split(',')) {
    const samples = Number(samples0 || (workload==='mlp'?4096:1024));
    const t = Date.now();
    const r = which==='speed' ? await bareSpeed(browser, srv.url, { workload, backend, samples, epochs: 3, timeoutMs: 300000 })
      : await engineMemory(browser, srv.url, heaps, { workload, backend, samples, epochs: 3, rebuilds: 3, timeoutMs: 300000 });
    console.log(backend, workload, ((Date.now()-t)/1000).toFixed(1)+'s', JSON.stringify(r).slice(0, 1500));
  }
} finally { await browser.close(); srv.stop(); }
