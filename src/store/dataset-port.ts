import { SHIPPED, type ShippedId } from '../data/index';
import type { DataContent } from '../data/content';
import type { Result } from '../data/result';
import { shippedText } from '../data/shipped-text';
import { createPreparer, type PrepareReply, type PrepareRequest } from '../data/preparer';

/**
 * Where the dataset slice sends its work. The data panel attaches a worker-backed port (see
 * features/dataset/data-worker.ts); until then, and in unit tests, the page does it itself.
 */
export interface PrepareJob extends Omit<PrepareRequest, 'text'> {
  /** Always the full text or bytes; a port decides whether the other side needs them again. */
  text: DataContent | null;
}

export interface DataPort {
  /** null when a newer job replaced this one before it ran. */
  prepare(job: PrepareJob): Promise<Result<PrepareReply> | null>;
  fetchShipped(id: ShippedId): Promise<Result<DataContent>>;
}

/** The shipped files come from the app's own origin, so they load offline as well. */
export async function fetchShippedText(id: ShippedId): Promise<Result<DataContent>> {
  const info = SHIPPED[id];
  const failed = (why: string): Result<DataContent> => ({
    ok: false,
    reason: `The data '${info.title}' (${info.file}) could not be loaded (${why}); reload the page and try again.`,
  });
  if (typeof fetch !== 'function') return failed('this page cannot fetch files');
  const getBytes = async (file: string) => {
    const res = await fetch(`${import.meta.env.BASE_URL}data/${file}`);
    if (!res.ok) throw new Error(`the server answered ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  };
  try {
    return { ok: true, value: await shippedText(id, getBytes) };
  } catch (err) {
    return failed(err instanceof Error ? err.message : String(err));
  }
}

export function createPagePort(): DataPort {
  const preparer = createPreparer();
  return {
    prepare: async (job) => ({ ok: true, value: preparer.handle(job) }),
    fetchShipped: fetchShippedText,
  };
}
