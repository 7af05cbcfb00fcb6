import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * The screens. Each feature folder's index.tsx default-exports its screen; the screen
 * receives the route's extra path segments as `params` (e.g. '#/dossier/<id>').
 */
export interface ScreenProps {
  params: string[];
}

export interface ScreenDef {
  name: string;
  /** Shown in the sidebar; screens reached only by link (a dossier) have no nav entry. */
  nav?: { labelKey: string; shortcut: string };
  component: LazyExoticComponent<ComponentType<ScreenProps>>;
}

export const SCREENS: ScreenDef[] = [
  { name: 'today', nav: { labelKey: 'nav.today', shortcut: 'Alt+1' }, component: lazy(() => import('./features/today')) },
  { name: 'binder', nav: { labelKey: 'nav.binder', shortcut: 'Alt+2' }, component: lazy(() => import('./features/binder')) },
  { name: 'calendar', nav: { labelKey: 'nav.calendar', shortcut: 'Alt+3' }, component: lazy(() => import('./features/calendar')) },
  { name: 'dossiers', nav: { labelKey: 'nav.dossiers', shortcut: 'Alt+4' }, component: lazy(() => import('./features/dossiers')) },
  { name: 'sync', nav: { labelKey: 'nav.sync', shortcut: 'Alt+5' }, component: lazy(() => import('./features/sync')) },
  { name: 'settings', nav: { labelKey: 'nav.settings', shortcut: 'Alt+6' }, component: lazy(() => import('./features/settings')) },
  { name: 'portfolio', nav: { labelKey: 'nav.portfolio', shortcut: 'Alt+7' }, component: lazy(() => import('./features/portfolio')) },
  { name: 'receivables', nav: { labelKey: 'nav.receivables', shortcut: 'Alt+8' }, component: lazy(() => import('./features/receivables')) },
  { name: 'dossier', component: lazy(() => import('./features/dossier')) },
  { name: 'print', component: lazy(() => import('./features/print')) },
];
