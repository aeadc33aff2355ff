import type { ImageSource } from '../../../data/image-folder/index';
import { fail, ok, type Result } from '../../../data/result';

const isZip = (f: File) => /\.zip$/i.test(f.name) || f.type === 'application/zip';

/** A folder picked with <input webkitdirectory>: each path starts with the folder's name. */
export function sourceFromPickedFolder(files: FileList | readonly File[]): Result<ImageSource> {
  const list = [...files];
  if (list.length === 0) return fail('The chosen folder holds no files.');
  const paths = list.map((f) => f.webkitRelativePath || f.name);
  const name = paths[0]!.split('/')[0]!;
  return ok({
    kind: 'files',
    name,
    files: list.map((blob, i) => ({ path: paths[i]!, blob })),
    dirs: [],
    wrapped: paths.every((p) => p.includes('/')),
  });
}

export function sourceFromZip(file: File): Result<ImageSource> {
  if (!isZip(file)) return fail(`'${file.name}' is not a .zip file. Choose a .zip, or a folder.`);
  return ok({ kind: 'zip', name: file.name, blob: file });
}

function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  // readEntries answers in batches (100 in Chromium) until it answers with none.
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) return resolve(all);
        all.push(...batch);
        next();
      }, reject);
    next();
  });
}

const fileOf = (entry: FileSystemFileEntry) =>
  new Promise<File>((resolve, reject) => entry.file(resolve, reject));

async function walk(
  entry: FileSystemEntry,
  out: { path: string; blob: Blob }[],
  dirs: string[],
): Promise<void> {
  const path = entry.fullPath.replace(/^\//, '');
  if (entry.isFile) {
    out.push({ path, blob: await fileOf(entry as FileSystemFileEntry) });
  } else if (entry.isDirectory) {
    dirs.push(`${path}/`);
    const children = await readAll((entry as FileSystemDirectoryEntry).createReader());
    for (const child of children) await walk(child, out, dirs);
  }
}

/**
 * What was dropped: one .zip, one folder (the directory), or several folders (its classes).
 * Browsers that offer no entries for the drop fall back to its files, where only a zip works.
 */
export async function sourceFromDrop(data: DataTransfer): Promise<Result<ImageSource>> {
  const entries = [...data.items]
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.())
    .filter((e): e is FileSystemEntry => !!e);
  const files = [...data.files];
  if (entries.length === 0 || (entries.length === 1 && entries[0]!.isFile)) {
    if (files.length === 1) return sourceFromZip(files[0]!);
    return fail('Drop one folder of class folders, or one .zip file.');
  }
  const out: { path: string; blob: Blob }[] = [];
  const dirs: string[] = [];
  try {
    for (const entry of entries) await walk(entry, out, dirs);
  } catch {
    return fail('The dropped folder could not be read; choose it with “Image folder…” instead.');
  }
  const single = entries.length === 1 && entries[0]!.isDirectory;
  return ok({
    kind: 'files',
    name: single ? entries[0]!.name : `${entries.length} dropped items`,
    files: out,
    dirs,
    wrapped: single,
  });
}
