import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Builds the page the fused-recurrent spec opens (index.html → the kernels' check page), apart
 * from the app: it imports src/training directly and ships nothing to users.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: { target: 'es2022', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
