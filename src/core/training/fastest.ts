import type { BackendName } from './backend-names';
import type { BenchmarkResult } from './protocol';

/**
 * Auto picks by measurement, not by reputation: software WebGPU (SwiftShader) is
 * often 10–30× slower than wasm or cpu. Pure, so the rule is tested without tfjs.
 * Ties go to the earlier candidate (the order they were measured in).
 */
export function pickFastest(results: readonly BenchmarkResult[]): BackendName | null {
  let best: BenchmarkResult | null = null;
  for (const r of results) {
    if (r.stepsPerSecond === null || !Number.isFinite(r.stepsPerSecond)) continue;
    if (best === null || r.stepsPerSecond > (best.stepsPerSecond ?? 0)) best = r;
  }
  return best?.name ?? null;
}

/** "webgpu 31 steps/s · wasm 410 steps/s · webgl: failed (…)" for the badge. */
export function describeBenchmark(results: readonly BenchmarkResult[]): string {
  return results
    .map((r) =>
      r.stepsPerSecond === null
        ? `${r.name}: ${r.reason ?? 'unavailable'}`
        : `${r.name} ${formatRate(r.stepsPerSecond)} steps/s`,
    )
    .join(' · ');
}

export function formatRate(rate: number): string {
  if (rate >= 100) return String(Math.round(rate));
  if (rate >= 10) return rate.toFixed(1);
  return rate.toFixed(2);
}
