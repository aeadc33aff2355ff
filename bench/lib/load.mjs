// Timings on a shared 2-core machine mean little while others run builds and tests, so the
// bench can wait for a quiet moment, and it always records the load average it ran under.
import { loadavg } from 'node:os';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls the 1-minute load average every minute until it is below `threshold`. */
export async function waitForQuiet(threshold, maxMinutes, log = console.log) {
  for (let minute = 0; ; minute++) {
    const now = loadavg()[0];
    if (now < threshold) return { waitedMin: minute, load: now, quiet: true };
    if (minute >= maxMinutes) return { waitedMin: minute, load: now, quiet: false };
    log(
      `[load] 1-minute load ${now.toFixed(2)} ≥ ${threshold}; waiting (${minute}/${maxMinutes} min)…`,
    );
    await sleep(60_000);
  }
}

/** Samples the 1-minute load average every 15 s until stopped. */
export function sampleLoad() {
  const samples = [loadavg()[0]];
  const timer = setInterval(() => samples.push(loadavg()[0]), 15_000);
  timer.unref();
  return () => {
    clearInterval(timer);
    samples.push(loadavg()[0]);
    const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
    return {
      mean: Number(mean.toFixed(2)),
      max: Number(Math.max(...samples).toFixed(2)),
      samples: samples.length,
    };
  };
}
