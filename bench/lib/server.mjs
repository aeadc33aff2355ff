// Serves a build with `vite preview` on 127.0.0.1. Other people's previews (4173, …) may be
// running on this machine, so the port is a free one picked here, and the server is checked
// to be serving *our* index before anything is measured.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * `vite preview` for `outDir`. `config` picks the vite config (the app's own one carries the
 * CSP header, which the bench keeps on, so the app is measured as it ships). Resolves once
 * `page` answers with the built file's content.
 */
export async function preview({ root, outDir, config, page }) {
  const port = await freePort();
  const args = ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'];
  const dir = resolve(root, outDir);
  // Absolute: a --config elsewhere (bench/) would resolve a relative outDir against its own root.
  args.push('--outDir', dir);
  if (config) args.push('--config', config);
  const child = spawn('npx', args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const expected = readFileSync(resolve(dir, page), 'utf8');
  const stop = () => {
    // The whole process group: npx → vite.
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited:\n${log}`);
    try {
      const res = await fetch(`${url}/${page}`);
      if (res.ok && (await res.text()) === expected) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error(`vite preview did not serve ${outDir}/${page} within 60 s:\n${log}`);
}
