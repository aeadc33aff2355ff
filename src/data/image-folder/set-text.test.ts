import { describe, expect, it } from 'vitest';
import type { ImageSet } from '../images';
import { imageSetFromText, imageSetToText } from './set-text';

const set: ImageSet = {
  pixels: Float32Array.from({ length: 3 * 2 * 2 * 3 }, (_, i) => i / 35),
  shape: [2, 2, 3],
  labels: new Int32Array([2, 0, 1]),
  // A line break and non-Latin-1 letters in a class name must not break the header.
  classNames: ['cat\nlong', 'дом', 'dog'],
};

describe('image set as pipeline text', () => {
  it('comes back exactly: pixels, labels, shape and class names', () => {
    const back = imageSetFromText(imageSetToText(set), "'pets'");
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.value.shape).toEqual([2, 2, 3]);
    expect(back.value.classNames).toEqual(set.classNames);
    expect([...back.value.labels]).toEqual([2, 0, 1]);
    expect(back.value.pixels).toEqual(set.pixels);
  });

  it('refuses cut or altered text, naming the data', () => {
    const text = imageSetToText(set);
    for (const bad of [text.slice(0, -3), 'no header', `{"shape":1}\n${text.split('\n')[1]}`]) {
      const r = imageSetFromText(bad, "'pets'");
      expect(r.ok ? '' : r.reason).toContain("'pets': the imported images could not be read back");
    }
    const wrongLabel = imageSetToText({ ...set, labels: new Int32Array([5, 0, 1]) });
    const r = imageSetFromText(wrongLabel, "'pets'");
    expect(r.ok ? '' : r.reason).toContain('outside the 3 classes');
  });
});
