// `npm start`: builds the app, then runs it in Electron, or, where no Electron binary can
// be had (offline machines), serves it to the system browser. Always one clear message,
// never a stack trace.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';
import { createStaticServer, decideLaunch, fetchElectronBinary, findElectronBinary, listenOnFreePort, openCommand } from './start-lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');
// TICKLER_OUT_DIR builds elsewhere than dist/ (checks that must not touch a shared dist/).
const outDir = path.resolve(root, process.env.TICKLER_OUT_DIR ?? 'dist');
const rendererDir = path.join(outDir, 'renderer');
const PORT = Number(process.env.TICKLER_PORT ?? 5174);

function fail(message) {
  console.error(`\n${message}\n`);
  process.exit(1);
}

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

async function buildAll() {
  console.log('Building Tickler CRM…');
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if ((await run(process.execPath, [vite, 'build', '--logLevel', 'error', '--outDir', rendererDir])) !== 0) fail('The app could not be built (see the errors above).');
  try {
    await buildElectron(path.join(outDir, 'electron'));
  } catch (err) {
    fail(`The Electron part could not be built: ${err.message}`);
  }
}

function runElectron(binary) {
  console.log('Starting Tickler CRM…');
  const child = spawn(binary, [root], { cwd: root, stdio: 'inherit' });
  // Ctrl+C in the terminal closes the app; the script exits with it.
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', (err) => fail(`Electron could not be started: ${err.message}`));
  child.on('close', (code) => process.exit(code ?? 0));
}

/** The CSP the build put into index.html (shared/csp.ts is TypeScript), sent as a header too. */
function builtCsp() {
  const html = fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const attr = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1];
  if (!attr) return "default-src 'self'";
  return attr.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

async function runInBrowser(reason) {
  const server = createStaticServer(rendererDir, builtCsp());
  let port;
  try {
    port = await listenOnFreePort(server, PORT);
  } catch (err) {
    fail(`Could not serve the app on 127.0.0.1: ${err.message}`);
  }
  const url = `http://127.0.0.1:${port}`;
  console.log(
    `\nElectron is not available on this machine (${reason}).\n` +
      `Opening Tickler CRM in your browser instead: ${url}\n` +
      `Data is kept in this browser. Press Ctrl+C to stop.\n`,
  );
  if (!process.env.TICKLER_NO_OPEN) {
    const [cmd, args] = openCommand(process.platform, url);
    // No browser to open (a server, a container) is fine: the URL is printed above.
    const opener = spawn(cmd, args, { stdio: 'ignore', detached: true });
    opener.on('error', () => {});
    opener.unref();
  }
  const stop = () => {
    console.log('\nTickler CRM stopped.');
    server.close();
    server.closeAllConnections?.();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main() {
  await buildAll();
  const forceBrowser = process.env.TICKLER_BROWSER === '1';
  const decision = forceBrowser
    ? { mode: 'browser', reason: 'TICKLER_BROWSER=1 asked for the browser' }
    : await decideLaunch({
        find: () => findElectronBinary(electronDir),
        fetch: () => {
          console.log('Electron binary not found; trying to download it…');
          return fetchElectronBinary(electronDir, 60_000);
        },
      });
  if (decision.mode === 'electron') runElectron(decision.binary);
  else await runInBrowser(decision.reason);
}

main().catch((err) => fail(`Tickler CRM could not start: ${err.message}`));
