import type { Result } from '../result';
import type { Rng } from '../../data/random';
import type { SweepSpace, SweepValue } from './definition';

/** Values past this many in one range are refused before they are listed. */
const MAX_RANGE_VALUES = 1000;

/** 12 significant digits: 0.1 * 3 is 0.3 here, so values compare and print as typed. */
export const tidy = (x: number): number => Number(x.toPrecision(12));

/** Sentence for a range that cannot be used, or null. */
export function rangeProblem(space: SweepSpace): string | null {
  if (space.type === 'Choice') return null;
  const { min_value: lo, max_value: hi, step, sampling } = space;
  if (lo > hi) return `min_value (${lo}) is above max_value (${hi})`;
  if (space.type === 'Int' && (!Number.isInteger(lo) || !Number.isInteger(hi)))
    return 'an Int range needs whole-number min_value and max_value';
  if (sampling === 'log' && lo <= 0) return `log sampling needs a min_value above 0 (got ${lo})`;
  if (sampling === 'log' && step !== null && step <= 1)
    return `with log sampling the step is the factor between values and must be above 1 (got ${step})`;
  if (space.type === 'Int' && sampling === 'linear' && step !== null && !Number.isInteger(step))
    return `an Int range needs a whole-number step (got ${step})`;
  return null;
}

/**
 * The values GridSearch tries: every Choice value; a range from min_value by step (added, or
 * multiplied for log sampling) up to max_value. A Float range without a step has no grid.
 */
export function gridValues(space: SweepSpace): Result<SweepValue[]> {
  if (space.type === 'Choice') return { ok: true, value: [...new Set(space.values)] };
  const problem = rangeProblem(space);
  if (problem) return { ok: false, reason: problem };
  const { min_value: lo, max_value: hi, sampling } = space;
  const step = space.step ?? (space.type === 'Int' ? (sampling === 'log' ? 2 : 1) : null);
  if (step === null)
    return { ok: false, reason: 'a grid needs a step for a Float range (or use random search)' };
  const values: number[] = [];
  // A little slack so a max_value reached through rounding (0.1 * 10^2) still counts.
  const top = hi * (1 + 1e-9) + 1e-12;
  for (let k = 0; values.length <= MAX_RANGE_VALUES; k++) {
    const raw = sampling === 'log' ? lo * step ** k : lo + step * k;
    if (raw > top) break;
    const v = space.type === 'Int' ? Math.round(raw) : tidy(raw);
    if (values.at(-1) !== v) values.push(v);
  }
  if (values.length > MAX_RANGE_VALUES)
    return {
      ok: false,
      reason: `the range gives more than ${MAX_RANGE_VALUES} values: use a larger step`,
    };
  return { ok: true, value: values };
}

/**
 * One draw for RandomSearch: a Choice value or a grid value with equal chance; a range without
 * a step, uniform in the value (linear) or in its logarithm (log).
 */
export function sampleValue(space: SweepSpace, rng: Rng): Result<SweepValue> {
  const problem = rangeProblem(space);
  if (problem) return { ok: false, reason: problem };
  if (space.type === 'Choice' || space.step !== null || space.type === 'Int') {
    if (space.type !== 'Choice' && space.step === null && space.sampling === 'log') {
      const v = Math.round(
        Math.exp(rng.uniform(Math.log(space.min_value), Math.log(space.max_value))),
      );
      return { ok: true, value: Math.min(space.max_value, Math.max(space.min_value, v)) };
    }
    const grid = gridValues(space);
    if (!grid.ok) return grid;
    return { ok: true, value: grid.value[rng.int(grid.value.length)] as SweepValue };
  }
  const { min_value: lo, max_value: hi } = space;
  const x =
    space.sampling === 'log'
      ? Math.exp(rng.uniform(Math.log(lo), Math.log(hi)))
      : rng.uniform(lo, hi);
  return { ok: true, value: Number(x.toPrecision(4)) };
}

/** How a value reads in a table or a label: numbers short, strings as they are. */
export function showValue(v: SweepValue): string {
  if (typeof v !== 'number') return String(v);
  if (Number.isInteger(v)) return String(v);
  const abs = Math.abs(v);
  return abs !== 0 && (abs < 1e-3 || abs >= 1e5) ? v.toExponential(2) : String(tidy(v));
}
