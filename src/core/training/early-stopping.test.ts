import { describe, expect, it } from 'vitest';
import { earlyStopper, earlyStoppingSchema, type EarlyStopping } from './early-stopping';

/** The epoch (1-based) at which the stopper says stop, or null when it never does. */
function stopsAt(es: EarlyStopping, values: (number | null)[]): number | null {
  const s = earlyStopper(es);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? null;
    if (s.afterEpoch(i + 1, { loss: v ?? NaN, valLoss: v })) return i + 1;
  }
  return null;
}

const es = (patch: Partial<EarlyStopping> = {}): EarlyStopping => ({
  monitor: 'val_loss',
  patience: 2,
  min_delta: 0,
  ...patch,
});

describe('earlyStopper (Keras EarlyStopping, mode min)', () => {
  it('stops once the monitor has not improved for `patience` epochs', () => {
    // best 0.5 at epoch 2; epochs 3 and 4 do not improve: wait reaches 2 at epoch 4.
    expect(stopsAt(es(), [1, 0.5, 0.6, 0.55, 0.4])).toBe(4);
  });

  it('resets its count on every improvement', () => {
    expect(stopsAt(es(), [1, 1.1, 0.9, 1.0, 0.8, 0.85, 0.7])).toBeNull();
  });

  it('counts an improvement smaller than min_delta as none', () => {
    // 0.95 and 0.92 improve on 1 by less than 0.1.
    expect(stopsAt(es({ min_delta: 0.1 }), [1, 0.95, 0.92, 0.5])).toBe(3);
    // An improvement of exactly min_delta is not more than it (Keras compares strictly).
    expect(stopsAt(es({ min_delta: 0.5, patience: 1 }), [1, 0.5])).toBe(2);
  });

  it('with patience 0 stops at the first epoch that does not improve, never at the first', () => {
    expect(stopsAt(es({ patience: 0 }), [1])).toBeNull();
    expect(stopsAt(es({ patience: 0 }), [1, 0.9, 0.9])).toBe(3);
  });

  it('never stops on a monitor with no value (val_loss without a validation split)', () => {
    expect(stopsAt(es({ patience: 0 }), [null, null, null])).toBeNull();
  });

  it('says why it stopped, naming the monitor and the best epoch', () => {
    const s = earlyStopper(es({ patience: 1 }));
    [0.5, 0.7].forEach((v, i) => s.afterEpoch(i + 1, { loss: 0, valLoss: v }));
    expect(s.reason).toMatch(/val_loss did not improve for 1 epoch \(best at epoch 1\)/);
    expect(s.bestEpoch).toBe(1);
  });

  it('refuses a negative patience or min_delta', () => {
    expect(earlyStoppingSchema.safeParse(es({ patience: -1 })).success).toBe(false);
    expect(earlyStoppingSchema.safeParse(es({ min_delta: -0.1 })).success).toBe(false);
  });
});
