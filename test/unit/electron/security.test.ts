import { describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';
import { APP_INDEX_URL } from '../../../electron/app-url';
import {
  hardenSession,
  hardenWebContents,
  isAllowedRequestUrl,
  isAppPageUrl,
  isAppUrl,
  isPermissionAllowed,
  openExternalSafely,
  withCspHeader,
} from '../../../electron/security';
import { secureWebPreferences } from '../../../electron/window';

describe('secure web preferences', () => {
  it('isolate and sandbox the renderer with no Node and web security on', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('app URLs', () => {
  it('accept the app page with any route and the bundle files', () => {
    expect(isAppPageUrl(APP_INDEX_URL)).toBe(true);
    expect(isAppPageUrl(`${APP_INDEX_URL}#/dossier/42`)).toBe(true);
    expect(isAppUrl('app://tickler/assets/index-abc.js')).toBe(true);
    expect(isAppPageUrl('app://tickler/assets/index-abc.js')).toBe(false);
  });

  it.each([
    'http://evil.example/index.html',
    'https://tickler/index.html',
    'file:///etc/passwd',
    'file:///app/dist/renderer/index.html',
    'devtools://devtools/bundled/inspector.html',
    'app://evil/index.html',
    'app://user:pw@tickler/index.html',
    'not a url',
    '',
  ])('reject %s', (url) => {
    expect(isAppPageUrl(url)).toBe(false);
  });

  it('let only the bundle, data, blob and devtools requests through', () => {
    expect(isAllowedRequestUrl('app://tickler/assets/a.js')).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AA')).toBe(true);
    expect(isAllowedRequestUrl('blob:app://tickler/123')).toBe(true);
    expect(isAllowedRequestUrl('https://fonts.example/font.woff2')).toBe(false);
    expect(isAllowedRequestUrl('http://127.0.0.1:5173/')).toBe(false);
    expect(isAllowedRequestUrl('file:///etc/passwd')).toBe(false);
  });
});

describe('CSP header', () => {
  it('replaces any CSP the response had with the app policy', () => {
    const h = withCspHeader({ 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] });
    expect(h['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(h['content-security-policy']).toBeUndefined();
    expect(h['Content-Type']).toEqual(['text/html']);
  });
});

describe('permissions', () => {
  it('allow notifications only', () => {
    expect(isPermissionAllowed('notifications')).toBe(true);
    for (const p of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'midi']) {
      expect(isPermissionAllowed(p)).toBe(false);
    }
  });
});

describe('openExternal', () => {
  const never = vi.fn(async () => true);

  it.each(['https://example.com', 'mailto:a@b.ru', 'tel:+79990000000'])('opens %s without asking', async (url) => {
    const shell = { openExternal: vi.fn(async () => {}) };
    const ask = vi.fn(async () => false);
    expect(await openExternalSafely(shell, url, ask)).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith(url);
    expect(ask).not.toHaveBeenCalled();
  });

  it('opens a plain-http link only after the user agreed', async () => {
    const shell = { openExternal: vi.fn(async () => {}) };
    const no = vi.fn(async () => false);
    expect(await openExternalSafely(shell, 'http://example.com/price', no)).toBe(false);
    expect(no).toHaveBeenCalledWith('http://example.com/price');
    expect(shell.openExternal).not.toHaveBeenCalled();

    const yes = vi.fn(async () => true);
    expect(await openExternalSafely(shell, 'http://example.com/price', yes)).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('http://example.com/price');
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://host/share',
    'ms-settings:',
    'app://tickler/index.html',
    'nonsense',
    'mailto:a@b.ru?attach=/home/user/.ssh/id_rsa',
    'mailto:not-an-address',
  ])('refuses %s without asking or calling the shell', async (url) => {
    const shell = { openExternal: vi.fn(async () => {}) };
    const ask = vi.fn(async () => true);
    expect(await openExternalSafely(shell, url, ask)).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(ask).not.toHaveBeenCalled();
  });

  it('reports a shell failure as false, not a throw', async () => {
    const shell = { openExternal: vi.fn(async () => Promise.reject(new Error('no handler'))) };
    expect(await openExternalSafely(shell, 'https://example.com', never)).toBe(false);
  });
});

describe('window navigation', () => {
  function fakeContents() {
    const emitter = new EventEmitter();
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    const contents = Object.assign(emitter, {
      setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
    });
    return { contents, open: (url: string) => openHandler!({ url }) };
  }
  const navEvent = (url: string) => ({ url, preventDefault: vi.fn() });

  it('stays on the app page: other navigations are blocked, allowed links go to the browser', () => {
    const { contents } = fakeContents();
    const shell = { openExternal: vi.fn(async () => {}) };
    hardenWebContents(contents as unknown as WebContents, shell, async () => false);

    const inApp = navEvent(`${APP_INDEX_URL}#/binder`);
    contents.emit('will-navigate', inApp);
    expect(inApp.preventDefault).not.toHaveBeenCalled();

    const web = navEvent('https://example.com/');
    contents.emit('will-navigate', web);
    expect(web.preventDefault).toHaveBeenCalled();
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/');

    const file = navEvent('file:///etc/passwd');
    contents.emit('will-navigate', file);
    expect(file.preventDefault).toHaveBeenCalled();
    expect(shell.openExternal).toHaveBeenCalledTimes(1);

    const redirect = navEvent('http://evil.example/');
    contents.emit('will-redirect', redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();

    const webview = navEvent('');
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window, opening only allowed URLs externally', () => {
    const { contents, open } = fakeContents();
    const shell = { openExternal: vi.fn(async () => {}) };
    hardenWebContents(contents as unknown as WebContents, shell, async () => false);
    expect(open('mailto:client@example.ru')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).toHaveBeenCalledWith('mailto:client@example.ru');
  });

  it('asks before a plain-http link, in a new window or a navigation, leaves the app', async () => {
    const { contents, open } = fakeContents();
    const shell = { openExternal: vi.fn(async () => {}) };
    const ask = vi.fn(async (url: string) => url.includes('yes'));
    hardenWebContents(contents as unknown as WebContents, shell, ask);
    expect(open('http://example.com/no')).toEqual({ action: 'deny' });
    contents.emit('will-navigate', navEvent('http://example.com/yes'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(ask.mock.calls).toEqual([['http://example.com/no'], ['http://example.com/yes']]);
    expect(shell.openExternal.mock.calls).toEqual([['http://example.com/yes']]);
  });
});

describe('session hardening', () => {
  function fakeSession() {
    const s = {
      before: undefined as undefined | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
      headers: undefined as undefined | ((d: { url: string; responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void),
      request: undefined as undefined | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
      check: undefined as undefined | ((wc: unknown, p: string) => boolean),
    };
    const session = {
      webRequest: { onBeforeRequest: (f: typeof s.before) => (s.before = f), onHeadersReceived: (f: typeof s.headers) => (s.headers = f) },
      setPermissionRequestHandler: (f: typeof s.request) => (s.request = f),
      setPermissionCheckHandler: (f: typeof s.check) => (s.check = f),
    };
    hardenSession(session as never);
    return s;
  }

  it('cancels remote requests and lets the bundle load', () => {
    const s = fakeSession();
    const verdict = (url: string) => {
      let cancel: boolean | undefined;
      s.before!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(verdict('app://tickler/assets/a.js')).toBe(false);
    expect(verdict('https://tracker.example/pixel.gif')).toBe(true);
  });

  it('puts the CSP on app responses', () => {
    const s = fakeSession();
    let headers: Record<string, string[]> | undefined;
    s.headers!({ url: APP_INDEX_URL, responseHeaders: {} }, (r) => (headers = (r as { responseHeaders: Record<string, string[]> }).responseHeaders));
    expect(headers!['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });

  it('grants notifications and denies the camera', () => {
    const s = fakeSession();
    const answers: boolean[] = [];
    s.request!({}, 'notifications', (ok) => answers.push(ok));
    s.request!({}, 'media', (ok) => answers.push(ok));
    expect(answers).toEqual([true, false]);
    expect(s.check!({}, 'geolocation')).toBe(false);
  });
});
