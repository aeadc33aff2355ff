import { useContext, useEffect, useState } from 'react';
import type { PredictReply } from '../../core/predict/predict-types';
import { ChartsOnScreen } from '../../store/charts-on-screen';
import { pageClock } from '../../store/redraw-clock';
import { useAppStore } from '../../store/store';
import { createPredictionPump } from './prediction-pump';

/** At most one request in flight and one every this many ms: training keeps the worker's time. */
export const PREDICT_GAP_MS = 100;
/**
 * While a run trains, the model is asked again at most this often: twice a second is enough to
 * watch the bars move, and each answer costs the worker a pass between batches and the page a
 * render and a frame of its own (at the 20 updates a second a run sends, that was a tenth of
 * the page's main thread).
 */
export const FOLLOW_RUN_MS = 500;

export interface Prediction {
  /** The model's outputs for the latest input answered; null before the first answer. */
  outputs: number[] | null;
  /** Why the trainer could not predict; null when it did. */
  message: string | null;
}

const NONE: Prediction = { outputs: null, message: null };

/**
 * The live prediction of run `runId`'s model for `input`: asked again when the input changes,
 * and while the run trains whenever it moves on (the worker answers between batches), so the
 * bars follow the model as it learns. While off screen it asks nothing.
 */
export function usePrediction(
  runId: number | null,
  input: Float32Array | null,
  sampleShape: readonly number[],
): Prediction {
  const [reply, setReply] = useState<PredictReply | null>(null);
  const onScreen = useContext(ChartsOnScreen);
  const [pump] = useState(() => {
    // Answers are shown on the page's redraw clock, in the frame the charts draw in.
    let latest: PredictReply | null = null;
    const show = () => latest && setReply(latest);
    const onReply = (r: PredictReply) => {
      latest = r;
      pageClock.schedule(show);
    };
    return createPredictionPump(
      (req) => useAppStore.getState().predictRequest(req),
      onReply,
      PREDICT_GAP_MS,
    );
  });

  useEffect(() => {
    if (!onScreen) return;
    pump.start();
    let lastPoke = -Infinity;
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      const moved = s.run.progress !== prev.run.progress;
      if (s.run.status !== prev.run.status || (moved && Date.now() - lastPoke >= FOLLOW_RUN_MS)) {
        lastPoke = Date.now();
        pump.poke();
      }
    });
    return () => {
      unsubscribe();
      pump.stop();
    };
  }, [onScreen, pump]);

  useEffect(() => {
    pump.set(input && runId !== null ? { runId, input, sampleShape: [...sampleShape] } : null);
  }, [pump, runId, input, sampleShape, onScreen]);

  if (!input || runId === null || !reply) return NONE;
  return { outputs: reply.message ? null : reply.outputs, message: reply.message };
}
