/**
 * Samples per second over recent time: the first batch (shader compiles, start-up) and earlier
 * speeds fade out, so the estimated time left is not inflated by the warm-up. Pure.
 */
export class RateMeter {
  private rate = 0;
  private lastMs: number | null = null;
  private lastSamples = 0;

  constructor(
    private readonly minIntervalMs = 250,
    private readonly smoothing = 0.3,
  ) {}

  /** Feed the running totals; returns the current rate (0 until there is a real interval). */
  update(samples: number, elapsedMs: number): number {
    if (this.lastMs === null) {
      this.lastMs = elapsedMs;
      this.lastSamples = samples;
      return this.rate;
    }
    const dt = elapsedMs - this.lastMs;
    if (dt < this.minIntervalMs) return this.rate;
    const recent = ((samples - this.lastSamples) / dt) * 1000;
    this.rate =
      this.rate === 0 ? recent : (1 - this.smoothing) * this.rate + this.smoothing * recent;
    this.lastMs = elapsedMs;
    this.lastSamples = samples;
    return this.rate;
  }
}
