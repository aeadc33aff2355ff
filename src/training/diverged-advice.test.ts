import { describe, expect, it } from 'vitest';
import { divergedMessage, type Divergence } from './diverged-advice';

const base: Divergence = {
  epoch: 2,
  batch: 5,
  loss: NaN,
  learningRate: 0.7,
  clipNorm: null,
  normalisation: 'none',
};

describe('divergedMessage', () => {
  it('says where the loss went wrong and offers every remedy the settings allow', () => {
    expect(divergedMessage(base)).toBe(
      'The loss became NaN (not a number) at epoch 2, batch 5, so training stopped. ' +
        'Try a lower learning rate (it is 0.7; try 0.07), normalise the inputs (z-score in the ' +
        'data settings), or clip gradients (in the training settings).',
    );
  });

  it.each(['zscore', 'minmax'] as const)(
    'does not advise normalising inputs already scaled by %s',
    (normalisation) => {
      const text = divergedMessage({ ...base, normalisation, loss: Infinity });
      expect(text).toContain('The loss became infinite');
      expect(text).not.toMatch(/normalise|z-score/);
      expect(text).toContain('Try a lower learning rate (it is 0.7; try 0.07) or clip gradients');
    },
  );

  it('asks for a tighter clip when gradients are already clipped', () => {
    const text = divergedMessage({ ...base, normalisation: 'zscore', clipNorm: 5 });
    expect(text).toContain('or clip gradients harder (the clip norm is 5; try 0.5).');
    expect(text).not.toContain('in the training settings');
  });

  it('keeps the input advice when it cannot tell how the inputs were scaled', () => {
    expect(divergedMessage({ ...base, normalisation: undefined })).toContain(
      'normalise the inputs',
    );
  });
});
