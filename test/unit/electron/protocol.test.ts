import { describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';
import { createAppProtocolHandler, resolveAppFile } from '../../../electron/protocol';

const root = path.resolve('/opt/tickler/renderer');

describe('app:// protocol', () => {
  it('maps the app origin onto the renderer folder', () => {
    expect(resolveAppFile(root, 'app://tickler/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://tickler/index.html#/today')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://tickler/assets/a.js?x=1')).toBe(path.join(root, 'assets/a.js'));
  });

  it.each([
    'app://tickler/../../etc/passwd',
    'app://tickler/%2e%2e/%2e%2e/etc/passwd',
    'app://tickler/assets/..%2f..%2f..%2fetc/passwd',
    'app://tickler/a%5c..%5c..%5csecret',
    'app://tickler/%00',
    'app://other/index.html',
    'file:///etc/passwd',
  ])('never leaves the renderer folder for %s', (url) => {
    const file = resolveAppFile(root, url);
    expect(file === null || file.startsWith(root + path.sep)).toBe(true);
  });

  it('serves files with the CSP header and 404s anything else', async () => {
    const read = vi.fn(async (f: string) => {
      if (f === path.join(root, 'index.html')) return new TextEncoder().encode('<html></html>');
      throw new Error('ENOENT');
    });
    const handle = createAppProtocolHandler(root, read);
    const ok = await handle(new Request('app://tickler/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(ok.headers.get('content-type')).toMatch(/text\/html/);
    expect(await ok.text()).toBe('<html></html>');
    expect((await handle(new Request('app://tickler/missing.js'))).status).toBe(404);
    expect((await handle(new Request('app://evil/index.html'))).status).toBe(404);
    expect(read).toHaveBeenCalledTimes(2);
  });
});
