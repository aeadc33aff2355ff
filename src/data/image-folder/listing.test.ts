import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { indexFolder, type FolderListing } from './listing';
import { listZip } from './zip';

/** A real zip archive built in memory, then read back as the importer reads it. */
function zipListing(name: string, tree: Zippable): FolderListing {
  const listed = listZip(name, zipSync(tree));
  if (!listed.ok) throw new Error(listed.reason);
  return listed.value;
}
const png = strToU8('\x89PNG not really');
const index = (name: string, tree: Zippable) => indexFolder(zipListing(name, tree));
const reasonOf = (r: ReturnType<typeof indexFolder>) => (r.ok ? '' : r.reason);

describe('indexFolder', () => {
  it("follows Keras' index_directory order, class names and nested folders", () => {
    // The same tree indexed by keras.src.utils.dataset_utils.index_directory (Keras 3.15.1,
    // shuffle=False) gave: files a/B.png a/a.png b/10.PNG b/2.png 'b/a b/x.jpg' b/z/y.gif,
    // labels 0 0 1 1 1 1, class_names a b c (an empty class stays a class).
    const r = index('d.zip', {
      b: { z: { 'y.gif': png }, 'a b': { 'x.jpg': png }, '2.png': png, '10.PNG': png },
      a: { 'a.png': png, 'B.png': png, 'notes.txt': strToU8('hi') },
      c: { 'readme.md': strToU8('#') },
      '.hidden': { 'h.png': png },
      'top.png': png,
    });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.classNames).toEqual(['a', 'b', 'c']);
    expect(r.value.files.map((f) => f.path)).toEqual([
      'a/B.png',
      'a/a.png',
      'b/10.PNG',
      'b/2.png',
      'b/a b/x.jpg',
      'b/z/y.gif',
    ]);
    expect(r.value.files.map((f) => f.label)).toEqual([0, 0, 1, 1, 1, 1]);
    expect(r.value.bytes).toBe(6 * png.length);
    const warnings = r.value.warnings.join('\n');
    expect(warnings).toContain("Skipped 1 file at the top level, not in a class folder: 'top.png'");
    expect(warnings).toContain("not .png, .jpg, .jpeg, .gif or .bmp: 'a/notes.txt', 'c/readme.md'");
    expect(warnings).toContain("Class folder 'c' holds no images");
  });

  it('reads the only folder of a zip as the directory, and says so', () => {
    const r = index('digits.zip', {
      digits: { train: { '0': { '1.png': png }, '1': { '2.png': png } } },
    });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.classNames).toEqual(['0', '1']);
    expect(r.value.directory).toBe('digits/train');
    expect(r.value.files.map((f) => f.key)).toEqual([
      'digits/train/0/1.png',
      'digits/train/1/2.png',
    ]);
    expect(r.value.notes[0]).toContain("Read 'digits/train' as the folder of classes");
  });

  it('treats the first segment of a picked folder as the directory itself', () => {
    const r = indexFolder({
      name: 'pets',
      wrapped: true,
      dirs: [],
      files: [
        { path: 'pets/cat/1.png', size: 3 },
        { path: 'pets/dog/1.png', size: 4 },
        { path: 'pets/dog/2.png', size: 5 },
      ],
    });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.classNames).toEqual(['cat', 'dog']);
    expect(r.value.directory).toBe('pets');
    expect(r.value.bytes).toBe(12);
    expect(r.value.warnings).toEqual([]);
    expect(r.value.notes).toEqual([]);
  });

  it('skips operating-system litter without a word', () => {
    const r = index('mac.zip', {
      __MACOSX: { cat: { '._1.png': png } },
      cat: { '1.png': png, '._1.png': png, '.DS_Store': png },
      dog: { '1.png': png, 'Thumbs.db': png },
    });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.classNames).toEqual(['cat', 'dog']);
    expect(r.value.files.map((f) => f.path)).toEqual(['cat/1.png', 'dog/1.png']);
    expect(r.value.warnings).toEqual([]);
  });

  it('refuses one class, naming it', () => {
    const r = index('one.zip', { cats: { '1.png': png, '2.png': png }, empty: {} });
    expect(reasonOf(r)).toBe(
      "Only one class folder in 'one.zip' holds images ('cats'): a classifier needs at least two. Add a sub-folder of images for each other class.",
    );
  });

  it('refuses a folder whose files all sit at the top level', () => {
    const r = index('flat.zip', { '1.png': png, '2.png': png });
    expect(reasonOf(r)).toContain(
      "'flat.zip' has no class folders: its 2 files sit at the top level",
    );
  });

  it('refuses an empty archive and class folders without images', () => {
    expect(reasonOf(index('empty.zip', {}))).toContain("'empty.zip' holds no files");
    expect(reasonOf(index('text.zip', { a: { 'x.txt': png }, b: {} }))).toBe(
      "'text.zip' holds no images (.png, .jpg, .jpeg, .gif or .bmp) in its class folders.",
    );
  });

  it('keeps empty class folders a zip lists as classes, as Keras does', () => {
    const r = index('gaps.zip', { a: { '1.png': png }, b: { '1.png': png }, c: {}, d: {} });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.classNames).toEqual(['a', 'b', 'c', 'd']);
    expect(r.value.warnings).toEqual([
      "Class folders 'c', 'd' hold no images: they stay classes (as in Keras), but no sample has their label.",
    ]);
  });

  it('lists at most five names in a warning and counts the rest', () => {
    const top = Object.fromEntries([...Array(8).keys()].map((i) => [`t${i}.png`, png]));
    const r = index('many.zip', { ...top, a: { '1.png': png }, b: { '1.png': png } });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.warnings[0]).toBe(
      "Skipped 8 files at the top level, not in a class folder: 't0.png', 't1.png', 't2.png', 't3.png', 't4.png' and 3 more.",
    );
  });
});
