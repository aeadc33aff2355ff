import { describe, expect, it } from 'vitest';
import { checkImageSet } from '../images';
import type { ImageFolderData } from './dataset';
import { toImageSet } from './to-image-set';

const data = (channels: 1 | 3): ImageFolderData => ({
  name: 'pets',
  classNames: ['cat', 'dog'],
  imageSize: [1, 2],
  colorMode: channels === 1 ? 'grayscale' : 'rgb',
  channels,
  seed: 1,
  training: {
    pixels: Float32Array.from({ length: 2 * 2 * channels }, (_, i) => i / 100),
    labels: new Int32Array([1, 0]),
    paths: ['dog/1.png', 'cat/1.png'],
  },
  validation: {
    pixels: Float32Array.from({ length: 2 * channels }, () => 0.5),
    labels: new Int32Array([1]),
    paths: ['dog/2.png'],
  },
  notes: [],
  warnings: [],
});

describe('toImageSet', () => {
  it('puts validation after training and says where the split falls', () => {
    const { set, trainCount } = toImageSet(data(3));
    expect(checkImageSet(set, "'pets'").ok).toBe(true);
    expect(set.shape).toEqual([1, 2, 3]);
    expect([...set.labels]).toEqual([1, 0, 1]);
    expect(trainCount).toBe(2);
    expect(set.pixels[11]).toBeCloseTo(0.11);
    expect(set.pixels[12]).toBe(0.5);
  });

  it('takes a set without a validation subset whole', () => {
    const { set, trainCount } = toImageSet({ ...data(1), validation: null });
    expect(set.labels).toHaveLength(2);
    expect(trainCount).toBe(2);
  });
});
