import { describe, expect, it } from 'vitest';
import { gaussianRegression, plane } from './regression';
import { values } from '../test-helpers';

describe.each([
  ['plane', plane],
  ['gaussian-regression', gaussianRegression],
])('%s', (_name, make) => {
  const s = { samples: 200, noise: 0.1, seed: 9 };
  it('has samples rows of x1, x2 in [-1, 1] and a numeric target y', () => {
    const t = make(s);
    expect(t.rowCount).toBe(200);
    expect(t.columns.map((c) => c.name)).toEqual(['x1', 'x2', 'y']);
    expect(t.columns.every((c) => c.kind === 'numeric' && c.values.length === 200)).toBe(true);
    expect(t.roles.y).toBe('label');
    for (const v of values(t, 'x2')) expect(v >= -1 && v < 1).toBe(true);
  });
  it('is deterministic for a seed', () => {
    expect(make(s)).toEqual(make(s));
    expect(make({ ...s, seed: 10 })).not.toEqual(make(s));
  });
});

it('plane without noise is exactly 0.6·x1 − 0.4·x2', () => {
  const t = plane({ samples: 50, noise: 0, seed: 1 });
  const [x1, x2, y] = [values(t, 'x1'), values(t, 'x2'), values(t, 'y')];
  y.forEach((v, i) => expect(v).toBeCloseTo(0.6 * (x1[i] as number) - 0.4 * (x2[i] as number), 12));
});
