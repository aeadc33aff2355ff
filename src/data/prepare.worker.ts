/// <reference lib="webworker" />
import { createPreparer, transferablesOf, type PrepareRequest } from './preparer';

/**
 * Thin on purpose: parsing a large CSV and cutting windows take seconds, so they run here and
 * the page stays responsive. The preparer validates the configuration it is given.
 */
const preparer = createPreparer();

self.addEventListener('message', (e: MessageEvent<PrepareRequest>) => {
  let reply;
  try {
    reply = preparer.handle(e.data);
  } catch (err) {
    // A bug, not a user error: report it as a sentence, never as a stack trace on the page.
    const reason = `Preparing the data failed unexpectedly (${err instanceof Error ? err.message : String(err)}).`;
    reply = { id: e.data.id, loaded: { ok: false as const, reason }, prepared: null };
  }
  self.postMessage(reply, transferablesOf(reply));
});
