import type { Session, Shell, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { externalUrlVerdict } from '../shared/external-url';
import { isAppPageUrl, isAppUrl } from './app-url';

export { isAppUrl, isAppPageUrl };

/** Permissions the renderer may get: desktop notifications for reminders. Nothing else. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

export function isPermissionAllowed(permission: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission);
}

/**
 * Requests the app may make: its own bundle, inline data and blobs (images, workers) and the
 * developer tools. Everything else, remote content in particular, is cancelled.
 */
export function isAllowedRequestUrl(url: string): boolean {
  if (isAppUrl(url)) return true;
  return /^(data|blob|devtools):/i.test(url);
}

/** Adds the CSP header to the app's responses, replacing any other spelling of it. */
export function withCspHeader(
  headers: Record<string, string[]> | undefined,
): Record<string, string[]> {
  const next: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (k.toLowerCase() !== 'content-security-policy') next[k] = v;
  }
  next['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return next;
}

/** Asks the user whether to open a plain-http link, showing it; true to open. */
export type ConfirmInsecureLink = (url: string) => Promise<boolean>;

/**
 * Opens a link in the system handler only for https, valid mailto and tel, and plain http
 * once the user agreed: a page link can never launch `file:`, `smb:` or a custom protocol
 * handler, nor a mail client told to attach a file.
 */
export async function openExternalSafely(shell: Pick<Shell, 'openExternal'>, url: string, confirmInsecure: ConfirmInsecureLink): Promise<boolean> {
  const verdict = externalUrlVerdict(url);
  if (verdict === 'refuse') return false;
  try {
    if (verdict === 'ask' && !(await confirmInsecure(url))) return false;
    await shell.openExternal(url);
    return true;
  } catch {
    return false;
  }
}

/** Session-wide rules: CSP on every app response, remote requests cancelled, permissions denied. */
export function hardenSession(session: Session): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: isAppUrl(details.url) ? withCspHeader(details.responseHeaders) : details.responseHeaders,
    });
  });
  session.setPermissionRequestHandler((_wc, permission, callback) => callback(isPermissionAllowed(permission)));
  session.setPermissionCheckHandler((_wc, permission) => isPermissionAllowed(permission));
}

/**
 * Per-window rules: the window never leaves the app's page. Links to allowed external URLs
 * go to the system browser; new windows and embedded webviews are refused.
 */
export function hardenWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>, confirmInsecure: ConfirmInsecureLink): void {
  const leave = (event: { preventDefault(): void }, url: string) => {
    if (isAppPageUrl(url)) return;
    event.preventDefault();
    void openExternalSafely(shell, url, confirmInsecure);
  };
  contents.on('will-navigate', (event) => leave(event, event.url));
  contents.on('will-redirect', (event) => {
    if (!isAppPageUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(shell, url, confirmInsecure);
    return { action: 'deny' };
  });
}
