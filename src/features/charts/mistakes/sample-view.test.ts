import { describe, expect, it } from 'vitest';
import { imageRgba, imageShape, rawFeatures } from './sample-view';

describe('sample views', () => {
  it('knows pictures by their [N, h, w, 1 or 3] shape', () => {
    expect(imageShape({ xShape: [10, 8, 8, 1] })).toEqual([8, 8, 1]);
    expect(imageShape({ xShape: [10, 28, 28, 3] })).toEqual([28, 28, 3]);
    expect(imageShape({ xShape: [10, 13] })).toBeNull();
    expect(imageShape({ xShape: [10, 30, 2] })).toBeNull();
    expect(imageShape({ xShape: [10, 4, 4, 2] })).toBeNull();
  });

  it('undoes the normalisation, feature by feature', () => {
    const data = {
      x: Float32Array.from([0, 0, 1, -2]),
      xShape: [2, 2],
      normalisation: { kind: 'zscore' as const, offset: [10, 100], scale: [2, 50] },
    };
    expect(rawFeatures(data, 0)).toEqual([10, 100]);
    expect(rawFeatures(data, 1)).toEqual([12, 0]);
  });

  it('draws grey pixels 0–1 as dark ink on light paper', () => {
    const rgba = imageRgba([0, 1, 0.5], 1);
    expect([...rgba]).toEqual([255, 255, 255, 255, 0, 0, 0, 255, 128, 128, 128, 255]);
  });

  it('stretches values past 0–1 to the picture’s range and keeps colours as they are', () => {
    expect([...imageRgba([0, 16], 1)]).toEqual([255, 255, 255, 255, 0, 0, 0, 255]);
    expect([...imageRgba([1, 0, 0, 0, 0, 1], 3)]).toEqual([255, 0, 0, 255, 0, 0, 255, 255]);
    // Not a number: blank paper rather than a crash.
    expect([...imageRgba([NaN], 1)]).toEqual([255, 255, 255, 255]);
  });
});
