// The Pythons the export tests run generated scripts in, as venvs cached in ~/.cache/layerlab,
// installed from the package index pip is configured with. Each is made once; later runs only
// read its marker file.
//   pyenv     Keras 3 on JAX (and pandas, h5py for what the scripts and weights need; onnx,
//             onnxruntime and torch for the ONNX and PyTorch exports): every Python check.
//   pyenv-tf  Keras 3 on TensorFlow (tensorflow-cpu, about 1.6 GB): only the exported script's
//             tf.distribute section, which no other backend runs. A venv of its own, so that
//             TensorFlow's pins (h5py, protobuf) never move what the other checks run on.
//
//   node scripts/python-env.mjs        ensure both and say what they are (exit 1 when one cannot be had)
//
// LAYERLAB_PYTHON=/path/to/python uses that Python as it is instead, for both (it must have
// Keras; for the TensorFlow checks, TensorFlow too);
// LAYERLAB_CACHE=/some/dir keeps the venvs and JAX's compiled kernels there instead. The cache
// is per user, not per checkout, because CI tests a fresh clone on the same machine: there it
// finds the venvs made and the small models' training steps compiled (minutes saved per run).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const CACHE =
  process.env.LAYERLAB_CACHE ??
  join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'layerlab');
/** JAX keeps compiled kernels here between runs (the tests' models are the same every run). */
export const JAX_CACHE = join(CACHE, 'jax');

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
/** Keras 3 comes with TensorFlow 2.16 and later; the CPU build is a third the size. */
export const TF_REQUIREMENTS = ['tensorflow-cpu>=2.16', 'pandas'];

const MAIN_VENV = { dir: join(CACHE, 'pyenv'), requirements: REQUIREMENTS, backend: 'jax' };
const TF_VENV = {
  dir: join(CACHE, 'pyenv-tf'),
  requirements: TF_REQUIREMENTS,
  backend: 'tensorflow',
};
export const VENV = MAIN_VENV.dir;

const venvPython = (venv) => join(venv.dir, 'bin', 'python');
const markerPath = (venv) => join(venv.dir, 'layerlab-ready.json');
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 600_000, ...opts });
  return {
    ok: r.status === 0,
    stdout: r.stdout ?? '',
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

function readMarker(venv) {
  try {
    return JSON.parse(readFileSync(markerPath(venv), 'utf8'));
  } catch {
    return null;
  }
}

const sameList = (a, b) => JSON.stringify(a) === JSON.stringify(b);

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Two test runs starting on a fresh clone would make the venv over each other: the second
 * waits for the first (a lock folder; one left by a killed run is taken over after 15 min).
 */
function withLock(venv, fn) {
  const LOCK = `${venv.dir}.lock`;
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

const ready = (venv) => {
  const marker = readMarker(venv);
  return marker && sameList(marker.requirements, venv.requirements) && existsSync(venvPython(venv))
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
    // stdout only: TensorFlow logs to stderr as it loads.
    return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '');
  } catch {
    return null;
  }
}

/**
 * Makes sure of the toolchain (Keras on JAX). Returns { ok: true, python, backend, versions,
 * made } or { ok: false, reason } with a sentence saying what is missing and how to get it.
 */
export function ensurePythonEnv({ log = () => {} } = {}) {
  const own = process.env.LAYERLAB_PYTHON;
  if (own) {
    for (const backend of [process.env.KERAS_BACKEND ?? MAIN_VENV.backend, 'tensorflow', 'torch']) {
      const env = ownPython(own, backend);
      if (env) return env;
    }
    return { ok: false, reason: `LAYERLAB_PYTHON (${own}) cannot import keras and pandas.` };
  }
  return ensureVenv(MAIN_VENV, log);
}

/** The same for Keras on TensorFlow: the checks of what only TensorFlow runs (tf.distribute). */
export function ensureTensorflowEnv({ log = () => {} } = {}) {
  const own = process.env.LAYERLAB_PYTHON;
  if (own) {
    return (
      ownPython(own, TF_VENV.backend) ?? {
        ok: false,
        reason: `LAYERLAB_PYTHON (${own}) cannot import keras, pandas and tensorflow.`,
      }
    );
  }
  return ensureVenv(TF_VENV, log);
}

function ownPython(python, backend) {
  const versions = probe(python, backend);
  return versions
    ? { ok: true, python, backend, versions, made: false, jaxCache: JAX_CACHE }
    : null;
}

function ensureVenv(venv, log) {
  const marker = ready(venv);
  if (marker) return found(venv, marker);
  return withLock(venv, () => {
    const made = ready(venv); // another run may have made it while this one waited
    return made ? found(venv, made) : makeVenv(venv, log);
  });
}

const found = (venv, marker, made = false) => ({
  ok: true,
  python: venvPython(venv),
  backend: venv.backend,
  versions: marker.versions,
  made,
  jaxCache: JAX_CACHE,
});

function makeVenv(venv, log) {
  const base = basePython();
  if (!base) return { ok: false, reason: 'No Python 3.10+ with the venv module (python3) here.' };
  const started = Date.now();
  const wanted = venv.requirements.join(', ');
  log(`[python] Making ${venv.dir} (${wanted})…`);
  rmSync(venv.dir, { recursive: true, force: true });
  mkdirSync(dirname(venv.dir), { recursive: true });
  const made = run(base, ['-m', 'venv', venv.dir]);
  if (!made.ok) return { ok: false, reason: `python -m venv failed: ${made.out.slice(-500)}` };
  const sources = pipSources(base);
  const pip = run(venvPython(venv), [
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
    ...venv.requirements,
  ]);
  if (!pip.ok) {
    rmSync(venv.dir, { recursive: true, force: true });
    const where = sources.length ? sources.join(' ') : 'the default index (no index configured)';
    return {
      ok: false,
      reason: `pip could not install ${wanted} from ${where}: ${pip.out.trim().split('\n').slice(-3).join(' ')}`,
    };
  }
  const versions = probe(venvPython(venv), venv.backend);
  if (!versions) {
    return {
      ok: false,
      reason: `Keras on ${venv.backend} does not import in ${venv.dir} after install.`,
    };
  }
  const marker = { requirements: venv.requirements, versions };
  writeFileSync(markerPath(venv), JSON.stringify(marker, null, 2));
  log(
    `[python] Ready in ${((Date.now() - started) / 1000).toFixed(0)} s: Keras ${versions.keras} on ${versions.backend}.`,
  );
  return found(venv, marker, true);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const ensure of [ensurePythonEnv, ensureTensorflowEnv]) {
    const env = ensure({ log: console.log });
    if (!env.ok) {
      console.error(`[python] ${env.reason}`);
      process.exit(1);
    }
    console.log(`[python] ${env.python}: Keras ${env.versions.keras} on ${env.backend}`);
  }
}
