/** The bench-only messages between bare/main.ts (driven by Playwright) and bare/worker.ts. */
export type LayerRecipe = [kind: string, params: Record<string, unknown>];

export interface DatasetRecipe {
  /** A partial DatasetConfig; src/data fills in the defaults exactly as the app does. */
  config: Record<string, unknown>;
  csvText: string | null;
  /** csvText holds bytes, one per character (MNIST's IDX pair). */
  binary?: boolean;
}

export interface TrainRecipe {
  layers: LayerRecipe[];
  dataset: DatasetRecipe;
  batchSize: number;
  learningRate: number;
  seed: number;
}

export type BenchRequest =
  | { op: 'setup'; backend: string; recipe: TrainRecipe }
  | { op: 'fit'; epochs: number }
  | { op: 'engineFit'; epochs: number; timeline: boolean }
  | { op: 'engineStart'; epochs: number; samples: number }
  | { op: 'engineEpoch' }
  | { op: 'engineStop' }
  | { op: 'rebuild' }
  | { op: 'memory' };

export interface MemorySnapshot {
  numTensors: number;
  numBytes: number;
  /** numBytesInGPU on webgl/webgpu; null where the backend keeps tensors in JS or wasm memory. */
  gpuBytes: number | null;
}
