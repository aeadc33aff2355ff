import { unzipSync } from 'fflate';
import { fail, ok, type Result } from '../result';
import type { FolderListing } from './listing';

const why = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * The zip's table of contents, nothing inflated yet: sizes are checked against the limits before
 * any image is extracted. An archive fflate cannot read is an error that names the file.
 */
export function listZip(name: string, bytes: Uint8Array): Result<FolderListing> {
  const files: FolderListing['files'] = [];
  const dirs: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        if (f.name.endsWith('/')) dirs.push(f.name);
        else files.push({ path: f.name, size: f.originalSize });
        return false;
      },
    });
  } catch (err) {
    return fail(`'${name}' could not be read as a zip archive (${why(err)}).`);
  }
  return ok({ name, files, dirs, wrapped: false });
}

/** The bytes of the named entries; a damaged or unsupported entry fails the whole archive. */
export function extractZip(
  name: string,
  bytes: Uint8Array,
  paths: ReadonlySet<string>,
): Result<Record<string, Uint8Array>> {
  try {
    return ok(unzipSync(bytes, { filter: (f) => paths.has(f.name) }));
  } catch (err) {
    return fail(`'${name}' could not be unpacked (${why(err)}); zip it again and retry.`);
  }
}
