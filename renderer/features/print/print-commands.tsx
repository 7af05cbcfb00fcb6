/**
 * The 'print' command (Ctrl+P, File > Print) from screens that have a printed form: the
 * dossier prints its print view, Today and the calendar print today's call sheet. The print
 * views handle the command themselves while they are open.
 */
import { useEffect } from 'react';
import { getBridge } from '../../bridge';
import { navigate, parseRoute } from '../../ui/router';

/** Where the 'print' command goes from a route, or null where the route prints itself or has no printed form. */
export function printTargetOf(hash: string): string[] | null {
  const { name, params } = parseRoute(hash);
  if (name === 'dossier' && params[0]) return ['print', 'dossier', params[0], 'auto'];
  if (name === 'today' || name === 'calendar') return ['print', 'today', 'auto'];
  return null;
}

export function PrintCommandHost() {
  useEffect(
    () =>
      getBridge().onCommand((c) => {
        if (c !== 'print') return;
        const target = printTargetOf(window.location.hash);
        if (target) navigate(...(target as [string, ...string[]]));
      }),
    [],
  );
  return null;
}
