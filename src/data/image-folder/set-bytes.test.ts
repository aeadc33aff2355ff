import { describe, expect, it } from 'vitest';
import type { ImageSet } from '../images';
import { imageSetFromBytes, imageSetToBytes } from './set-bytes';

const set: ImageSet = {
  pixels: Float32Array.from({ length: 3 * 2 * 2 * 3 }, (_, i) => i / 35),
  shape: [2, 2, 3],
  labels: new Int32Array([2, 0, 1]),
  // A line break and non-Latin-1 letters in a class name must not break the header.
  classNames: ['cat\nlong', 'дом', 'dog'],
};

describe('image set as pipeline bytes', () => {
  it('comes back exactly: pixels, labels, shape and class names', () => {
    const back = imageSetFromBytes(imageSetToBytes(set), "'pets'");
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.value.shape).toEqual([2, 2, 3]);
    expect(back.value.classNames).toEqual(set.classNames);
    expect([...back.value.labels]).toEqual([2, 0, 1]);
    expect(back.value.pixels).toEqual(set.pixels);
  });

  it('holds 4 bytes a pixel plus a short header, not a character per byte', () => {
    const bytes = imageSetToBytes(set);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes.length - (set.pixels.byteLength + set.labels.byteLength)).toBeLessThan(80);
  });

  it('reads bytes that sit at any offset of a larger buffer', () => {
    const bytes = imageSetToBytes(set);
    const bigger = new Uint8Array(bytes.length + 3);
    bigger.set(bytes, 3);
    const back = imageSetFromBytes(bigger.subarray(3), "'pets'");
    expect(back.ok && back.value.pixels).toEqual(set.pixels);
  });

  it('refuses cut or altered bytes, naming the data', () => {
    const bytes = imageSetToBytes(set);
    const badHeader = bytes.slice();
    badHeader[4] = 0x7b + 1; // the JSON no longer starts with '{'
    const tooLong = new Uint8Array(4);
    new DataView(tooLong.buffer).setUint32(0, 999, true);
    for (const bad of [bytes.slice(0, -3), new Uint8Array(2), tooLong, badHeader]) {
      const r = imageSetFromBytes(bad, "'pets'");
      expect(r.ok ? '' : r.reason).toContain("'pets': the imported images could not be read back");
    }
    const wrongLabel = imageSetToBytes({ ...set, labels: new Int32Array([5, 0, 1]) });
    const r = imageSetFromBytes(wrongLabel, "'pets'");
    expect(r.ok ? '' : r.reason).toContain('outside the 3 classes');
  });
});
