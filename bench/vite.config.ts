import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Builds bench/bare.html (no UI, no React, no store) into bench/dist/bare. Its worker trains
 * with plain tfjs (model.fit) and also hosts the app's own engine for the memory runs, so it
 * imports src/training and src/data directly.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: 'dist/bare',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: { input: fileURLToPath(new URL('bare.html', import.meta.url)) },
  },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', strictPort: true },
});
