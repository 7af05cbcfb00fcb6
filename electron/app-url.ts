/**
 * The app's own pages are served from a private `app://tickler/` origin (see protocol.ts):
 * a standard, secure scheme gives the renderer a real origin for IndexedDB and ES modules,
 * and lets the CSP header be attached to every response, which file:// cannot do.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tickler';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Any resource of the app's bundle (pages, scripts, styles, workers). */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/** The app's page itself: the only frame allowed to call IPC. The hash is the in-app route. */
export function isAppPageUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && isAppUrl(url) && (u.pathname === '/index.html' || u.pathname === '/');
}
