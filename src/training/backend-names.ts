/** Backends Layerlab can run on, in the order "Auto" tries them. Pure: no tfjs import. */
export const BACKEND_NAMES = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

/** Auto tries webgpu → webgl → cpu (wasm is chosen explicitly or by "Auto (fastest)"). */
export const AUTO_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'cpu'];

export const BACKEND_CHOICES = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

/** The order to try for a user's choice: an explicit pick still falls back to keep working. */
export function backendOrder(choice: BackendChoice): BackendName[] {
  if (choice === 'auto') return [...AUTO_ORDER];
  return [choice, ...AUTO_ORDER.filter((b) => b !== choice)];
}
