import * as tf from '@tensorflow/tfjs';
import type { ModelSpec } from '../../src/core/model-spec';
import { activateBackend } from '../../src/training/backends';
import type { BackendName } from '../../src/core/training/backend-names';
import type { TrainingData } from '../../src/core/training/training-data';
import { checksum, firstSamples, prepareRecipe } from './data';
import { EngineRun, engineFit, rebuildOnce, specOf } from './engine-run';
import { plainFit } from './fit';
import type { BenchRequest, MemorySnapshot, TrainRecipe } from './protocol';

/**
 * One worker per page load, one backend per worker (as in the app's worker): `setup` first, then
 * any of the other requests. Answers { id, ok, value } or { id, ok: false, error }.
 */
interface Ready {
  recipe: TrainRecipe;
  data: TrainingData;
  spec: ModelSpec;
  backend: string;
  run: EngineRun | null;
}
let ready: Ready | null = null;

function memory(): MemorySnapshot {
  const m = tf.memory() as tf.MemoryInfo & { numBytesInGPU?: number };
  return { numTensors: m.numTensors, numBytes: m.numBytes, gpuBytes: m.numBytesInGPU ?? null };
}

function need(): Ready {
  if (!ready) throw new Error('send setup first');
  return ready;
}

async function handle(req: BenchRequest): Promise<unknown> {
  switch (req.op) {
    case 'setup': {
      // The app's own backend activation (wasm paths, smoke test), so both start alike.
      const attempt = await activateBackend(req.backend as BackendName);
      if (!attempt.ok) throw new Error(attempt.reason);
      const data = prepareRecipe(req.recipe.dataset);
      ready = {
        recipe: req.recipe,
        data,
        spec: specOf(req.recipe.layers),
        backend: req.backend,
        run: null,
      };
      return { backend: tf.getBackend(), adapter: attempt.adapter, data: checksum(data) };
    }
    case 'fit': {
      const r = need();
      return { ...(await plainFit(r.data, r.recipe, req.epochs)), memory: memory() };
    }
    case 'engineFit': {
      const r = need();
      return engineFit(r.spec, r.data, r.recipe, r.backend, req.epochs, req.timeline);
    }
    case 'engineStart': {
      const r = need();
      r.run = new EngineRun(r.spec, firstSamples(r.data, req.samples), r.recipe, r.backend);
      return { ...(await r.run.start(req.epochs)), memory: memory() };
    }
    case 'engineEpoch': {
      const run = need().run;
      if (!run) throw new Error('send engineStart first');
      return { ...(await run.epoch()), memory: memory() };
    }
    case 'engineStop': {
      const r = need();
      await r.run?.stop();
      const notices = r.run?.notices ?? [];
      r.run = null;
      return { memory: memory(), notices };
    }
    case 'rebuild': {
      const r = need();
      rebuildOnce(r.spec, r.recipe.seed);
      return memory();
    }
    case 'memory':
      return memory();
  }
}

self.addEventListener('message', (e: MessageEvent<{ id: number; req: BenchRequest }>) => {
  const { id, req } = e.data;
  const reply = (m: object) => (self as unknown as Worker).postMessage({ id, ...m });
  handle(req).then(
    (value) => reply({ ok: true, value }),
    (err: unknown) => reply({ ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
});
