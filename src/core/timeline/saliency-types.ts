import { z } from 'zod';
import { float32Array } from '../training/training-data';

/** Saliency for one sample, asked of the trainer (it holds the model) and answered at once. */
export const SALIENCY_METHODS = ['gradient', 'integrated'] as const;
export type SaliencyMethod = (typeof SALIENCY_METHODS)[number];

const requestId = z.int().min(1);

export const saliencyRequestSchema = z.object({
  type: z.literal('saliency'),
  requestId,
  /** The run whose model to explain: the one training, or the last one that finished. */
  runId: z.int().min(1),
  /** The sample as the model sees it (normalised), flattened like the training data. */
  input: float32Array,
  sampleShape: z.array(z.int().min(1)).min(1).max(4),
  method: z.enum(SALIENCY_METHODS),
  steps: z.int().min(2).max(256),
});

export const saliencyReplySchema = z.object({
  type: z.literal('saliency'),
  requestId,
  /** Why it could not be computed; null when it was. */
  message: z.string().nullable(),
  values: float32Array.nullable(),
  target: z.int().min(0),
  outputs: z.array(z.number()).max(10_000),
});
export type SaliencyReply = z.infer<typeof saliencyReplySchema>;
export type SaliencyRequest = z.infer<typeof saliencyRequestSchema>;
