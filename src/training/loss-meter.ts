import * as tf from '@tensorflow/tfjs';
import type { BatchLoss } from '../core/training/protocol';

/** A batch's [loss, ...metrics], still on the backend, waiting to be read with the others. */
export interface PendingBatch {
  values: tf.Tensor1D;
  epoch: number;
  batch: number;
  size: number;
}

/**
 * Holds the per-batch loss tensors and reads them in bulk (one stack + one async data() per
 * flush) instead of syncing the GPU every batch; keeps per-epoch sample-weighted sums as Keras does.
 */
export class LossMeter {
  private pending: PendingBatch[] = [];
  private reported: BatchLoss[] = [];
  private sums: number[] = [];
  private samples = 0;

  constructor(private readonly metricCount: number) {
    this.startEpoch();
  }

  startEpoch(): void {
    this.sums = new Array<number>(1 + this.metricCount).fill(0);
    this.samples = 0;
  }

  push(batch: PendingBatch): void {
    this.pending.push(batch);
  }

  /** Reads what is pending; returns the first batch whose loss is NaN or infinite. */
  async flush(): Promise<{ epoch: number; batch: number; loss: number } | null> {
    const batches = this.pending;
    if (batches.length === 0) return null;
    this.pending = [];
    const tensors = batches.map((b) => b.values);
    const stacked = tf.stack(tensors);
    let values: Float32Array | Int32Array | Uint8Array;
    try {
      values = await stacked.data();
    } finally {
      stacked.dispose();
      tf.dispose(tensors);
    }
    const width = 1 + this.metricCount;
    for (const [i, b] of batches.entries()) {
      const loss = values[i * width] ?? NaN;
      if (!Number.isFinite(loss)) return { epoch: b.epoch, batch: b.batch, loss };
      this.reported.push({ epoch: b.epoch, batch: b.batch, loss });
      for (let j = 0; j < width; j++)
        this.sums[j] = (this.sums[j] ?? 0) + (values[i * width + j] ?? 0) * b.size;
      this.samples += b.size;
    }
    return null;
  }

  /** The batch losses read since the last call. */
  takeReported(): BatchLoss[] {
    const out = this.reported;
    this.reported = [];
    return out;
  }

  /** Sample-weighted means of [loss, ...metrics] over the epoch so far. */
  epochMeans(): number[] {
    return this.sums.map((s) => (this.samples > 0 ? s / this.samples : NaN));
  }

  dispose(): void {
    tf.dispose(this.pending.map((b) => b.values));
    this.pending = [];
  }
}
