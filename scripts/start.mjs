// `npm start`: install what is missing, then serve the app on http://127.0.0.1:5173/.
import { spawn } from 'node:child_process';
import { ensureDeps } from './ensure-deps.mjs';

ensureDeps();
console.log('[start] Layerlab will be at http://127.0.0.1:5173/ (works offline; Ctrl+C to stop)');
const child = spawn('npx', ['vite', '--host', '127.0.0.1', '--port', '5173', '--strictPort'], {
  stdio: 'inherit',
});
child.on('exit', (code) => process.exit(code ?? 0));
