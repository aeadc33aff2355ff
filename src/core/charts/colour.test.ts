import { describe, expect, it } from 'vitest';
import { confidenceColour, viridis } from './colour';

describe('colour ramps', () => {
  it('runs viridis from purple to yellow, clamping outside [0, 1]', () => {
    expect(viridis(0)).toBe('#440154');
    expect(viridis(1)).toBe('#fde725');
    expect(viridis(-3)).toBe(viridis(0));
    expect(viridis(NaN)).toBe(viridis(0));
    expect(viridis(0.5)).toBe('#21918c');
  });
  it('washes a class colour out as the model grows unsure', () => {
    const sure = confidenceColour('#0284c7', 1, 2);
    const unsure = confidenceColour('#0284c7', 0.5, 2);
    expect(sure).not.toBe(unsure);
    // Unsure cells stay pale: mostly white.
    expect(parseInt(unsure.slice(1, 3), 16)).toBeGreaterThan(parseInt(sure.slice(1, 3), 16));
    expect(/^#[0-9a-f]{6}$/.test(sure)).toBe(true);
  });
});
