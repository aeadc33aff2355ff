/**
 * The Pythons that export tests run generated code in, as scripts/vitest-python.mjs (the vitest
 * globalSetup) found or made them. Test-only (Node): nothing in the app imports this file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

export type PythonEnv =
  | {
      ok: true;
      python: string;
      backend: string;
      versions: { keras: string; backend: string; numpy: string };
      made: boolean;
      /** Where JAX keeps compiled kernels between runs. */
      jaxCache: string;
    }
  | { ok: false; reason: string };

declare module 'vitest' {
  interface ProvidedContext {
    python: PythonEnv;
    pythonTf: PythonEnv;
  }
}

/**
 * The toolchain, or why there is none (then the Python checks skip and say so): Keras on JAX,
 * or with 'tensorflow' Keras on TensorFlow, for what only TensorFlow runs (tf.distribute).
 */
export function pythonEnv(file: string, kind: 'jax' | 'tensorflow' = 'jax'): PythonEnv {
  const env: PythonEnv = inject(kind === 'jax' ? 'python' : 'pythonTf') ?? {
    ok: false,
    reason: 'vitest ran without scripts/vitest-python.mjs as its globalSetup',
  };
  if (!env.ok) console.info(`${file}: Python checks skipped: ${env.reason}`);
  return env;
}

/** A test's Python script kept beside this file, e.g. 'keras_cases.py'. */
const scriptPath = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));

export interface PythonRun<T> {
  status: number | null;
  stderr: string;
  /** What the script wrote to its output file; null when it wrote none. */
  result: T | null;
  /** The folder the script ran in, which holds what it wrote (model files). */
  dir: string;
}

/**
 * Runs one script over all of a test file's cases in a single Python process (importing Keras
 * takes seconds): the cases go in as JSON, the script writes its answers as JSON.
 */
export function runPythonCases<T>(
  env: Extract<PythonEnv, { ok: true }>,
  script: string,
  cases: unknown,
  opts: { dir?: string; timeoutMs?: number; backend?: string } = {},
): PythonRun<T> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'layerlab-py-'));
  const input = join(dir, 'cases.json');
  const output = join(dir, 'results.json');
  writeFileSync(input, JSON.stringify(cases));
  const r = spawnSync(env.python, [scriptPath(script), input, output], {
    cwd: dir,
    env: {
      ...process.env,
      KERAS_BACKEND: opts.backend ?? env.backend,
      // Compiled JAX kernels kept between runs: the same small models compile the same kernels.
      JAX_COMPILATION_CACHE_DIR: env.jaxCache,
      JAX_PERSISTENT_CACHE_MIN_COMPILE_TIME_SECS: '0',
      JAX_PERSISTENT_CACHE_MIN_ENTRY_SIZE_BYTES: '0',
      // Wide enough that Keras's summary table is not cut, and no colour codes in it.
      COLUMNS: '200',
      NO_COLOR: '1',
      PYTHONHASHSEED: '0',
      // The runners import cases_io.py from beside them: no __pycache__ left in src/.
      PYTHONDONTWRITEBYTECODE: '1',
      TF_CPP_MIN_LOG_LEVEL: '2',
    },
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 300_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  let result: T | null;
  try {
    result = JSON.parse(readFileSync(output, 'utf8')) as T;
  } catch {
    result = null;
  }
  return {
    status: r.status,
    stderr: `${r.stderr ?? ''}${r.error ? String(r.error) : ''}`,
    result,
    dir,
  };
}

/**
 * runPythonCases for a test file's beforeAll: the results by case id, or an error with Python's
 * stderr when the script wrote none (it crashed before its cases ran).
 */
export function resultsById<R extends { id: string }>(
  env: Extract<PythonEnv, { ok: true }>,
  script: string,
  cases: unknown[],
  opts: { dir?: string; timeoutMs?: number; backend?: string } = {},
): Map<string, R> {
  const run = runPythonCases<R[]>(env, script, cases, opts);
  if (!run.result) throw new Error(`${script} wrote no results: ${run.stderr.slice(-3000)}`);
  return new Map(run.result.map((r) => [r.id, r]));
}

/** Plain Python (no Keras) for checks that need only the language, e.g. ast.parse. */
const PLAIN_PYTHON = process.env['LAYERLAB_PYTHON'] ?? 'python3';

export function runPython(code: string, opts: { input?: string } = {}) {
  const r = spawnSync(PLAIN_PYTHON, ['-c', code], {
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

export const hasPython = runPython('import ast').status === 0;
