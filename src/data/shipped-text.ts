import { bytesToBinaryText } from './binary-text';
import type { ShippedId } from './config';
import { gunzip } from './gzip';
import { SHIPPED } from './shipped';

/**
 * The text parseShipped reads, from the bytes of the shipped file(s): a CSV as UTF-8 (inflated
 * first when gzipped), MNIST's two IDX files inflated and packed as binary text. Getting the
 * bytes is the caller's job (fetch on the page, the file system in tests).
 */
export async function shippedText(
  id: ShippedId,
  getBytes: (file: string) => Promise<Uint8Array>,
): Promise<string> {
  const info = SHIPPED[id];
  const main = await gunzip(await getBytes(info.file));
  if (info.format !== 'idx-pair') return new TextDecoder().decode(main);
  const labels = await gunzip(await getBytes(info.labelsFile ?? ''));
  return bytesToBinaryText([main, labels]);
}
