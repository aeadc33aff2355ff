import { describe, expect, it } from 'vitest';
import { confidenceRgb, viridis } from './colour';

describe('colour ramps', () => {
  it('runs viridis from purple to yellow, clamping outside [0, 1]', () => {
    expect(viridis(0)).toBe('#440154');
    expect(viridis(1)).toBe('#fde725');
    expect(viridis(-3)).toBe(viridis(0));
    expect(viridis(NaN)).toBe(viridis(0));
    expect(viridis(0.5)).toBe('#21918c');
  });
  it('washes a class colour out as the model grows unsure', () => {
    const sure = confidenceRgb('#0284c7', 1, 2);
    const unsure = confidenceRgb('#0284c7', 0.5, 2);
    expect(sure).not.toEqual(unsure);
    // Unsure cells stay pale: mostly white.
    expect(unsure[0]).toBeGreaterThan(sure[0]);
    expect(sure.every((v) => Number.isInteger(v) && v >= 0 && v <= 255)).toBe(true);
  });
});
