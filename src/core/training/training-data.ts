import { z } from 'zod';

/**
 * The part of src/data's PreparedData that training needs (structurally the same fields, so a
 * PreparedData can be passed as is). Sizes are checked against the shapes: a worker must never
 * read past a buffer because a message lied about its shape.
 */
/** Any Float32Array (z.instanceof would narrow it to one backed by a plain ArrayBuffer). */
export const float32Array = z.custom<Float32Array>((v) => v instanceof Float32Array, {
  message: 'must be a Float32Array',
});
const dims = z.array(z.int().min(1).max(1_000_000));
const product = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

export const trainingDataSchema = z
  .object({
    x: float32Array,
    /** [samples, ...one sample's shape] */
    xShape: dims.min(2).max(4),
    y: float32Array,
    /** [samples, k]: one-hot classes, or k = 1 for a value / class code. */
    yShape: dims.length(2),
    /** The first trainCount samples train; the rest validate. */
    trainCount: z.int().min(1),
    numClasses: z.int().min(0).max(10_000),
  })
  .superRefine((d, ctx) => {
    const problem = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (d.x.length !== product(d.xShape))
      problem(
        'x',
        `holds ${d.x.length} values but xShape [${d.xShape.join(', ')}] needs ${product(d.xShape)}`,
      );
    if (d.y.length !== product(d.yShape))
      problem(
        'y',
        `holds ${d.y.length} values but yShape [${d.yShape.join(', ')}] needs ${product(d.yShape)}`,
      );
    if (d.yShape[0] !== d.xShape[0])
      problem('yShape', 'has a different number of samples than xShape');
    if (d.trainCount > (d.xShape[0] ?? 0))
      problem('trainCount', 'is larger than the number of samples');
  });
export type TrainingData = z.infer<typeof trainingDataSchema>;

export const sampleSize = (d: Pick<TrainingData, 'xShape'>): number => product(d.xShape.slice(1));
export const sampleCount = (d: Pick<TrainingData, 'xShape'>): number => d.xShape[0] ?? 0;
