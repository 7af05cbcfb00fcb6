import { useSyncExternalStore } from 'react';

/**
 * A tiny hash router: routes are '#/today', '#/binder/2026-11-24', '#/dossier/<id>', …
 * Hash routing works identically from file:// (Electron) and http (web mode).
 */
export interface Route {
  /** First path segment: 'today', 'binder', 'dossier', … */
  name: string;
  /** The remaining segments, decoded. */
  params: string[];
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  return { name: parts[0] ?? 'today', params: parts.slice(1) };
}

export function navigate(name: string, ...params: string[]): void {
  const next = '#/' + [name, ...params].map(encodeURIComponent).join('/');
  if (window.location.hash !== next) window.location.hash = next;
}

function subscribe(cb: () => void) {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
