// Bundles the Electron main process and the preload into dist/electron with esbuild.
// The preload runs sandboxed, so it must be one CJS file that requires only 'electron';
// electron-store is ESM-only and is bundled into main for the same CJS output.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
};

export async function buildElectron(outDir = path.resolve(root, process.env.ELECTRON_OUT_DIR ?? 'dist/electron')) {
  await fs.mkdir(outDir, { recursive: true });
  await Promise.all([
    build({ ...common, entryPoints: [path.join(root, 'electron/main.ts')], outfile: path.join(outDir, 'main.cjs') }),
    build({ ...common, entryPoints: [path.join(root, 'electron/preload.ts')], outfile: path.join(outDir, 'preload.cjs') }),
  ]);
  // The window icon travels with the bundle (inside the asar when packaged).
  await fs.copyFile(path.join(root, 'assets/icon.png'), path.join(outDir, 'icon.png')).catch(() => {});
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildElectron().catch((err) => {
    console.error(`Electron build failed: ${err.message}`);
    process.exit(1);
  });
}
