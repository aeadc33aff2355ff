import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * ONNX and PyTorch exports of a model trained in the app, checked for real: onnx.checker and
 * ONNX Runtime run the downloaded .onnx, torch runs the downloaded script with the weights
 * downloaded beside it, and the two agree. A model ONNX cannot express shows why, disabled.
 */

/** The test toolchain's Python (scripts/python-env.mjs makes or finds it), or why there is none. */
function python(): { ok: true; python: string } | { ok: false; reason: string } {
  const r = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "const m = await import('./scripts/python-env.mjs'); console.log(JSON.stringify(m.ensurePythonEnv()));",
    ],
    { encoding: 'utf8', timeout: 600_000 },
  );
  try {
    return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '') as ReturnType<typeof python>;
  } catch {
    return { ok: false, reason: `scripts/python-env.mjs failed: ${r.stderr.slice(-500)}` };
  }
}

const CHECK = `
import json, os, sys, types
import numpy as np, onnx, onnxruntime, torch

onnx_path, script_path = sys.argv[1], sys.argv[2]
onnx.checker.check_model(onnx.load(onnx_path), full_check=True)
session = onnxruntime.InferenceSession(onnx_path, providers=["CPUExecutionProvider"])
inp = session.get_inputs()[0]
x = np.random.default_rng(0).uniform(-1, 1, (6, *inp.shape[1:])).astype(np.float32)
y_onnx = session.run(None, {inp.name: x})[0]
os.chdir(os.path.dirname(script_path))
module = types.ModuleType("exported")
exec(compile(open(script_path, encoding="utf-8").read(), script_path, "exec"), module.__dict__)
model = module.LayerlabModel()
module.load_tfjs_weights(model, module.WEIGHTS_PATH)
model.eval()
with torch.no_grad():
    y_torch = model(torch.from_numpy(x)).numpy()
print(json.dumps({"input": inp.name, "shape": list(y_onnx.shape), "onnx": y_onnx.ravel().tolist(),
                  "diff": float(np.abs(y_onnx - y_torch).max())}))
`;

async function downloads(page: Page, count: number, click: () => Promise<void>) {
  const got: Download[] = [];
  const listener = (d: Download) => void got.push(d);
  page.on('download', listener);
  await click();
  await expect.poll(() => got.length).toBe(count);
  page.off('download', listener);
  return got;
}

test('a trained model exports as ONNX and as a PyTorch script that run and agree', async ({
  page,
  share,
  training,
}) => {
  test.setTimeout(240_000);
  const env = python();
  // In CI the toolchain must be there; elsewhere the test says why it cannot check the files.
  if (!process.env['CI']) test.skip(!env.ok, env.ok ? '' : env.reason);
  if (!env.ok) throw new Error(env.reason);

  await training.goto();
  const onnxEntry = share.toolbar.getByRole('button', { name: /^ONNX \(\.onnx\)/ });
  await share.button('Export').click();
  await expect(onnxEntry).toBeDisabled();
  await expect(onnxEntry).toContainText('Train the model first');
  await share.button('Export').click();

  await training.chooseBackend('CPU');
  await training.quickRun(2);
  await training.button('Train').click();
  await training.expectStatus('Finished');

  const folder = test.info().outputPath('export');
  mkdirSync(folder, { recursive: true });
  await share.button('Export').click();
  await expect(onnxEntry).toBeEnabled();
  await expect(onnxEntry).toContainText('ONNX Runtime');
  const [onnx] = await downloads(page, 1, () => onnxEntry.click());
  expect(onnx?.suggestedFilename()).toMatch(/\.onnx$/);
  const onnxPath = join(folder, onnx?.suggestedFilename() ?? 'model.onnx');
  await onnx?.saveAs(onnxPath);

  await share.button('Export').click();
  const torchEntry = share.toolbar.getByRole('button', { name: /^PyTorch script \(\.py\)/ });
  await expect(torchEntry).toContainText('loads the trained weights');
  const files = await downloads(page, 3, () => torchEntry.click());
  const names = files.map((d) => d.suggestedFilename());
  expect(names).toEqual([expect.stringMatching(/_pytorch\.py$/), 'model.json', 'weights.bin']);
  for (const d of files) await d.saveAs(join(folder, d.suggestedFilename()));

  const checkPath = join(folder, 'check.py');
  writeFileSync(checkPath, CHECK);
  const run = spawnSync(env.python, [checkPath, onnxPath, join(folder, names[0] ?? '')], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(run.status, run.stderr.slice(-3000)).toBe(0);
  const result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as {
    input: string;
    shape: number[];
    onnx: number[];
    diff: number;
  };
  expect(result.input).toBe('input');
  expect(result.shape[0]).toBe(6);
  expect(result.onnx.every(Number.isFinite)).toBe(true);
  // Two writers, one trained download: ONNX Runtime and torch predict the same.
  expect(result.diff).toBeLessThanOrEqual(1e-5);
});

test('a model ONNX cannot express shows why in its disabled entry', async ({ builder, share }) => {
  await builder.goto();
  await builder.loadTemplate('LSTM forecaster');
  await builder.select('lstm (LSTM)');
  await builder.inspector.getByRole('combobox', { name: /^activation/ }).selectOption('swish');
  await share.button('Export').click();
  const onnxEntry = share.toolbar.getByRole('button', { name: /^ONNX \(\.onnx\)/ });
  await expect(onnxEntry).toBeDisabled();
  await expect(onnxEntry).toContainText(
    "Not available: LSTM 'lstm' uses swish, which ONNX's LSTM operator cannot run",
  );
  // The other formats stay available.
  await expect(share.toolbar.getByRole('button', { name: /^PyTorch script/ })).toBeEnabled();
});
