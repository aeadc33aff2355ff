import { z } from 'zod';
import { BACKEND_CHOICES, BACKEND_NAMES } from './backend-names';

/**
 * The typed bridge between the page and the training worker. Both directions are unions on
 * `type` and are validated on arrival: a malformed message is reported, never acted upon.
 */
const backendName = z.enum(BACKEND_NAMES);

export const adapterInfoSchema = z.object({
  vendor: z.string(),
  architecture: z.string(),
  description: z.string(),
  isFallbackAdapter: z.boolean(),
});
export type AdapterInfo = z.infer<typeof adapterInfoSchema>;

export const backendReportSchema = z.object({
  name: backendName,
  adapter: adapterInfoSchema.nullable(),
  skipped: z.array(z.object({ name: backendName, reason: z.string() })),
});
export type BackendReport = z.infer<typeof backendReportSchema>;

export const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('init'), backend: z.enum(BACKEND_CHOICES) }),
]);
export type WorkerRequest = z.infer<typeof requestSchema>;

export const eventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('backend'), report: backendReportSchema }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type WorkerEvent = z.infer<typeof eventSchema>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

function parseWith<T>(schema: z.ZodType<T>, what: string, data: unknown): Parsed<T> {
  const r = schema.safeParse(data);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return { ok: false, reason: `Malformed ${what}${where}: ${issue?.message ?? 'invalid'}` };
}

export const parseRequest = (data: unknown) =>
  parseWith(requestSchema, 'request to the worker', data);
export const parseEvent = (data: unknown) =>
  parseWith(eventSchema, 'message from the worker', data);
