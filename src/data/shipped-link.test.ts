import { describe, expect, it } from 'vitest';
import { decodeExperiment, encodeExperiment } from '../core/share/codec';
import { defaultExperiment } from '../core/share/experiment';
import { templateSpec } from '../core/templates';
import { SHIPPED_IDS } from './config';
import { SHIPPED } from './shipped';

describe('shipped data in share links', () => {
  it.each(SHIPPED_IDS)('%s with its settings survives a link', (id) => {
    const exp = { ...defaultExperiment(), data: { ...SHIPPED[id].config, limit: 100 } };
    expect(decodeExperiment(encodeExperiment(exp))).toEqual({ experiment: exp, ignored: [] });
  });

  it('the MNIST CNN template with MNIST data survives a link', () => {
    const exp = {
      ...defaultExperiment(),
      model: templateSpec('mnist-cnn'),
      data: SHIPPED.mnist.config,
    };
    expect(decodeExperiment(encodeExperiment(exp)).experiment).toEqual(exp);
  });
});
