// The Python the export tests run generated scripts in: a venv cached in ~/.cache/layerlab with
// Keras 3 on JAX (and pandas, h5py for what the scripts and weights need; onnx, onnxruntime and
// torch for the ONNX and PyTorch exports), installed from the
// package index pip is configured with. Made once; later runs only read a marker file.
//
//   node scripts/python-env.mjs        ensure it and say what it is (exit 1 when it cannot be had)
//
// LAYERLAB_PYTHON=/path/to/python uses that Python as it is instead (it must have Keras);
// LAYERLAB_CACHE=/some/dir keeps the venv and JAX's compiled kernels there instead. The cache
// is per user, not per checkout, because CI tests a fresh clone on the same machine: there it
// finds the venv made and the small models' training steps compiled (minutes saved per run).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const CACHE =
  process.env.LAYERLAB_CACHE ??
  join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'layerlab');
export const VENV = join(CACHE, 'pyenv');
/** JAX keeps compiled kernels here between runs (the tests' models are the same every run). */
export const JAX_CACHE = join(CACHE, 'jax');
const MARKER = join(VENV, 'layerlab-ready.json');

/** What the tests import. Changing this list rebuilds the venv on the next run. */
export const REQUIREMENTS = [
  'keras>=3',
  'jax',
  'numpy',
  'pandas',
  'h5py',
  'onnx',
  'onnxruntime',
  'torch',
];
const BACKEND = 'jax';

const venvPython = () => join(VENV, 'bin', 'python');

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 600_000, ...opts });
  return {
    ok: r.status === 0,
    out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`,
  };
}

/** The base Python to make the venv with: python3, else python. */
function basePython() {
  for (const cmd of ['python3', 'python']) {
    if (run(cmd, ['-c', 'import sys, venv; assert sys.version_info >= (3, 10)']).ok) return cmd;
  }
  return null;
}

/**
 * Where pip finds packages, read from pip's own configuration. An index left implicit makes pip
 * try the public index first and, without a network, retry it for minutes; so the first
 * configured index is named as --index-url and the others as --extra-index-url.
 */
export function pipSources(python) {
  const r = run(python, ['-m', 'pip', 'config', 'list']);
  const values = (key) =>
    r.out
      .split('\n')
      .filter((line) => line.split('=')[0]?.endsWith(`.${key}`))
      .flatMap((line) =>
        line
          .slice(line.indexOf('=') + 1)
          .replace(/^'|'$/g, '')
          .split(/\s+/),
      )
      .filter(Boolean);
  const indexes = [...new Set([...values('index-url'), ...values('extra-index-url')])];
  const findLinks = [
    ...new Set([...values('find-links'), ...(process.env.PIP_FIND_LINKS ?? '').split(/\s+/)]),
  ].filter(Boolean);
  const [first, ...rest] = indexes;
  return [
    ...(first ? ['--index-url', first] : []),
    ...rest.flatMap((u) => ['--extra-index-url', u]),
    ...findLinks.flatMap((f) => ['--find-links', f]),
  ];
}

function readMarker() {
  try {
    return JSON.parse(readFileSync(MARKER, 'utf8'));
  } catch {
    return null;
  }
}

const sameList = (a, b) => JSON.stringify(a) === JSON.stringify(b);

const LOCK = `${VENV}.lock`;
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Two test runs starting on a fresh clone would make the venv over each other: the second
 * waits for the first (a lock folder; one left by a killed run is taken over after 15 min).
 */
function withLock(fn) {
  mkdirSync(dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      let age;
      try {
        age = Date.now() - statSync(LOCK).mtimeMs;
      } catch {
        continue; // released between the two calls
      }
      if (age > 15 * 60_000) rmSync(LOCK, { recursive: true, force: true });
      else sleep(2000);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

const ready = () => {
  const marker = readMarker();
  return marker && sameList(marker.requirements, REQUIREMENTS) && existsSync(venvPython())
    ? marker
    : null;
};

/** Versions of what the tests use, read from the venv itself. */
function probe(python, backend) {
  const code =
    'import json, keras, numpy, pandas; print(json.dumps({"keras": keras.__version__, "backend": keras.backend.backend(), "numpy": numpy.__version__}))';
  const r = run(python, ['-c', code], { env: { ...process.env, KERAS_BACKEND: backend } });
  if (!r.ok) return null;
  try {
    return JSON.parse(r.out.trim().split('\n').at(-1) ?? '');
  } catch {
    return null;
  }
}

/**
 * Makes sure of the toolchain. Returns { ok: true, python, backend, versions, made } or
 * { ok: false, reason } with a sentence saying what is missing and how to get it.
 */
export function ensurePythonEnv({ log = () => {} } = {}) {
  const own = process.env.LAYERLAB_PYTHON;
  if (own) {
    for (const backend of [process.env.KERAS_BACKEND ?? BACKEND, 'tensorflow', 'torch']) {
      const versions = probe(own, backend);
      if (versions)
        return { ok: true, python: own, backend, versions, made: false, jaxCache: JAX_CACHE };
    }
    return { ok: false, reason: `LAYERLAB_PYTHON (${own}) cannot import keras and pandas.` };
  }
  const marker = ready();
  if (marker) return found(marker);
  return withLock(() => {
    const made = ready(); // another run may have made it while this one waited
    return made ? found(made) : makeVenv(log);
  });
}

const found = (marker) => ({
  ok: true,
  python: venvPython(),
  backend: BACKEND,
  versions: marker.versions,
  made: false,
  jaxCache: JAX_CACHE,
});

function makeVenv(log) {
  const base = basePython();
  if (!base) return { ok: false, reason: 'No Python 3.10+ with the venv module (python3) here.' };
  const started = Date.now();
  log(`[python] Making ${VENV} (${REQUIREMENTS.join(', ')})…`);
  rmSync(VENV, { recursive: true, force: true });
  mkdirSync(dirname(VENV), { recursive: true });
  const made = run(base, ['-m', 'venv', VENV]);
  if (!made.ok) return { ok: false, reason: `python -m venv failed: ${made.out.slice(-500)}` };
  const sources = pipSources(base);
  const pip = run(venvPython(), [
    '-m',
    'pip',
    'install',
    '--disable-pip-version-check',
    '--no-input',
    '--retries',
    '1',
    '--timeout',
    '20',
    ...sources,
    ...REQUIREMENTS,
  ]);
  if (!pip.ok) {
    rmSync(VENV, { recursive: true, force: true });
    const where = sources.length ? sources.join(' ') : 'the default index (no index configured)';
    return {
      ok: false,
      reason: `pip could not install ${REQUIREMENTS.join(', ')} from ${where}: ${pip.out.trim().split('\n').slice(-3).join(' ')}`,
    };
  }
  const versions = probe(venvPython(), BACKEND);
  if (!versions) return { ok: false, reason: `Keras does not import in ${VENV} after install.` };
  writeFileSync(MARKER, JSON.stringify({ requirements: REQUIREMENTS, versions }, null, 2));
  log(
    `[python] Ready in ${((Date.now() - started) / 1000).toFixed(0)} s: Keras ${versions.keras} on ${versions.backend}.`,
  );
  return {
    ok: true,
    python: venvPython(),
    backend: BACKEND,
    versions,
    made: true,
    jaxCache: JAX_CACHE,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const env = ensurePythonEnv({ log: console.log });
  if (!env.ok) {
    console.error(`[python] ${env.reason}`);
    process.exit(1);
  }
  console.log(`[python] ${env.python}: Keras ${env.versions.keras} on ${env.backend}`);
}
