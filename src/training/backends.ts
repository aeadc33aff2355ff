import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import type { BackendName } from '../core/training/backend-names';
import type { AdapterInfo, BackendReport } from '../core/training/protocol';

export type Attempt = { ok: true; adapter: AdapterInfo | null } | { ok: false; reason: string };

export async function probeWebGpu(): Promise<Attempt> {
  const gpu = (globalThis.navigator as (Navigator & { gpu?: GPU }) | undefined)?.gpu;
  if (!gpu) return { ok: false, reason: 'this browser has no WebGPU (navigator.gpu is missing)' };
  const adapter = await gpu.requestAdapter();
  if (!adapter) {
    return {
      ok: false,
      reason:
        'navigator.gpu.requestAdapter() returned no adapter: WebGPU is disabled or no GPU is usable',
    };
  }
  const info = adapter.info;
  const legacyFallback = (adapter as GPUAdapter & { isFallbackAdapter?: boolean })
    .isFallbackAdapter;
  const infoFallback = (info as GPUAdapterInfo & { isFallbackAdapter?: boolean }).isFallbackAdapter;
  return {
    ok: true,
    adapter: {
      vendor: info.vendor,
      architecture: info.architecture,
      description: info.description,
      isFallbackAdapter: Boolean(infoFallback ?? legacyFallback),
    },
  };
}

/** A backend only counts once a real op has run on it: setBackend can succeed on a dead context. */
async function smokeTest(): Promise<void> {
  const t = tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(2)));
  const [v] = await t.data();
  t.dispose();
  if (v !== 3) throw new Error(`a test addition gave ${String(v)} instead of 3`);
}

/** Makes `name` the active backend if it can start and run a real op. */
export async function activateBackend(name: BackendName): Promise<Attempt> {
  let adapter: AdapterInfo | null = null;
  if (name === 'webgpu') {
    const probe = await probeWebGpu();
    if (!probe.ok) return probe;
    adapter = probe.adapter;
  }
  if (name === 'wasm') {
    const { prepareWasm } = await import('./wasm-setup');
    const ready = await prepareWasm();
    if (!ready.ok) return ready;
  }
  try {
    // setBackend resolves false (it does not throw) when the backend cannot start.
    const ok = await tf.setBackend(name);
    if (!ok)
      return {
        ok: false,
        reason: `tf.setBackend('${name}') resolved false: the backend could not start`,
      };
    await tf.ready();
    await smokeTest();
    return { ok: true, adapter };
  } catch (err) {
    return {
      ok: false,
      reason: `${name} failed to start: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}

/** Tries each backend in order; reports the one that runs (not tf.getBackend(), which lies after a failure). */
export async function selectBackend(order: readonly BackendName[]): Promise<BackendReport> {
  const skipped: BackendReport['skipped'] = [];
  for (const name of order) {
    const attempt = await activateBackend(name);
    if (attempt.ok) return { name, adapter: attempt.adapter, skipped };
    skipped.push({ name, reason: attempt.reason });
  }
  throw new Error(
    `No TensorFlow.js backend could start: ${skipped.map((s) => `${s.name}: ${s.reason}`).join('; ')}`,
  );
}

/** The missing-kernel error tfjs throws when a backend cannot run an op the model needs. */
export function missingKernel(err: unknown): string | null {
  const message = err instanceof Error ? err.message : String(err);
  const m = /Kernel '([^']+)' not registered for backend '([^']+)'/.exec(message);
  return m ? (m[1] ?? null) : null;
}

/**
 * Calls onLost once if the active WebGPU device is lost (driver reset, GPU process crash).
 * Returns a function that stops listening (its promise cannot be cancelled, so it is ignored).
 */
export function watchDeviceLoss(onLost: (message: string) => void): () => void {
  if (tf.getBackend() !== 'webgpu') return () => undefined;
  const device = (tf.backend() as unknown as { device?: GPUDevice }).device;
  if (!device) return () => undefined;
  let active = true;
  // Layerlab never destroys the device itself (tfjs does not either), so any loss while this
  // backend is watched, 'destroyed' included, means WebGPU can no longer run.
  void device.lost.then((info) => {
    if (active) onLost(info.message || `reason: ${info.reason}`);
  });
  return () => {
    active = false;
  };
}
