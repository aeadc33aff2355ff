import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The production CSP: no inline script, no eval. 'wasm-unsafe-eval' only lets WebAssembly
 * compile (tfjs-backend-wasm); it does not allow eval() or new Function().
 * Inline *styles* stay allowed because React and recharts set style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' data: blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Put the CSP in the built index.html (static hosting) — not in dev, where HMR injects inline code. */
function cspMeta(): Plugin {
  return {
    name: 'layerlab-csp-meta',
    apply: 'build',
    transformIndexHtml() {
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}

export default defineConfig({
  plugins: [react(), cspMeta()],
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 2500 },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173 },
  // Header form as well, so the worker scripts (which a <meta> CSP does not cover) run under it.
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  },
});
