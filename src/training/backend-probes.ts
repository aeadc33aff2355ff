import { softwareRenderer, type BackendProbe } from '../core/training/auto-choice';
import type { BackendName } from '../core/training/backend-names';
import { probeWebGpu } from './backends';

/**
 * What each backend would run on, found without starting tfjs on it: an adapter request for
 * WebGPU and a throwaway WebGL2 context for WebGL. Cheap, and the answers do not change while
 * the page is open, so they are asked once.
 */
let probes: Promise<BackendProbe[]> | null = null;

export function probeBackends(): Promise<BackendProbe[]> {
  probes ??= Promise.all([webgpu(), webgl(), wasm(), cpu()]);
  return probes;
}

async function webgpu(): Promise<BackendProbe> {
  const probe = await probeWebGpu();
  if (!probe.ok) return { name: 'webgpu', unavailable: probe.reason, software: null };
  const a = probe.adapter;
  const software = a
    ? (softwareRenderer(`${a.description} ${a.vendor} ${a.architecture}`) ??
      (a.isFallbackAdapter ? 'fallback adapter' : null))
    : null;
  return { name: 'webgpu', unavailable: null, software, device: a?.description ?? '' };
}

function webgl(): BackendProbe {
  const name: BackendName = 'webgl';
  if (typeof OffscreenCanvas === 'undefined')
    return { name, unavailable: 'no OffscreenCanvas here, so no WebGL', software: null };
  let gl: WebGL2RenderingContext | null;
  try {
    gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  } catch {
    gl = null;
  }
  if (!gl)
    return { name, unavailable: 'this browser could not create a WebGL2 context', software: null };
  // Chromium reports the real renderer in RENDERER; the debug extension is the older way.
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return { name, unavailable: null, software: softwareRenderer(renderer), device: renderer };
}

function wasm(): BackendProbe {
  return typeof WebAssembly === 'undefined'
    ? { name: 'wasm', unavailable: 'this browser has no WebAssembly', software: null }
    : { name: 'wasm', unavailable: null, software: null };
}

function cpu(): BackendProbe {
  return { name: 'cpu', unavailable: null, software: null };
}

/** Names the browser and machine measurements were taken on: they hold only there. */
export async function machineId(): Promise<string> {
  const nav = (globalThis as { navigator?: { userAgent?: string; hardwareConcurrency?: number } })
    .navigator;
  const gpu = (await probeBackends())
    .map((p) => `${p.name}:${p.unavailable === null ? (p.device ?? 'yes') : 'none'}`)
    .join(',');
  return [nav?.userAgent ?? 'unknown browser', nav?.hardwareConcurrency ?? 0, gpu].join('|');
}
