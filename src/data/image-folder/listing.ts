import { fail, formatCount, ok, plural, type Result } from '../result';
import { isImageName } from './limits';
import type { LabelledFile } from './split';

/** A file as the source lists it: '/'-separated path, size in bytes. */
export interface ListedFile {
  path: string;
  size: number;
}

export interface FolderListing {
  /** What the user gave: 'digits' (a folder) or 'digits.zip'. */
  name: string;
  files: ListedFile[];
  /** Folders the source lists even when empty (zip entries, dropped folders); may be partial. */
  dirs: string[];
  /**
   * Every path starts with the chosen folder's own name (a picked or dropped folder), which is
   * Keras' `directory` itself, not a class.
   */
  wrapped: boolean;
}

export interface IndexedFile extends LabelledFile {
  /** The path in the listing, to fetch the bytes. */
  key: string;
  size: number;
}

export interface FolderIndex {
  /** The folder read as `directory`, for messages: 'digits/train'. */
  directory: string;
  classNames: string[];
  /** Keras' order before shuffling: classes in order, each walked folder by folder, sorted. */
  files: IndexedFile[];
  bytes: number;
  warnings: string[];
  notes: string[];
}

/** Python's sorted() on str: by code point, not by locale. */
const byCodePoint = (a: string, b: string) => {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
};

/** Operating-system litter that is never meant as data (macOS zips, Finder, Explorer). */
const isLitter = (segments: string[]) =>
  segments.some(
    (s) =>
      s === '__MACOSX' ||
      s === '.DS_Store' ||
      s.startsWith('._') ||
      s === 'Thumbs.db' ||
      s === 'desktop.ini',
  );

const quoteList = (paths: string[], max = 5) => {
  const shown = paths.slice(0, max).map((p) => `'${p}'`);
  const more = paths.length > max ? ` and ${formatCount(paths.length - max)} more` : '';
  return shown.join(', ') + more;
};

interface Node {
  files: Map<string, ListedFile>;
  dirs: Map<string, Node>;
}
const newNode = (): Node => ({ files: new Map(), dirs: new Map() });

function buildTree(listing: FolderListing): Node {
  const root = newNode();
  const dirAt = (segments: string[]) => {
    let node = root;
    for (const s of segments) {
      let next = node.dirs.get(s);
      if (!next) node.dirs.set(s, (next = newNode()));
      node = next;
    }
    return node;
  };
  const split = (path: string) => {
    const segments = path.split('/').filter((s) => s !== '' && s !== '.');
    return listing.wrapped ? segments.slice(1) : segments;
  };
  for (const d of listing.dirs) {
    const segments = split(d);
    if (!isLitter(segments)) dirAt(segments);
  }
  for (const f of listing.files) {
    const segments = split(f.path);
    if (segments.length === 0 || isLitter(segments)) continue;
    dirAt(segments.slice(0, -1)).files.set(segments.at(-1)!, f);
  }
  return root;
}

/** Every file under `node`, as Keras' os.walk visits them: folders sorted by path, files by name. */
function walk(node: Node, prefix: string, out: { path: string; file: ListedFile }[]) {
  const walked: { dir: string; node: Node }[] = [];
  const collect = (n: Node, dir: string) => {
    walked.push({ dir, node: n });
    for (const [name, child] of n.dirs) collect(child, `${dir}/${name}`);
  };
  collect(node, prefix);
  walked.sort((a, b) => byCodePoint(a.dir, b.dir));
  for (const { dir, node: n } of walked) {
    for (const name of [...n.files.keys()].sort(byCodePoint)) {
      out.push({ path: `${dir}/${name}`, file: n.files.get(name)! });
    }
  }
}

/**
 * `image_dataset_from_directory`'s index with labels='inferred': class names are the
 * directory's sub-folders in sorted order (hidden ones skipped), each class's images are the
 * files with an image extension anywhere below its folder. When the directory holds nothing but
 * one folder (a zip of 'digits/', 'data/train/'), that folder is read instead, and a note says so.
 *
 * Errors stop the import (nothing found, one class); what can be skipped is skipped and named in
 * `warnings`: files at the top level, files that are not images, class folders without images.
 */
export function indexFolder(listing: FolderListing): Result<FolderIndex> {
  const source = `'${listing.name}'`;
  let node = buildTree(listing);
  const notes: string[] = [];
  const warnings: string[] = [];
  const descended: string[] = [];
  while (node.files.size === 0 && node.dirs.size === 1) {
    const [name, only] = [...node.dirs][0]!;
    if (only.dirs.size === 0) break;
    descended.push(name);
    node = only;
  }
  const directory = [listing.wrapped ? listing.name : '', ...descended].filter(Boolean).join('/');
  if (descended.length > 0) {
    notes.push(
      `Read '${descended.join('/')}' as the folder of classes: it is the only folder in ${source}.`,
    );
  }

  const topFiles = [...node.files.keys()].sort(byCodePoint);
  const classNames = [...node.dirs.keys()].filter((d) => !d.startsWith('.')).sort(byCodePoint);
  if (classNames.length === 0) {
    return fail(
      topFiles.length === 0
        ? `${source} holds no files. Lay the images out as one sub-folder per class (cats/1.png, dogs/1.png, …).`
        : `${source} has no class folders: its ${plural(topFiles.length, 'file')} sit at the top level. Put each class's images in a sub-folder named after the class (cats/1.png, dogs/1.png, …).`,
    );
  }
  if (topFiles.length > 0) {
    warnings.push(
      `Skipped ${plural(topFiles.length, 'file')} at the top level, not in a class folder: ${quoteList(topFiles)}.`,
    );
  }

  const files: IndexedFile[] = [];
  const notImages: string[] = [];
  const empty: string[] = [];
  classNames.forEach((name, label) => {
    const found: { path: string; file: ListedFile }[] = [];
    walk(node.dirs.get(name)!, name, found);
    let images = 0;
    for (const { path, file } of found) {
      if (!isImageName(path)) {
        notImages.push(path);
        continue;
      }
      files.push({ path, label, key: file.path, size: file.size });
      images++;
    }
    if (images === 0) empty.push(name);
  });
  if (notImages.length > 0) {
    warnings.push(
      `Skipped ${plural(notImages.length, 'file')} that ${notImages.length === 1 ? 'is' : 'are'} not .png, .jpg, .jpeg, .gif or .bmp: ${quoteList(notImages)}.`,
    );
  }
  const withImages = classNames.length - empty.length;
  if (withImages === 0) {
    return fail(
      `${source} holds no images (.png, .jpg, .jpeg, .gif or .bmp) in its class folders.`,
    );
  }
  if (withImages === 1) {
    const only = classNames.find((c) => !empty.includes(c));
    return fail(
      `Only one class folder in ${source} holds images ('${only}'): a classifier needs at least two. Add a sub-folder of images for each other class.`,
    );
  }
  if (empty.length > 0) {
    warnings.push(
      `${empty.length === 1 ? 'Class folder' : 'Class folders'} ${quoteList(empty)} ${empty.length === 1 ? 'holds' : 'hold'} no images: ${empty.length === 1 ? 'it stays a class' : 'they stay classes'} (as in Keras), but no sample has ${empty.length === 1 ? 'its' : 'their'} label.`,
    );
  }
  const bytes = files.reduce((sum, f) => sum + f.size, 0);
  return ok({ directory, classNames, files, bytes, warnings, notes });
}
