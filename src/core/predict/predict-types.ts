import { z } from 'zod';
import { float32Array } from '../training/training-data';

/**
 * One prediction asked of the trainer (it holds the model) and answered at once, between
 * batches while a run trains, on the kept model after it ends: the drawing pad and "try an
 * input" send what the user drew or typed, already transformed as the data preparation does.
 */
const requestId = z.int().min(1);

export const predictRequestSchema = z.object({
  type: z.literal('predict'),
  requestId,
  /** The run whose model predicts: the one training, or the last one that finished. */
  runId: z.int().min(1),
  /** One sample as the model sees it (normalised), flattened like the training data. */
  input: float32Array,
  sampleShape: z.array(z.int().min(1)).min(1).max(4),
});

export const predictReplySchema = z.object({
  type: z.literal('predict'),
  requestId,
  /** Why it could not predict; null when it did. */
  message: z.string().nullable(),
  /** The model's output units for the sample, as it computes them. */
  outputs: z.array(z.number()).max(10_000),
});
export type PredictReply = z.infer<typeof predictReplySchema>;
export type PredictRequest = z.infer<typeof predictRequestSchema>;
