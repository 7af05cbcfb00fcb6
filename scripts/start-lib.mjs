// Testable pieces of `npm start` and `npm run test:electron`: finding (or fetching) the
// Electron binary, deciding between Electron and the browser fallback, and a tiny static
// server for the fallback. Plain Node ESM so the scripts run without a TypeScript step.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

/**
 * Where the Electron binary is, or why it is not there. The npm package records the
 * executable's name in path.txt and keeps the binary in dist/ (install scripts are off
 * in this repo, so both appear only after `node node_modules/electron/install.js`).
 */
export function findElectronBinary(electronDir) {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(path.join(electronDir, 'package.json'))) return { ok: false, reason: 'the electron package is not installed' };
  if (!fs.existsSync(pathFile)) return { ok: false, reason: 'its binary was never downloaded' };
  const binary = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  if (!fs.existsSync(binary)) return { ok: false, reason: `its binary is missing (${path.relative(process.cwd(), binary)})` };
  return { ok: true, path: binary };
}

const OFFLINE_RE = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo/i;

/** One readable line out of an installer's output: the last line that says what went wrong. */
export function summariseFailure(output, fallback) {
  if (OFFLINE_RE.test(output)) return 'could not download its binary: the download server is unreachable';
  const lines = String(output)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^at\s/.test(l) && !/^(node:|\^|file:\/\/)/.test(l) && !/^[{}]/.test(l));
  const errLine = [...lines].reverse().find((l) => /error|ENOTFOUND|EAI_AGAIN|ECONN|ETIMEDOUT|status|fail/i.test(l));
  const line = errLine ?? lines.at(-1) ?? fallback;
  return line.length > 160 ? line.slice(0, 157) + '…' : line;
}

/**
 * Runs Electron's own installer (it downloads the binary) with its output captured, so
 * the user sees one summary line instead of a stack trace. Gives up after `timeoutMs`.
 */
export function fetchElectronBinary(electronDir, timeoutMs = 60_000) {
  return new Promise((resolve) => {
    const installer = path.resolve(electronDir, 'install.js');
    if (!fs.existsSync(installer)) return resolve({ ok: false, reason: 'the electron package has no installer' });
    let output = '';
    let settled = false;
    const child = spawn(process.execPath, [installer], { cwd: path.dirname(installer), stdio: ['ignore', 'pipe', 'pipe'] });
    const done = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      done({ ok: false, reason: `the download did not finish within ${Math.round(timeoutMs / 1000)} s` });
    }, timeoutMs);
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (err) => done({ ok: false, reason: err.message }));
    child.on('close', (code) =>
      done(code === 0 ? { ok: true } : { ok: false, reason: summariseFailure(output, `its download failed (exit code ${code})`) }),
    );
  });
}

/**
 * Electron if its binary is here or can be fetched now; otherwise the browser, with the
 * reason. Dependencies are injected so every branch is testable without a network.
 */
export async function decideLaunch({ find, fetch }) {
  const first = find();
  if (first.ok) return { mode: 'electron', binary: first.path };
  const fetched = await fetch();
  if (fetched.ok) {
    const again = find();
    if (again.ok) return { mode: 'electron', binary: again.path, fetched: true };
    return { mode: 'browser', reason: `the download finished but ${again.reason}` };
  }
  return { mode: 'browser', reason: fetched.reason ?? first.reason };
}

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** The file under `root` a request path names, or null if it would leave `root`. */
export function resolveStaticPath(root, urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(new URL(urlPath, 'http://x').pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  if (rel.endsWith('/')) rel += 'index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, '.' + rel);
  return file.startsWith(base + path.sep) ? file : null;
}

/** A static server for the built renderer on 127.0.0.1 only, with the app's CSP header. */
export function createStaticServer(root, csp) {
  return http.createServer((req, res) => {
    const file = resolveStaticPath(root, req.url ?? '/');
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(file ? 405 : 404).end();
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
        return;
      }
      res.writeHead(200, {
        'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  });
}

/** Listens on the first free port from `port` up, on the loopback interface only. */
export function listenOnFreePort(server, port, attempts = 20) {
  return new Promise((resolve, reject) => {
    const tryPort = (p, left) => {
      server.once('error', (err) => {
        if (err.code === 'EADDRINUSE' && left > 1) tryPort(p + 1, left - 1);
        else reject(err);
      });
      server.listen(p, '127.0.0.1', () => resolve(p));
    };
    tryPort(port, attempts);
  });
}

/** The command that opens a URL in the system browser on this platform. */
export function openCommand(platform, url) {
  if (platform === 'darwin') return ['open', [url]];
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', url]];
  return ['xdg-open', [url]];
}
