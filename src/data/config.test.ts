import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_IDS, defaultDatasetConfig, parseDatasetConfig, SHIPPED_IDS } from './config';

describe('dataset config', () => {
  it('parses nothing (or an empty object) to the default configuration', () => {
    expect(parseDatasetConfig(undefined)).toEqual({ ok: true, value: defaultDatasetConfig });
    expect(parseDatasetConfig({})).toEqual({ ok: true, value: defaultDatasetConfig });
    expect(defaultDatasetConfig).toMatchObject({
      source: 'builtin',
      id: 'circle',
      prepare: { windowing: { enabled: false }, normalisation: 'zscore', validationSplit: 0.2 },
    });
  });

  it('fills every missing field of each source with its default', () => {
    const csv = parseDatasetConfig({ source: 'csv', prepare: { windowing: { length: 8 } } });
    expect(csv).toEqual({
      ok: true,
      value: {
        source: 'csv',
        fileName: 'data.csv',
        roles: {},
        missing: 'refuse',
        header: 'auto',
        prepare: {
          ...defaultDatasetConfig.prepare,
          windowing: { ...defaultDatasetConfig.prepare.windowing, length: 8 },
        },
      },
    });
    const shipped = parseDatasetConfig({ source: 'shipped', id: 'us-births' });
    expect(shipped.ok && shipped.value).toMatchObject({
      source: 'shipped',
      id: 'us-births',
      roles: {},
    });
  });

  it('round-trips through JSON unchanged', () => {
    const text = JSON.stringify(defaultDatasetConfig);
    expect(parseDatasetConfig(JSON.parse(text))).toEqual({ ok: true, value: defaultDatasetConfig });
  });

  it('refuses out-of-range numbers, naming the field', () => {
    expect(parseDatasetConfig({ source: 'builtin', samples: 1e9 })).toEqual({
      ok: false,
      reason: "The dataset setting 'samples' is invalid: Too big: expected number to be <=20000.",
    });
    const nan = parseDatasetConfig({ prepare: { validationSplit: Number.NaN } });
    expect(nan.ok).toBe(false);
    if (!nan.ok) expect(nan.reason).toContain("'prepare.validationSplit'");
    const stride = parseDatasetConfig({ prepare: { windowing: { stride: 0 } } });
    expect(!stride.ok && stride.reason).toContain("'prepare.windowing.stride'");
    const frac = parseDatasetConfig({ prepare: { windowing: { length: 2.5 } } });
    expect(frac.ok).toBe(false);
  });

  it('refuses unknown sources and ids', () => {
    const r = parseDatasetConfig({ source: 'ftp' });
    expect(!r.ok && r.reason).toContain("'source'");
    expect(parseDatasetConfig({ source: 'shipped', id: 'cifar' }).ok).toBe(false);
    expect(parseDatasetConfig('circle')).toEqual({
      ok: false,
      reason: 'The dataset settings are invalid: Invalid input: expected object, received string.',
    });
  });

  it('reads shipped links from before the image sets, and keeps a sample limit', () => {
    const old = parseDatasetConfig({ source: 'shipped', id: 'iris', roles: {} });
    expect(old.ok && old.value).toMatchObject({ source: 'shipped', id: 'iris', limit: null });
    const limited = parseDatasetConfig({ source: 'shipped', id: 'mnist', limit: 2000 });
    expect(limited.ok && limited.value).toMatchObject({ id: 'mnist', limit: 2000 });
    const again = parseDatasetConfig(JSON.parse(JSON.stringify(limited.ok && limited.value)));
    expect(again).toEqual(limited);
    expect(parseDatasetConfig({ source: 'shipped', id: 'mnist', limit: 0 }).ok).toBe(false);
  });

  it('accepts every built-in and shipped id', () => {
    for (const id of BUILTIN_IDS)
      expect(parseDatasetConfig({ source: 'builtin', id }).ok).toBe(true);
    for (const id of SHIPPED_IDS)
      expect(parseDatasetConfig({ source: 'shipped', id }).ok).toBe(true);
  });

  it('never throws on random input, and what it accepts is complete', () => {
    const roles = fc.dictionary(
      fc.string(),
      fc.constantFrom('feature', 'label', 'time', 'ignore', 'x'),
    );
    const plausible = fc.record(
      {
        source: fc.constantFrom('builtin', 'shipped', 'csv', 'other'),
        id: fc.constantFrom(...BUILTIN_IDS, ...SHIPPED_IDS, 'nope'),
        samples: fc.oneof(fc.integer(), fc.double()),
        noise: fc.double(),
        roles,
        prepare: fc.record(
          {
            validationSplit: fc.double(),
            windowing: fc.record(
              { length: fc.integer(), enabled: fc.anything() },
              { requiredKeys: [] },
            ),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), plausible), (input) => {
        const r = parseDatasetConfig(input);
        if (!r.ok) return typeof r.reason === 'string' && r.reason.length > 0;
        const p = r.value.prepare;
        return (
          typeof p.windowing.length === 'number' &&
          p.validationSplit >= 0 &&
          p.validationSplit <= 0.9 &&
          typeof p.seed === 'number' &&
          // a parsed config parses again to itself
          JSON.stringify(parseDatasetConfig(JSON.parse(JSON.stringify(r.value)))) ===
            JSON.stringify({ ok: true, value: r.value })
        );
      }),
      { numRuns: 500 },
    );
  });

  it('reads an image-folder link: the folder name and options, never images', () => {
    const link = parseDatasetConfig({
      source: 'image-folder',
      name: 'pets.zip',
      options: { image_size: [32, 24], color_mode: 'grayscale', seed: 7 },
    });
    expect(link).toMatchObject({
      ok: true,
      value: {
        source: 'image-folder',
        name: 'pets.zip',
        options: {
          labels: 'inferred',
          image_size: [32, 24],
          color_mode: 'grayscale',
          validation_split: 0.2,
          subset: 'both',
          seed: 7,
          shuffle: true,
        },
      },
    });
    expect(parseDatasetConfig({ source: 'image-folder' })).toMatchObject({
      ok: true,
      value: { name: 'images', options: { image_size: [28, 28], color_mode: 'rgb', seed: null } },
    });
    const rgba = parseDatasetConfig({ source: 'image-folder', options: { color_mode: 'rgba' } });
    expect(rgba.ok ? '' : rgba.reason).toContain("'options.color_mode'");
  });

  it('still opens the links made before image folders existed', () => {
    const old = [
      {},
      { id: 'spiral', samples: 300 },
      { source: 'shipped', id: 'mnist', limit: 1000 },
      { source: 'csv', fileName: 'sales.csv', roles: { y: 'label' } },
    ];
    for (const link of old) {
      const r = parseDatasetConfig(link);
      expect(r.ok, JSON.stringify(link)).toBe(true);
      expect(r.ok && r.value.source).toBe('source' in link ? link.source : 'builtin');
    }
  });
});
