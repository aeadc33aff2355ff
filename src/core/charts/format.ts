/**
 * Number formatting for every figure a user reads: the progress readout, the run list, fit
 * quality, chart tooltips. One formatter, so the same loss reads the same everywhere.
 */

/**
 * Four significant digits, which is more than a loss or an error means: "399.993" reads as
 * "400", "0.783897" as "0.7839". Trailing zeros go; exponent form when tiny or huge.
 */
export function formatFigure(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-3 || a >= 1e6) return trimExponent(v.toExponential(3));
  return String(Number(v.toPrecision(4)));
}

/** "1.230e-5" → "1.23e-5", "1.000e+6" → "1e+6". */
function trimExponent(text: string): string {
  return text.replace(/\.?0+e/, 'e');
}

/** For a title tooltip beside a figure: 6 significant digits, exponent form when tiny or huge. */
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
