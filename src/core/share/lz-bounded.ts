/**
 * lz-string's decompressFromEncodedURIComponent with an output cap. The library has none, and
 * LZ output can grow quadratically: a 15 KB hash unpacks to 30 million characters (0.4 s, 60 MB)
 * before any size check could run. This port stops as soon as the output passes `maxLength`.
 * Same algorithm and quirks as lz-string 1.5.0 (checked against it by the property tests).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE = new Map([...ALPHABET].map((ch, i) => [ch, i]));

export type Unpacked = { ok: true; text: string } | { ok: false; why: 'damaged' | 'too-long' };

const BITS_PER_CHAR = 6;
const RESET = 1 << (BITS_PER_CHAR - 1);

export function decompressBounded(encoded: string, maxLength: number): Unpacked {
  if (encoded === '') return { ok: false, why: 'damaged' };
  const input = encoded.replace(/ /g, '+');
  const value = (i: number) => VALUE.get(input.charAt(i)) ?? 0;
  let val = value(0);
  let position = RESET;
  let index = 1;
  const read = (n: number): number => {
    let bits = 0;
    for (let power = 1; power !== 1 << n; power <<= 1) {
      const bit = val & position;
      position >>= 1;
      if (position === 0) {
        position = RESET;
        val = value(index++);
      }
      if (bit > 0) bits |= power;
    }
    return bits;
  };

  const dictionary: string[] = [];
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  const first = read(2);
  if (first > 1) return { ok: false, why: 'damaged' };
  let w = String.fromCharCode(read(first === 0 ? 8 : 16));
  dictionary[3] = w;
  const result = [w];
  let length = w.length;
  for (;;) {
    if (index > input.length) return { ok: false, why: 'damaged' };
    let c = read(numBits);
    if (c === 2) return { ok: true, text: result.join('') };
    if (c === 0 || c === 1) {
      dictionary[dictSize++] = String.fromCharCode(read(c === 0 ? 8 : 16));
      c = dictSize - 1;
      enlargeIn--;
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    const known = dictionary[c];
    let entry: string;
    if (known !== undefined && known !== '') entry = known;
    else if (c === dictSize) entry = w + w.charAt(0);
    else return { ok: false, why: 'damaged' };
    length += entry.length;
    if (length > maxLength) return { ok: false, why: 'too-long' };
    result.push(entry);
    dictionary[dictSize++] = w + entry.charAt(0);
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}
