import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { confusionMatrix } from '../../core/charts/confusion';
import { ConfusionMatrix } from './ConfusionMatrix';

describe('ConfusionMatrix', () => {
  it('names each confusion cell for screen readers and marks the one picked', () => {
    const html = renderToStaticMarkup(
      <ConfusionMatrix
        confusion={confusionMatrix([0, 0, 1, 1, 1], [0, 1, 0, 0, 1], 2)}
        classNames={['x', 'y']}
        selected={{ actual: 1, predicted: 0 }}
        onSelect={() => {}}
        galleryId="g"
      />,
    );
    const buttons = [
      ...html.matchAll(/<button[^>]*aria-label="([^"]+)"[^>]*aria-pressed="(\w+)"/g),
    ];
    expect(buttons.map((b) => [b[1], b[2]])).toEqual([
      ['true x, predicted x: 1 sample', 'false'],
      ['true x, predicted y: 1 sample', 'false'],
      ['true y, predicted x: 2 samples', 'true'],
      ['true y, predicted y: 1 sample', 'false'],
    ]);
  });
});
