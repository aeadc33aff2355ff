import { parseSweepDefinition, type SweepDefinition } from '../sweep/definition';

/**
 * The sweep definition a link may carry (`sweep`, beside the four sections): optional, so older
 * links and links without a sweep read as before. A bad one is left out with a sentence saying
 * why; the experiment itself still opens.
 */
export function readSweepSection(raw: unknown, ignored: string[]): SweepDefinition | undefined {
  if (raw === undefined) return undefined;
  const r = parseSweepDefinition(raw);
  if (r.ok) return r.value;
  ignored.push(`link.sweep: ${r.reason} The sweep was left out.`);
  return undefined;
}
