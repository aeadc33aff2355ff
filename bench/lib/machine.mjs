// Names the machine the numbers came from: host, CPU, and whether there is a real GPU (here
// WebGPU and WebGL both run on SwiftShader, in software).
/* global document -- functions handed to page.evaluate run in the browser */
import { cpus, hostname, loadavg, totalmem } from 'node:os';

async function gpuInfo(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(url);
    return await page.evaluate(async () => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const ext = gl?.getExtension('WEBGL_debug_renderer_info');
      const webgl = gl
        ? String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER))
        : null;
      const adapter = await navigator.gpu?.requestAdapter();
      const info = adapter?.info;
      const webgpu = info
        ? [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'unnamed'
        : null;
      return { webgl, webgpu, webgpuFallback: Boolean(info?.isFallbackAdapter) };
    });
  } finally {
    await context.close();
  }
}

export async function describeMachine(browser, url, chromium) {
  const gpu = await gpuInfo(browser, url);
  const software = /swiftshader|llvmpipe|software/i;
  const noGpu =
    (!gpu.webgl || software.test(gpu.webgl)) &&
    (!gpu.webgpu || gpu.webgpuFallback || software.test(gpu.webgpu));
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const gpuLabel = noGpu ? 'no GPU' : (gpu.webgpu ?? gpu.webgl);
  return {
    hostname: hostname(),
    cpu,
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    gpu: gpuLabel,
    webgl: gpu.webgl,
    webgpu: gpu.webgpu,
    chromium,
    node: process.version,
    label: `${hostname()} · ${cpu} × ${cpus().length} · ${gpuLabel}`,
    slug: [hostname(), cpu, gpuLabel]
      .join('-')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, ''),
    loadAtStart: loadavg().map((v) => Number(v.toFixed(2))),
  };
}
