import { describe, expect, it } from 'vitest';
import { circle, gaussian, spiral, xor } from './classification';
import { values } from '../test-helpers';

const settings = { samples: 301, noise: 0, seed: 5 };

describe.each([
  ['circle', circle],
  ['xor', xor],
  ['gaussian', gaussian],
  ['spiral', spiral],
])('%s', (_name, make) => {
  it('has the stated shape: samples rows of x1, x2 and a two-class label', () => {
    const t = make(settings);
    expect(t.rowCount).toBe(301);
    expect(t.columns.map((c) => [c.name, c.kind])).toEqual([
      ['x1', 'numeric'],
      ['x2', 'numeric'],
      ['label', 'categorical'],
    ]);
    expect(t.roles).toEqual({ x1: 'feature', x2: 'feature', label: 'label' });
    const labels = values(t, 'label');
    expect(labels.filter((v) => v === 0)).toHaveLength(151);
    expect(labels.filter((v) => v === 1)).toHaveLength(150);
    for (const v of values(t, 'x1')) expect(Math.abs(v)).toBeLessThan(1.5);
  });

  it('is deterministic for a seed and changes with it', () => {
    const noisy = { ...settings, noise: 0.1 };
    expect(make(noisy)).toEqual(make(noisy));
    expect(values(make({ ...noisy, seed: 6 }), 'x1')).not.toEqual(values(make(noisy), 'x1'));
  });

  it('adds noise only when asked', () => {
    const clean = values(make(settings), 'x1');
    const noisy = values(make({ ...settings, noise: 0.5 }), 'x1');
    expect(noisy).not.toEqual(clean);
  });
});

describe('class geometry without noise', () => {
  it('circle: inside points lie within 0.5, outside ones beyond 0.7', () => {
    const t = circle(settings);
    const [x1, x2, label] = [values(t, 'x1'), values(t, 'x2'), values(t, 'label')];
    label.forEach((cls, i) => {
      const r = Math.hypot(x1[i] as number, x2[i] as number);
      expect(cls === 0 ? r <= 0.5 : r >= 0.7).toBe(true);
    });
  });

  it('xor: the class is the sign of x1·x2', () => {
    const t = xor(settings);
    const [x1, x2, label] = [values(t, 'x1'), values(t, 'x2'), values(t, 'label')];
    label.forEach((cls, i) => expect((x1[i] as number) * (x2[i] as number) > 0 ? 0 : 1).toBe(cls));
  });
});
