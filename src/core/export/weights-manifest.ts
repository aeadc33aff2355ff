import { z } from 'zod';
import type { Result } from '../result';

/**
 * The weights part of a tfjs model.json (`weightsManifest`) and the .bin files it names, put
 * together as one buffer in manifest order, which is the order of model.weights in tfjs and
 * Keras. Pure: the page reads the files, the training worker turns this into tensors.
 */
const weightSpecSchema = z.object({
  name: z.string(),
  shape: z.array(z.number().int().nonnegative()),
  dtype: z.literal('float32'),
});

export type WeightSpec = z.infer<typeof weightSpecSchema>;

export const weightValues = (specs: readonly { shape: number[] }[]) =>
  specs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1), 0);

/**
 * Weights ready to load: `source` names the .bin files for messages, `data` holds float32
 * values, specs[0]'s first. Checked wherever they arrive from outside (the worker's protocol,
 * IndexedDB): the bytes must match the shapes.
 */
export const importedWeightsSchema = z
  .object({ source: z.string(), specs: z.array(weightSpecSchema), data: z.instanceof(ArrayBuffer) })
  .refine((w) => w.data.byteLength === 4 * weightValues(w.specs), {
    message: 'the weights data does not match its shapes',
  });

export type ImportedWeights = z.infer<typeof importedWeightsSchema>;

/** Far above what the layer limits allow (512 MB of weights and optimizer state). */
export const MAX_WEIGHT_BYTES = 256 * 1024 * 1024;

const manifestSchema = z.array(
  z.object({
    paths: z.array(z.string()).min(1),
    weights: z.array(
      z.object({
        name: z.string(),
        shape: z.array(z.number().int().nonnegative()),
        dtype: z.string().optional(),
        quantization: z.unknown().optional(),
      }),
    ),
  }),
);

export type WeightsManifest = z.infer<typeof manifestSchema>;

/** The file's weightsManifest; null when it has none (a Keras to_json() file). */
export function readWeightsManifest(doc: unknown): Result<WeightsManifest | null> {
  const raw = (doc as { weightsManifest?: unknown } | null)?.weightsManifest;
  if (raw === undefined) return { ok: true, value: null };
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue ? `weightsManifest.${issue.path.join('.')}` : 'weightsManifest';
    return { ok: false, reason: `${at} is not a tfjs weights manifest (${issue?.message ?? ''})` };
  }
  return { ok: true, value: parsed.data };
}

const baseName = (path: string) => path.split('/').pop() ?? path;

/**
 * Joins the chosen .bin files in the order the manifest names them. A single file for a
 * single path is taken whatever its name (downloads get renamed: "weights (1).bin").
 */
export function assembleWeights(
  manifest: WeightsManifest,
  files: readonly { name: string; bytes: ArrayBuffer }[],
  modelParams: number,
): Result<ImportedWeights> {
  const paths = manifest.flatMap((g) => g.paths);
  const specs = manifest.flatMap((g) => g.weights);
  const fail = (reason: string): Result<ImportedWeights> => ({ ok: false, reason });
  for (const s of specs) {
    if (s.quantization !== undefined)
      return fail(`weight '${s.name}' is quantized; export the model without quantization`);
    if ((s.dtype ?? 'float32') !== 'float32')
      return fail(`weight '${s.name}' is ${s.dtype ?? ''}; Layerlab reads float32 weights only`);
  }
  let ordered: { name: string; bytes: ArrayBuffer }[];
  if (paths.length === 1 && files.length === 1) ordered = [...files];
  else {
    ordered = [];
    for (const p of paths) {
      const file = files.find((f) => f.name === baseName(p));
      if (!file) return fail(`the manifest names '${baseName(p)}', which was not chosen`);
      ordered.push(file);
    }
  }
  const bytes = ordered.reduce((n, f) => n + f.bytes.byteLength, 0);
  const values = weightValues(specs);
  const source = ordered.map((f) => `'${f.name}'`).join(', ');
  if (bytes !== values * 4) {
    return fail(
      `${source} holds ${bytes.toLocaleString('en-US')} bytes, but the manifest describes ${values.toLocaleString('en-US')} float32 values (${(values * 4).toLocaleString('en-US')} bytes)`,
    );
  }
  if (values !== modelParams) {
    return fail(
      `the file has ${values.toLocaleString('en-US')} weight values, but the imported model has ${modelParams.toLocaleString('en-US')} parameters`,
    );
  }
  const data = new Uint8Array(bytes);
  let at = 0;
  for (const f of ordered) {
    data.set(new Uint8Array(f.bytes), at);
    at += f.bytes.byteLength;
  }
  return {
    ok: true,
    value: {
      source,
      specs: specs.map((s) => ({ name: s.name, shape: s.shape, dtype: 'float32' })),
      data: data.buffer,
    },
  };
}
