import { describe, expect, it } from 'vitest';
import { gateSentence, saturationBounds, saturationShares } from './gate-saturation';
import { gateSaturationSchema, type GateSaturation } from './timeline-types';

const layer = (forget: [number, number]): GateSaturation => ({
  layerIndex: 1,
  layerName: 'lstm_1',
  kind: 'LSTM',
  gates: [
    { gate: 'input', low: 0.1, high: 0.02 },
    { gate: 'forget', low: forget[0], high: forget[1] },
    { gate: 'candidate', low: 0.01, high: 0.01 },
    { gate: 'output', low: 0, high: 0.05 },
  ],
});

describe('gate saturation', () => {
  it('bounds sigmoid-like gates at 0.05/0.95, tanh-like at ±0.95, others not at all', () => {
    expect(saturationBounds('sigmoid')).toEqual({ low: 0.05, high: 0.95 });
    expect(saturationBounds('hardSigmoid')).toEqual({ low: 0.05, high: 0.95 });
    expect(saturationBounds('tanh')).toEqual({ low: -0.95, high: 0.95 });
    expect(saturationBounds('relu')).toBeNull();
    expect(saturationShares([0.01, 0.5, 0.96, 0.97], { low: 0.05, high: 0.95 })).toEqual({
      low: 0.25,
      high: 0.5,
    });
  });

  it('names the most saturated gate, its share and epoch, and what to try past half', () => {
    const bad = gateSentence(layer([0.02, 0.6]), 5);
    expect(bad).toMatch(/^lstm_1: 62% of forget-gate activations saturated at epoch 5/);
    expect(bad).toContain('keeps nearly everything');
    expect(bad).toContain('input 12%');
    expect(bad).toMatch(/try scaling the inputs/);
    const fine = gateSentence(layer([0.1, 0.1]), 0);
    expect(fine).toMatch(/^lstm_1: 20% of forget-gate activations saturated before training/);
    expect(fine).not.toMatch(/try/);
    const zero = layer([0, 0]);
    zero.gates = zero.gates.map((g) => ({ ...g, low: 0, high: 0 }));
    expect(gateSentence(zero, 1)).toBe(
      'lstm_1: 0% of input-gate activations saturated at epoch 1; forget 0%, candidate 0%, output 0%. Most gate values are still in the range where they learn.',
    );
    expect(gateSaturationSchema.safeParse(layer([0.02, 0.6])).success).toBe(true);
    expect(gateSaturationSchema.safeParse(layer([0.02, 1.6])).success).toBe(false);
  });
});
