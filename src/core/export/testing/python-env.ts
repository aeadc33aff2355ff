/**
 * Finds a Python for the tests that check generated scripts: LAYERLAB_PYTHON if set, else
 * python3. Keras needs a backend; KERAS_BACKEND is honoured, else the first one installed.
 * Test-only (Node): nothing in the app imports this file.
 */
import { spawnSync } from 'node:child_process';

export const PYTHON = process.env['LAYERLAB_PYTHON'] ?? 'python3';

export function runPython(
  code: string,
  opts: { input?: string; env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {},
) {
  const r = spawnSync(PYTHON, ['-c', code], {
    input: opts.input ?? '',
    env: { ...process.env, ...opts.env },
    cwd: opts.cwd,
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

export const hasPython = runPython('import ast').status === 0;

/** The Keras backend to use, or null when Keras cannot be imported with any (slow: call once). */
export function findKerasBackend(): string | null {
  if (!hasPython) return null;
  const candidates = process.env['KERAS_BACKEND']
    ? [process.env['KERAS_BACKEND']]
    : ['tensorflow', 'jax', 'torch'];
  const found = candidates.find(
    (b) =>
      runPython('import keras', { env: { KERAS_BACKEND: b }, timeoutMs: 120_000 }).status === 0,
  );
  return found ?? null;
}
