// vitest globalSetup: makes sure of the Python toolchains once per run, before any test file, and
// hands the tests where they are (inject('python'), inject('pythonTf')). Without one, its Python
// checks skip and say why; with CI set a missing toolchain fails the run instead, so CI never
// passes on skipped checks.
import { ensurePythonEnv, ensureTensorflowEnv } from './python-env.mjs';

export default function setup(project) {
  const log = (line) => console.log(line);
  for (const [key, ensure] of [
    ['python', ensurePythonEnv],
    ['pythonTf', ensureTensorflowEnv],
  ]) {
    const env = ensure({ log });
    if (!env.ok && process.env.CI) {
      throw new Error(`The Python toolchain the export tests need is missing: ${env.reason}`);
    }
    project.provide(key, env);
  }
}
