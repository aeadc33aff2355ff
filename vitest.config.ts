import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.mjs'],
    environment: 'node',
    // Keras in a cached venv, for the tests that run exported Python (src/core/export).
    globalSetup: ['scripts/vitest-python.mjs'],
    testTimeout: 60_000,
    reporters: ['default'],
  },
});
