import { beforeEach, describe, expect, it } from 'vitest';
import { defaultImageFolderOptions, type ImageFolderData } from '../data/image-folder/index';
import { unwrap } from '../data/test-helpers';
import { createPagePort } from './dataset-port';
import { useAppStore } from './store';

const state = () => useAppStore.getState();

/** 10 images of 2×2 grey: 8 training (Keras' first part), 2 validation, pixel = label / 10. */
function folder(name: string, validation = 2): ImageFolderData {
  const part = (labels: number[], from: number) => ({
    pixels: Float32Array.from(labels.flatMap((l) => [l, l, l, l].map((v) => v / 10))),
    labels: Int32Array.from(labels),
    paths: labels.map((l, i) => `${l % 2 ? 'b' : 'a'}/${from + i}.png`),
  });
  const all = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => i % 2);
  const cut = all.length - validation;
  return {
    name,
    classNames: ['a', 'b'],
    imageSize: [2, 2],
    colorMode: 'grayscale',
    channels: 1,
    seed: 3,
    training: part(all.slice(0, cut), 0),
    validation: validation ? part(all.slice(cut), cut) : null,
    notes: [],
    warnings: ["Skipped 'a/broken.png': not a readable image."],
  };
}
const options = { ...defaultImageFolderOptions, color_mode: 'grayscale' as const, seed: 3 };

beforeEach(async () => {
  state().attachDataPort(createPagePort());
  await state().chooseDataset({ source: 'builtin', id: 'circle' });
  state().setValidationSplit(0.2);
});

describe('image-folder import in the store', () => {
  it('makes the images the data and validates on exactly the files Keras held out', async () => {
    const data = folder('pets', 3);
    await state().importImages(data, options);
    expect(state().dataError).toBeNull();
    const config = state().datasetConfig;
    expect(config).toMatchObject({ source: 'image-folder', name: 'pets', options });
    const prepared = unwrap(state().prepared);
    expect(prepared.xShape).toEqual([10, 2, 2, 1]);
    expect(prepared.classNames).toEqual(['a', 'b']);
    expect(prepared.trainCount).toBe(7);
    // The samples from trainCount on are the import's validation files, in order.
    expect([...prepared.sourceRows.slice(7)]).toEqual([7, 8, 9]);
    expect(state().dataLoaded?.table.images?.classNames).toEqual(['a', 'b']);
    expect(state().imageFolder?.warnings).toEqual(data.warnings);
    expect(state().imageFolder?.training?.pixels).toHaveLength(0);
  });

  it('trains on every image when the import had no split', async () => {
    await state().importImages(folder('all', 0), { ...options, validation_split: 0 });
    expect(unwrap(state().prepared).trainCount).toBe(10);
  });

  it('reports a failed import and keeps the data in use', async () => {
    const before = state().prepared;
    state().imageImportStarted();
    state().imageImportFailed("'x.zip' could not be read as a zip file.");
    expect(state().dataError).toContain("'x.zip'");
    expect(state().prepared).toBe(before);
    expect(state().datasetConfig.source).toBe('builtin');
    state().imageImportStarted();
    expect(state().dataError).toBeNull();
  });

  it('refuses a validation-only import without touching the data', async () => {
    const data = { ...folder('v'), training: null };
    await state().importImages(data, { ...options, subset: 'validation' });
    expect(state().dataError).toContain("subset 'validation' alone leaves nothing to train on");
    expect(state().datasetConfig.source).toBe('builtin');
  });

  it('asks for the folder again when a link names one, and keeps the link settings', async () => {
    const link = state().datasetConfig;
    await state().setDatasetConfig({
      source: 'image-folder',
      name: 'pets.zip',
      options,
      prepare: { ...link.prepare, labelEncoding: 'sparse' },
    });
    const p = state().prepared;
    expect(p.ok ? '' : p.reason).toContain("Open the image folder 'pets.zip' again");
    await state().importImages(folder('pets.zip'), options);
    expect(state().datasetConfig.prepare.labelEncoding).toBe('sparse');
    expect(unwrap(state().prepared).trainCount).toBe(8);
  });
});
