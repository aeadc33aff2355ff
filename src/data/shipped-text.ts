import type { ShippedId } from './config';
import type { DataContent } from './content';
import { gunzip } from './gzip';
import { SHIPPED } from './shipped';

/**
 * What parseShipped reads, from the bytes of the shipped file(s): a CSV as UTF-8 text (inflated
 * first when gzipped), MNIST's two IDX files inflated and joined as bytes. Getting the bytes is
 * the caller's job (fetch on the page, the file system in tests).
 */
export async function shippedText(
  id: ShippedId,
  getBytes: (file: string) => Promise<Uint8Array>,
): Promise<DataContent> {
  const info = SHIPPED[id];
  const main = await gunzip(await getBytes(info.file));
  if (info.format !== 'idx-pair') return new TextDecoder().decode(main);
  const labels = await gunzip(await getBytes(info.labelsFile ?? ''));
  const both = new Uint8Array(main.length + labels.length);
  both.set(main);
  both.set(labels, main.length);
  return both;
}
