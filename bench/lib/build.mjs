// Builds what the bench serves, outside dist/ so it never races `npm test` or someone's preview:
// the app (its own vite config, CSP and all) into bench/dist/app with a manifest, and the bare
// page into bench/dist/bare.
import { execFileSync } from 'node:child_process';

const vite = (root, args) =>
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error', ...args], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });

export function buildAll(root) {
  const t = Date.now();
  vite(root, ['--outDir', 'bench/dist/app', '--emptyOutDir', '--manifest']);
  vite(root, ['--config', 'bench/vite.config.ts']);
  return Date.now() - t;
}
