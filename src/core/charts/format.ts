/** Number formatting for chart labels and tooltips. */

/** Exact enough for a tooltip: 6 significant digits, exponent form when tiny or huge. */
export function formatExact(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && (Math.abs(v) < 1e-4 || Math.abs(v) >= 1e6)) return v.toExponential(5);
  return String(Number(v.toPrecision(6)));
}

/** Short, for axis ticks: 3 significant digits. */
export function formatTick(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5)) return v.toExponential(1);
  return String(Number(v.toPrecision(3)));
}

export function formatShare(v: number): string {
  return `${(v * 100).toFixed(1)} %`;
}
