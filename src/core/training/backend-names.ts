/** Backends Layerlab can run on. Pure: no tfjs import, so the page can use these names freely. */
export const BACKEND_NAMES = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

/** "WebGPU first": the GPU backends by reputation, then the CPU (the order before Auto measured). */
export const WEBGPU_FIRST_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'cpu'];

/**
 * Auto's best guess before anything is measured: small models (what users start with) train
 * fastest on wasm or the CPU, even next to a real GPU, whose per-dispatch cost dominates them.
 */
export const AUTO_GUESS_ORDER: readonly BackendName[] = ['wasm', 'cpu', 'webgl', 'webgpu'];

/**
 * 'auto' (the default) trains on the fastest backend for this model on this machine, measured;
 * 'webgpu-first' takes the first GPU backend that starts.
 */
export const BACKEND_CHOICES = ['auto', 'webgpu-first', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];
export const DEFAULT_BACKEND_CHOICE: BackendChoice = 'auto';

export const BACKEND_CHOICE_LABELS: Record<BackendChoice, string> = {
  auto: 'Auto (fastest here)',
  'webgpu-first': 'WebGPU first',
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU',
};

/**
 * The order to try for a user's choice: an explicit pick still falls back to keep working.
 * For 'auto' this is only the start-up order: a run measures and may move (auto-choice.ts).
 */
export function backendOrder(choice: BackendChoice): BackendName[] {
  if (choice === 'auto') return [...AUTO_GUESS_ORDER];
  if (choice === 'webgpu-first') return [...WEBGPU_FIRST_ORDER];
  return [choice, ...WEBGPU_FIRST_ORDER.filter((b) => b !== choice)];
}
