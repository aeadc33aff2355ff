import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.mjs'],
    environment: 'node',
    // Keras in a cached venv, for the tests that run exported Python (src/core/export).
    globalSetup: ['scripts/vitest-python.mjs'],
    testTimeout: 60_000,
    // Vitest leaves a core free by default: on a 2-core machine that is one worker, and the
    // unit tests took 200 s instead of 125 s (much of it waiting on Python and tfjs-node).
    maxWorkers: availableParallelism(),
    reporters: ['default'],
  },
});
