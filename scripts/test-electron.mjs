// `npm run test:electron`: the Playwright _electron tests need a real Electron binary.
// Where there is none (offline machines) they are skipped with the reason, exit code 0.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';
import { findElectronBinary } from './start-lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const binary = findElectronBinary(path.join(root, 'node_modules', 'electron'));

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

if (!binary.ok) {
  console.log(`Electron tests skipped: no Electron binary on this machine (${binary.reason}).`);
  process.exit(0);
}

const node = process.execPath;
const bin = (pkg, file) => path.join(root, 'node_modules', pkg, file);
let code = await run(node, [bin('vite', 'bin/vite.js'), 'build', '--logLevel', 'error']);
if (code === 0) {
  try {
    await buildElectron();
  } catch (err) {
    console.error(`Electron build failed: ${err.message}`);
    code = 1;
  }
}
if (code === 0) code = await run(node, [bin('@playwright/test', 'cli.js'), 'test', '--project=electron']);
process.exit(code);
