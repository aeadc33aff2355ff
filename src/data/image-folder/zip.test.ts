import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractZip, listZip } from './zip';

describe('listZip / extractZip', () => {
  const bytes = zipSync({ a: { '1.png': strToU8('one') }, b: { '2.png': strToU8('two!') }, e: {} });

  it('lists files with their unpacked sizes and folders, inflating nothing', () => {
    const r = listZip('x.zip', bytes);
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.files).toEqual([
      { path: 'a/1.png', size: 3 },
      { path: 'b/2.png', size: 4 },
    ]);
    expect(r.value.dirs).toEqual(['a/', 'b/', 'e/']);
    expect(r.value.wrapped).toBe(false);
  });

  it('extracts only the entries asked for', () => {
    const r = extractZip('x.zip', bytes, new Set(['b/2.png']));
    if (!r.ok) throw new Error(r.reason);
    expect(Object.keys(r.value)).toEqual(['b/2.png']);
    expect(new TextDecoder().decode(r.value['b/2.png'])).toBe('two!');
  });

  it('names a file that is not a zip', () => {
    const r = listZip('photos.zip', strToU8('this is no archive at all, just some text'));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.reason).toMatch(/^'photos\.zip' could not be read as a zip archive \(.+\)\.$/);
  });

  it('names an archive whose data is damaged', () => {
    const good = zipSync({ a: { '1.png': strToU8('x'.repeat(500)) } }, { level: 9 });
    const bad = good.slice();
    // Corrupt the deflate stream just after the file's local header (its name, then the data).
    const name = strToU8('a/1.png');
    const at = good.findIndex((_, i) => name.every((c, k) => good[i + k] === c));
    for (let i = at + name.length; i < at + name.length + 8; i++) bad[i] = 0xff;
    const r = extractZip('bad.zip', bad, new Set(['a/1.png']));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/^'bad\.zip' could not be unpacked \(.+\); zip it again/);
  });
});
