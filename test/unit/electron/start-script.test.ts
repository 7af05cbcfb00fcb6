import { afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import {
  createStaticServer,
  decideLaunch,
  fetchElectronBinary,
  findElectronBinary,
  openCommand,
  resolveStaticPath,
  summariseFailure,
} from '../../../scripts/start-lib.mjs';

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'tickler-start-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('finding the Electron binary', () => {
  it('reports a package whose binary was never downloaded', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    expect(findElectronBinary(dir)).toEqual({ ok: false, reason: 'its binary was never downloaded' });
  });

  it('reports a binary named in path.txt but missing', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
    expect(findElectronBinary(dir)).toMatchObject({ ok: false, reason: expect.stringMatching(/missing/) });
  });

  it('finds a downloaded binary', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
    fs.mkdirSync(path.join(dir, 'dist'));
    fs.writeFileSync(path.join(dir, 'dist', 'electron'), '');
    expect(findElectronBinary(dir)).toEqual({ ok: true, path: path.join(dir, 'dist', 'electron') });
  });
});

describe('deciding how to start', () => {
  it('runs Electron when the binary is present, without fetching', async () => {
    const fetch = vi.fn();
    expect(await decideLaunch({ find: () => ({ ok: true, path: '/e' }), fetch })).toEqual({ mode: 'electron', binary: '/e' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('runs Electron after a successful fetch', async () => {
    let present = false;
    const decision = await decideLaunch({
      find: () => (present ? { ok: true, path: '/e' } : { ok: false, reason: 'absent' }),
      fetch: async () => {
        present = true;
        return { ok: true };
      },
    });
    expect(decision).toEqual({ mode: 'electron', binary: '/e', fetched: true });
  });

  it('falls back to the browser with the reason when the fetch fails', async () => {
    const decision = await decideLaunch({
      find: () => ({ ok: false, reason: 'its binary was never downloaded' }),
      fetch: async () => ({ ok: false, reason: 'could not download its binary: the download server is unreachable' }),
    });
    expect(decision).toEqual({ mode: 'browser', reason: 'could not download its binary: the download server is unreachable' });
  });

  it('falls back to the browser when the fetch claims success but no binary appears', async () => {
    const decision = await decideLaunch({ find: () => ({ ok: false, reason: 'its binary is missing' }), fetch: async () => ({ ok: true }) });
    expect(decision).toMatchObject({ mode: 'browser', reason: expect.stringMatching(/missing/) });
  });

  it('summarises an installer crash to one line without the stack', () => {
    const offline = 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n    at async downloadArtifact (file:///x.js:1:1)';
    expect(summariseFailure(offline, 'x')).toBe('could not download its binary: the download server is unreachable');
    const other = 'Downloading…\nError: checksum mismatch for electron-v45.zip\n    at verify (file:///x.js:2:3)';
    expect(summariseFailure(other, 'x')).toBe('Error: checksum mismatch for electron-v45.zip');
    expect(summariseFailure('', 'exit code 1')).toBe('exit code 1');
  });

  it('opens the browser with the platform command', () => {
    expect(openCommand('linux', 'http://127.0.0.1:5174')).toEqual(['xdg-open', ['http://127.0.0.1:5174']]);
    expect(openCommand('darwin', 'u')).toEqual(['open', ['u']]);
    expect(openCommand('win32', 'u')[0]).toBe('cmd');
  });
});

describe('browser fallback server', () => {
  it('never serves outside the built renderer', () => {
    const root = path.resolve('/srv/renderer');
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/a.js?v=1')).toBe(path.join(root, 'assets/a.js'));
    for (const p of ['/../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2f..%2fetc/passwd', '/%00']) {
      const file = resolveStaticPath(root, p);
      expect(file === null || file.startsWith(root + path.sep)).toBe(true);
    }
  });

  it('serves the app with its CSP and 404s unknown files', async () => {
    const root = tempDir();
    fs.writeFileSync(path.join(root, 'index.html'), '<title>Tickler CRM</title>');
    const server = createStaticServer(root, "default-src 'self'");
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const page = await fetch(`${base}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toBe("default-src 'self'");
      expect(await page.text()).toContain('Tickler CRM');
      expect((await fetch(`${base}/missing.js`)).status).toBe(404);
      expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
    } finally {
      server.close();
    }
  });
});

describe('fetching the Electron binary', () => {
  it('reports a failed download as one line, without the stack', async () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'install.js'),
      "console.error('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:1:1'); process.exit(1);",
    );
    expect(await fetchElectronBinary(dir, 60_000)).toEqual({
      ok: false,
      reason: 'could not download its binary: the download server is unreachable',
    });
  });

  it('gives up on an installer that never finishes', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'install.js'), 'setInterval(() => {}, 1000);');
    const result = await fetchElectronBinary(dir, 300);
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/did not finish/) });
  });

  it('succeeds when the installer does', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'install.js'), 'process.exit(0);');
    expect(await fetchElectronBinary(dir, 60_000)).toEqual({ ok: true });
  });
});
