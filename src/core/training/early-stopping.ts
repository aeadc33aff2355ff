import { z } from 'zod';

/**
 * Keras' EarlyStopping (mode 'min'), as a pure tracker the training loop asks after each epoch.
 * Keras counts an epoch as an improvement when `current < best - min_delta`; every other epoch
 * adds one to `wait`, and training stops once `wait >= patience`, never after the first epoch.
 * A monitor with no value (val_loss without a validation split) never stops a run, as in Keras.
 * restore_best_weights, baseline and start_from_epoch are not offered.
 */
export const EARLY_STOPPING_MONITORS = ['val_loss', 'loss'] as const;
export type EarlyStoppingMonitor = (typeof EARLY_STOPPING_MONITORS)[number];

export const earlyStoppingSchema = z.object({
  monitor: z.enum(EARLY_STOPPING_MONITORS),
  patience: z.int().min(0).max(1000),
  min_delta: z.number().min(0).max(1e6),
});
export type EarlyStopping = z.infer<typeof earlyStoppingSchema>;

export const defaultEarlyStopping: EarlyStopping = {
  monitor: 'val_loss',
  patience: 3,
  min_delta: 0,
};

export interface EarlyStopper {
  /** Called after each epoch (1-based) with its losses; true: stop training now. */
  afterEpoch(epoch: number, losses: { loss: number; valLoss: number | null }): boolean;
  /** Why the run stopped, once afterEpoch said to. */
  readonly reason: string | null;
  readonly bestEpoch: number | null;
}

export function earlyStopper(es: EarlyStopping): EarlyStopper {
  let best: number | null = null;
  let bestEpoch: number | null = null;
  let wait = 0;
  let reason: string | null = null;
  return {
    afterEpoch(epoch, losses) {
      const current = es.monitor === 'loss' ? losses.loss : losses.valLoss;
      if (current === null || Number.isNaN(current)) return false;
      wait += 1;
      if (best === null || current + es.min_delta < best) {
        best = current;
        bestEpoch = epoch;
        wait = 0;
        return false;
      }
      if (wait >= es.patience && epoch > 1) {
        const by = es.min_delta > 0 ? ` by more than ${es.min_delta}` : '';
        reason =
          `Early stopping: ${es.monitor} did not improve${by} for ${wait} epoch${wait === 1 ? '' : 's'} ` +
          `(best at epoch ${bestEpoch}), so training stopped after epoch ${epoch}.`;
        return true;
      }
      return false;
    },
    get reason() {
      return reason;
    },
    get bestEpoch() {
      return bestEpoch;
    },
  };
}
