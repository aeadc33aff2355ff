import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DropZone } from './DropZone';

// Dropping itself is driven in Chromium (e2e/dataset.spec.ts, e2e/image-folder.spec.ts).
describe('DropZone', () => {
  it('is a named group holding its prompt and its own way in', () => {
    const html = renderToStaticMarkup(
      <DropZone
        label="Open a CSV file"
        prompt="The link named 'a.csv': open it again."
        className="extra"
        onDrop={() => undefined}
      >
        <button type="button">Choose</button>
      </DropZone>,
    );
    expect(html).toMatch(/^<div role="group" aria-label="Open a CSV file" class="csv-drop extra">/);
    expect(html).toContain(
      '<p class="csv-reopen">The link named &#x27;a.csv&#x27;: open it again.</p>',
    );
    expect(html.indexOf('csv-reopen')).toBeLessThan(html.indexOf('<button'));
  });

  it('leaves the prompt out when there is none, and is not highlighted at rest', () => {
    const html = renderToStaticMarkup(
      <DropZone label="Drop here" onDrop={() => undefined}>
        <p>text</p>
      </DropZone>,
    );
    expect(html).toBe(
      '<div role="group" aria-label="Drop here" class="csv-drop"><p>text</p></div>',
    );
  });
});
