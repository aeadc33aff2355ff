import { describe, expect, it } from 'vitest';
import { specFrom } from '../../core/spec-from';
import type { PoolingProbe } from '../../core/training/probe-types';
import { poolingGeometry } from './pooling-params';

const spec = specFrom([
  ['Input', { shape: [9, 2] }],
  ['MaxPooling1D', { pool_size: 3, strides: 2, padding: 'same' }],
  ['GlobalAveragePooling1D', {}],
]);
const probe = (index: number, kind: string, inputShape: number[]): PoolingProbe => ({
  index,
  name: 'p',
  kind,
  sample: 0,
  inputShape,
  input: [],
  outputShape: [1],
  output: [],
});

describe('pooling geometry from the spec', () => {
  it("reads pool_size, strides and padding of the run's layer", () => {
    const g = poolingGeometry(probe(1, 'MaxPooling1D', [9, 2]), spec);
    expect(g?.mode).toBe('max');
    expect(g?.axes[0]?.windows).toHaveLength(5);
    expect(g?.params).toBe("pool_size 3, strides 2, padding 'same'");
  });

  it('treats a global pooling as one window over every step', () => {
    const g = poolingGeometry(probe(2, 'GlobalAveragePooling1D', [5, 2]), spec);
    expect(g?.mode).toBe('average');
    expect(g?.axes[0]?.windows).toEqual([{ start: 0, end: 5 }]);
  });

  it('refuses a probe whose layer is not in this spec', () => {
    expect(poolingGeometry(probe(2, 'MaxPooling1D', [9, 2]), spec)).toBeNull();
  });
});
