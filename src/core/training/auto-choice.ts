import { AUTO_GUESS_ORDER, type BackendName } from './backend-names';
import { formatRate, pickFastest } from './fastest';
import type { BenchmarkResult } from './protocol';

/**
 * Auto's decisions, pure so they are tested over measured tables without tfjs: which backends
 * are worth measuring, where to start before anything is measured, whether a measurement is
 * worth its time, and whether to move the run.
 */

/** What the worker learnt about a backend without training on it. */
export interface BackendProbe {
  name: BackendName;
  /** Why it cannot run at all (no adapter, no WebAssembly); null when it can. */
  unavailable: string | null;
  /** A GPU backend drawn by a software rasteriser: its name, e.g. "SwiftShader"; else null. */
  software: string | null;
  /** The adapter or renderer, where one was asked: measurements hold only on the same one. */
  device?: string;
}

export interface Candidates {
  /** In AUTO_GUESS_ORDER. */
  candidates: BackendName[];
  skipped: { name: BackendName; reason: string }[];
}

const LABEL: Record<BackendName, string> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU',
};

/** Software rasterisers that browsers fall back to when no GPU is usable. */
export function softwareRenderer(description: string): string | null {
  const known: [RegExp, string][] = [
    [/swiftshader/i, 'SwiftShader'],
    [/llvmpipe/i, 'llvmpipe'],
    [/softpipe/i, 'softpipe'],
    [/basic render driver/i, 'Microsoft Basic Render Driver'],
    [/software/i, 'a software renderer'],
  ];
  return known.find(([re]) => re.test(description))?.[1] ?? null;
}

/**
 * Software GPU backends are skipped whenever a CPU backend works: measured here they were
 * 8–40× slower than wasm on every workload, and measuring them costs seconds of shader
 * compiles. Chosen by name they still run.
 */
export function autoCandidates(probes: readonly BackendProbe[]): Candidates {
  const usable = probes.filter((p) => p.unavailable === null);
  const cpuSide = usable.some(
    (p) => p.software === null && (p.name === 'wasm' || p.name === 'cpu'),
  );
  const skipped: Candidates['skipped'] = [];
  const candidates: BackendName[] = [];
  for (const name of AUTO_GUESS_ORDER) {
    const p = probes.find((x) => x.name === name);
    if (!p) continue;
    if (p.unavailable !== null) skipped.push({ name, reason: p.unavailable });
    else if (p.software !== null && cpuSide)
      skipped.push({
        name,
        reason: `software ${LABEL[name]} (${p.software}), far slower than the CPU backends: Auto does not use it; choose ${LABEL[name]} by name to try it`,
      });
    else candidates.push(name);
  }
  return { candidates, skipped };
}

/** Multiply-adds per step above which a hardware GPU is the better first guess. */
export const GPU_STEP_WORK = 50_000_000;

/** Where a run starts before anything is measured: `stepWork` ≈ parameters × batch size. */
export function guessBackend(
  candidates: readonly BackendName[],
  stepWork: number,
): BackendName | null {
  if (stepWork >= GPU_STEP_WORK && candidates.includes('webgpu')) return 'webgpu';
  return candidates[0] ?? null;
}

/** About what measuring one backend costs: warm-up, timed steps and one probe. */
export const MEASURE_MS_PER_CANDIDATE = 1500;

/** Measure only when the rest of the run could repay it: a short run just finishes. */
export function worthMeasuring(msLeft: number, candidateCount: number): boolean {
  return candidateCount > 1 && msLeft >= 3 * MEASURE_MS_PER_CANDIDATE * candidateCount;
}

/** A move must gain this much: the measurement is noisy and a move copies every tensor once. */
export const SWITCH_MARGIN = 1.1;

export interface Decision {
  backend: BackendName;
  /** Why, in a sentence for the badge. */
  why: string;
}

const rateOf = (results: readonly BenchmarkResult[], name: BackendName) =>
  results.find((r) => r.name === name)?.stepsPerSecond ?? null;

const rates = (results: readonly BenchmarkResult[]) =>
  results
    .filter((r) => r.stepsPerSecond !== null)
    .map((r) => `${r.name} ${formatRate(r.stepsPerSecond ?? 0)}`)
    .join(', ');

/** After measuring mid-run: stay on `current` unless another backend is clearly faster. */
export function decideMove(current: BackendName, results: readonly BenchmarkResult[]): Decision {
  const best = pickFastest(results);
  const now = rateOf(results, current);
  if (best === null || best === current)
    return {
      backend: current,
      why: `Auto measured it fastest for this model here (steps/s: ${rates(results)})`,
    };
  const rate = rateOf(results, best) ?? 0;
  if (now !== null && rate < now * SWITCH_MARGIN)
    return {
      backend: current,
      why: `Auto measured ${best} within ${Math.round((SWITCH_MARGIN - 1) * 100)}% of it: not worth a move (steps/s: ${rates(results)})`,
    };
  return {
    backend: best,
    why: `Auto measured it fastest for this model here (steps/s: ${rates(results)}); the run moved from ${current} after measuring`,
  };
}

/** At Train with this model already measured on this machine: start on the fastest. */
export function decideKnown(results: readonly BenchmarkResult[]): Decision | null {
  const best = pickFastest(results);
  return best === null
    ? null
    : {
        backend: best,
        why: `Auto measured it fastest for this model here, on an earlier run (steps/s: ${rates(results)})`,
      };
}

/** What a training step's speed depends on, as a cache key. */
export function measureKey(parts: {
  /** Ids and names are left out: they do not change the speed. */
  layers: readonly { kind: string; params: unknown }[];
  sampleShape: readonly number[];
  outputs: number;
  batchSize: number;
  optimizer: string;
  loss: string;
}): string {
  const { layers, sampleShape, outputs, batchSize, optimizer, loss } = parts;
  return JSON.stringify([
    layers.map((l) => [l.kind, l.params]),
    sampleShape,
    outputs,
    batchSize,
    optimizer,
    loss,
  ]);
}

/** The key for a run as the page sends it (the worker's start request). */
export function runKey(req: {
  spec: { layers: readonly { kind: string; params: unknown }[] };
  data: { xShape: readonly number[]; yShape: readonly number[] };
  settings: { batchSize: number; optimizer: string; loss: string };
}): string {
  return measureKey({
    layers: req.spec.layers,
    sampleShape: req.data.xShape.slice(1),
    outputs: req.data.yShape[1] ?? 1,
    batchSize: req.settings.batchSize,
    optimizer: req.settings.optimizer,
    loss: req.settings.loss,
  });
}
