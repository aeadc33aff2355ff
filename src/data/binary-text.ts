/**
 * Bytes carried as a one-byte-per-character string. The data pipeline moves a shipped file to
 * the data worker as text (a CSV is text), so binary files such as MNIST's IDX travel the same
 * way: V8 stores such a string at one byte per character and copies it to a worker like any
 * other string. Latin-1 TextDecoder is not used: browsers map it to windows-1252, which changes
 * bytes 0x80–0x9F.
 */
export function bytesToBinaryText(parts: readonly Uint8Array[]): string {
  const chunks: string[] = [];
  // apply on typed-array chunks: spreading them into arguments is about 15× slower in V8.
  const STEP = 0x2000;
  for (const bytes of parts) {
    for (let i = 0; i < bytes.length; i += STEP) {
      chunks.push(
        String.fromCharCode.apply(null, bytes.subarray(i, i + STEP) as unknown as number[]),
      );
    }
  }
  return chunks.join('');
}

/** null when a character is not a byte: the text is not what bytesToBinaryText makes. */
export function binaryTextToBytes(text: string): Uint8Array | null {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) return null;
    out[i] = code;
  }
  return out;
}
