/** Every gzip member starts with these two bytes (RFC 1952). */
export const isGzip = (bytes: Uint8Array): boolean =>
  bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * Inflates gzip bytes with the platform's DecompressionStream (browsers, workers, Node 18+).
 * Bytes without the gzip signature come back as they are: a server that sent the file with
 * Content-Encoding: gzip has already inflated it.
 */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  const stream = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
