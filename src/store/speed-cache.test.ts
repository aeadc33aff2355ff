import { describe, expect, it } from 'vitest';
import type { KeyValue } from './persistence';
import { keepSpeeds, knownSpeeds, MAX_SPEED_ENTRIES, SPEEDS_KEY } from './speed-cache';

function memory(): KeyValue & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const speeds = (rate: number) => ({
  machine: 'Chromium|2|webgpu:none',
  results: [{ name: 'wasm' as const, stepsPerSecond: rate, warmupMs: 5, reason: null }],
});

describe('speed cache', () => {
  it('keeps what Auto measured per model, for the next visit', () => {
    const s = memory();
    keepSpeeds(s, 'model-a', speeds(300));
    keepSpeeds(s, 'model-b', speeds(40));
    expect(knownSpeeds(s, 'model-a')).toEqual(speeds(300));
    expect(knownSpeeds(s, 'model-b')).toEqual(speeds(40));
    expect(knownSpeeds(s, 'model-c')).toBeNull();
  });
  it('keeps only the newest entries', () => {
    const s = memory();
    for (let i = 0; i < MAX_SPEED_ENTRIES + 5; i++) keepSpeeds(s, `m${i}`, speeds(i + 1), i);
    expect(knownSpeeds(s, 'm0')).toBeNull();
    expect(knownSpeeds(s, 'm4')).toBeNull();
    expect(knownSpeeds(s, `m${MAX_SPEED_ENTRIES + 4}`)?.results[0]?.stepsPerSecond).toBe(
      MAX_SPEED_ENTRIES + 5,
    );
  });
  it('reads damaged or foreign data as nothing known, and a full storage loses nothing else', () => {
    const s = memory();
    s.map.set(SPEEDS_KEY, '{not json');
    expect(knownSpeeds(s, 'model-a')).toBeNull();
    s.map.set(SPEEDS_KEY, JSON.stringify({ 'model-a': { machine: 1, results: 'fast' } }));
    expect(knownSpeeds(s, 'model-a')).toBeNull();
    keepSpeeds(s, 'model-a', speeds(12));
    expect(knownSpeeds(s, 'model-a')).toEqual(speeds(12));
    const full = {
      ...memory(),
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(() => keepSpeeds(full, 'model-a', speeds(1))).not.toThrow();
    expect(knownSpeeds(null, 'model-a')).toBeNull();
  });
});
