// vitest globalSetup: makes sure of the Python toolchain once per run, before any test file, and
// hands the tests where it is (inject('python')). Without it the Python checks skip and say why;
// with CI set a missing toolchain fails the run instead, so CI never passes on skipped checks.
import { ensurePythonEnv } from './python-env.mjs';

export default function setup(project) {
  const env = ensurePythonEnv({ log: (line) => console.log(line) });
  if (!env.ok && process.env.CI) {
    throw new Error(`The Python toolchain the export tests need is missing: ${env.reason}`);
  }
  project.provide('python', env);
}
