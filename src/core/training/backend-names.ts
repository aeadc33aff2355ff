/** Backends Layerlab can run on. Pure: no tfjs import, so the page can use these names freely. */
export const BACKEND_NAMES = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

/** Auto tries webgpu → webgl → cpu (wasm is chosen explicitly or by "Auto (fastest)"). */
export const AUTO_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'cpu'];

/** "Auto (fastest)" measures every backend, wasm included. */
export const FASTEST_CANDIDATES: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export const BACKEND_CHOICES = ['auto', 'fastest', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];
export const DEFAULT_BACKEND_CHOICE: BackendChoice = 'auto';

export const BACKEND_CHOICE_LABELS: Record<BackendChoice, string> = {
  auto: 'Auto',
  fastest: 'Auto (fastest)',
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU',
};

/**
 * The order to try for a user's choice: an explicit pick still falls back to keep working.
 * 'fastest' starts like 'auto' until a measurement (at Train) has picked a backend.
 */
export function backendOrder(choice: BackendChoice): BackendName[] {
  if (choice === 'auto' || choice === 'fastest') return [...AUTO_ORDER];
  return [choice, ...AUTO_ORDER.filter((b) => b !== choice)];
}
