import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Builds the page e2e/image-folder.spec.ts opens: the image-folder import alone, with the data
 * error alert, apart from the app (until the data panel offers it). Ships nothing to users.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
