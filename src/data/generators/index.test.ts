import { describe, expect, it } from 'vitest';
import { BUILTIN_IDS, type BuiltinConfig } from '../config';
import { BUILTIN_INFO, defaultBuiltinConfig, generateBuiltin } from './index';
import { unwrap } from '../test-helpers';

describe('built-in catalogue', () => {
  it.each(BUILTIN_IDS)('%s: default config generates deterministically', (id) => {
    const config = defaultBuiltinConfig(id);
    expect(config.id).toBe(id);
    expect(BUILTIN_INFO[id].id).toBe(id);
    const a = unwrap(generateBuiltin(config));
    expect(a).toEqual(unwrap(generateBuiltin(config)));
    expect(a.rowCount).toBeGreaterThan(0);
    for (const c of a.columns) {
      expect(c.kind === 'numeric' ? c.values.length : c.codes.length).toBe(a.rowCount);
      expect(a.roles[c.name]).toBeDefined();
    }
  });

  it('series and waveforms default to windowing, tables do not', () => {
    expect(defaultBuiltinConfig('sine').prepare.windowing.enabled).toBe(true);
    expect(defaultBuiltinConfig('waveforms').prepare.windowing).toMatchObject({
      mode: 'classify',
      length: 32,
      stride: 32,
    });
    expect(defaultBuiltinConfig('circle').prepare.windowing.enabled).toBe(false);
  });

  it('refuses waveforms too large to generate', () => {
    const big: BuiltinConfig = {
      ...defaultBuiltinConfig('waveforms'),
      samples: 20_000,
      segmentLength: 512,
    };
    expect(generateBuiltin(big)).toEqual({
      ok: false,
      reason:
        '20\u00a0000 segments of 512 steps make 10\u00a0240\u00a0000 rows; keep it at most 1\u00a0000\u00a0000 with fewer or shorter segments.',
    });
  });
});
