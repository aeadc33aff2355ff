import { describe, expect, it } from 'vitest';
import { defaultDatasetConfig } from '../../data/index';
import { imageSetToBytes } from '../../data/image-folder/set-bytes';
import { withContent } from './data-worker';

const rest = { id: 1, config: defaultDatasetConfig, textVersion: 2, haveKey: null };

describe('what a prepare request carries to the data worker', () => {
  it('sends bytes as a typed array whose buffer is transferred, keeping the page its own', () => {
    const bytes = imageSetToBytes({
      pixels: new Float32Array([0, 0.5, 1, 0.25]),
      shape: [2, 2, 1],
      labels: new Int32Array([0]),
      classNames: ['a'],
    });
    const [req, transfer] = withContent(rest, bytes);
    expect(req.text).toBeInstanceOf(Uint8Array);
    expect(req.text).toEqual(bytes);
    expect(req.text).not.toBe(bytes);
    expect(transfer).toEqual([(req.text as Uint8Array).buffer]);
    // Transferring detaches what was sent; the page's copy stays whole for a later re-send.
    structuredClone(req, { transfer: transfer as Transferable[] });
    expect((req.text as Uint8Array).byteLength).toBe(0);
    expect(bytes.byteLength).toBeGreaterThan(0);
  });

  it('sends text (a CSV) as it is, with nothing to transfer', () => {
    expect(withContent(rest, 'a,b\n1,2\n')).toEqual([{ ...rest, text: 'a,b\n1,2\n' }, []]);
    expect(withContent(rest, null)).toEqual([{ ...rest, text: null }, []]);
  });
});
