import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEMPLATES, templateSpec, type TemplateId } from '../core/templates';
import { defaultTrainingSettings } from '../core/training/settings';
import { prepareDataset } from '../data/prepare';
import { parseShipped, SHIPPED } from '../data/shipped';
import { shippedText } from '../data/shipped-text';
import type { WorkerEvent, WorkerRequest } from '../core/training/protocol';
import { createEngine } from './engine';

/**
 * The image templates promise an accuracy with their own settings on their own data. Minutes
 * of training, so it runs only when asked: LAYERLAB_SLOW=1 npx vitest run <this file>.
 */
const slow = process.env.LAYERLAB_SLOW === '1';
const bytes = async (file: string) =>
  new Uint8Array(
    readFileSync(fileURLToPath(new URL(`../../public/data/${file}`, import.meta.url))),
  );

/** Like engine-run's runToEnd, but says each epoch as it ends: a run here takes minutes. */
function run(req: Extract<WorkerRequest, { type: 'start' }>, id: string): Promise<WorkerEvent[]> {
  const events: WorkerEvent[] = [];
  const started = performance.now();
  return new Promise((resolve) => {
    const engine = createEngine(
      (e) => {
        events.push(e);
        if (e.type === 'epoch') {
          const s = ((performance.now() - started) / 1000).toFixed(0);
          const acc = e.result.valMetrics.accuracy ?? 0;
          console.log(`${id} epoch ${e.result.epoch}: val accuracy ${acc.toFixed(4)} at ${s} s`);
        }
        if (e.type === 'done') resolve(events);
      },
      { yieldNow: () => Promise.resolve(), probeEveryMs: 1e9 },
    );
    engine.handle(req);
  });
}

async function bestValAccuracy(id: TemplateId): Promise<number> {
  const t = TEMPLATES.find((x) => x.id === id);
  if (!t?.data) throw new Error(`template ${id} picks no data`);
  const table = parseShipped(t.data.id, await shippedText(t.data.id, bytes));
  if (!table.ok) throw new Error(table.reason);
  const data = prepareDataset(table.value, SHIPPED[t.data.id].config);
  if (!data.ok) throw new Error(data.reason);
  const settings = {
    ...defaultTrainingSettings,
    ...t.training,
    loss: data.value.suggestedOutput.loss,
  };
  const started = performance.now();
  const events = await run(
    {
      type: 'start',
      runId: 1,
      backend: (process.env.LAYERLAB_BACKEND as 'cpu' | 'wasm' | undefined) ?? 'cpu',
      spec: templateSpec(id),
      data: data.value,
      settings,
      paused: false,
      probeInputs: null,
    },
    id,
  );
  const accuracies = events.flatMap((e) =>
    e.type === 'epoch' ? [e.result.valMetrics.accuracy ?? 0] : [],
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(
    `${id}: validation accuracy per epoch ${accuracies.map((a) => a.toFixed(4)).join(' ')} (${seconds} s)`,
  );
  expect(events.at(-1)).toMatchObject({ type: 'done', outcome: 'finished' });
  return accuracies.at(-1) ?? 0;
}

describe.skipIf(!slow)('image templates reach their promised accuracy (slow)', () => {
  it('MNIST CNN: at least 95% on MNIST validation', { timeout: 1_800_000 }, async () => {
    expect(await bestValAccuracy('mnist-cnn')).toBeGreaterThanOrEqual(0.95);
  });
  it('Digits MLP: at least 93% on UCI digits validation', { timeout: 600_000 }, async () => {
    expect(await bestValAccuracy('digits-mlp')).toBeGreaterThanOrEqual(0.93);
  });
});
