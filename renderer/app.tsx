import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppCommand } from '../shared/bridge';
import { isDayKey } from '../shared/model/filing';
import { getBridge } from './bridge';
import { PrintCommandHost } from './features/print/print-commands';
import { ReminderHost } from './reminders/reminder-host';
import { DailyBackupHost } from './features/sync/daily-backup';
import { ScreenErrorBoundary } from './features/recovery/error-boundary';
import { BinderMarkerKeeper } from './features/recovery/marker-keeper';
import { SCREENS } from './routes';
import { OverdueBadge } from './features/receivables/overdue-badge';
import { useFolderCounts } from './ui/binder-hooks';
import { useToday } from './ui/clock';
import { HelpDialog } from './ui/help-dialog';
import { navigate, useRoute } from './ui/router';
import { useSettings } from './ui/settings-context';
import { ShellContext, type NewDossierDefaults, type ShellActions } from './ui/shell-context';
import { useUndo } from './ui/undo';
import { isTyping } from './ui/is-typing';

const Onboarding = lazy(() => import('./features/onboarding'));
const NewDossierDialog = lazy(() => import('./features/dossier/new-dossier-dialog').then((m) => ({ default: m.NewDossierDialog })));

const GO: Partial<Record<AppCommand, string>> = {
  'go-today': 'today',
  'go-binder': 'binder',
  'go-calendar': 'calendar',
  'go-dossiers': 'dossiers',
  'go-sync': 'sync',
  'go-settings': 'settings',
  import: 'sync',
  export: 'sync',
  backup: 'sync',
};


const dialogOpen = () => document.querySelector('dialog[open]') !== null;

/** Light or dark on <html>: the setting, or the system's preference when it says "system". */
function useTheme(theme: 'system' | 'light' | 'dark') {
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      document.documentElement.dataset.theme = theme === 'system' ? (media.matches ? 'dark' : 'light') : theme;
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
}

/**
 * The window: the first run's onboarding, or the sidebar with the screens and the current
 * screen. A binder that already holds dossiers never gets the first run, whatever the
 * settings say (a damaged settings file resets `onboarded`, and the first run's demo would
 * add 300 made-up dossiers to the real ones); `startDossiers` is counted at start, so the
 * demo filling an empty binder does not end the first run half-way.
 */
export function App({ startDossiers }: { startDossiers: number }) {
  const { t } = useTranslation();
  const { settings, update } = useSettings();
  useTheme(settings.theme);
  // No screen writes anything before the manager has a name: every record is signed with it.
  // A binder that already holds dossiers never gets the first run (its demo would add to them).
  const firstRun = !settings.onboarded && startDossiers === 0;
  const needsName = settings.managerName.trim() === '';
  useEffect(() => {
    if (!settings.onboarded && startDossiers > 0) void update({ onboarded: true });
  }, [settings.onboarded, startDossiers, update]);
  return (
    <>
      <BinderMarkerKeeper />
      {firstRun || needsName ? (
        <Suspense fallback={<div className="loading">{t('state.loading')}</div>}>
          <Onboarding params={[]} />
        </Suspense>
      ) : (
        <Shell />
      )}
    </>
  );
}

function Shell() {
  const { t } = useTranslation();
  const route = useRoute();
  const screen = SCREENS.find((s) => s.name === route.name) ?? SCREENS[0]!;
  const Screen = screen.component;
  const undo = useUndo();
  const today = useToday();
  const counts = useFolderCounts();
  const [newDossier, setNewDossier] = useState<NewDossierDefaults | null>(null);
  const [help, setHelp] = useState(false);
  const routeName = useRef(route.name);
  routeName.current = route.name;

  // Today's load: everything day-filed up to today (overdue is carried forward into it).
  const todayCount = useMemo(() => {
    let n = 0;
    for (const [key, c] of counts ?? []) if (isDayKey(key) && key <= today) n += c;
    return n;
  }, [counts, today]);

  const screenDefaults = useRef<NewDossierDefaults | null>(null);
  const shell = useMemo<ShellActions>(
    () => ({
      openNewDossier: (d) => setNewDossier(d ?? screenDefaults.current ?? {}),
      setScreenDefaults: (d) => {
        screenDefaults.current = d;
      },
    }),
    [],
  );

  const onCommand = useCallback(
    (c: AppCommand) => {
      const target = GO[c];
      // The Excel screen acts on its route: '#/sync/import' opens the file dialog, and so on.
      if (c === 'import' || c === 'export' || c === 'backup') navigate('sync', c);
      else if (target) navigate(target);
      // The dossiers screen has its own search box and new-dossier dialog wired to these.
      else if (c === 'new-dossier' && routeName.current !== 'dossiers' && !dialogOpen()) setNewDossier(screenDefaults.current ?? {});
      else if (c === 'find' && routeName.current !== 'dossiers') navigate('dossiers');
      // The Electron menu owns Ctrl+Z: inside a text field it is the field's own undo.
      else if (c === 'undo' && isTyping(document.activeElement)) document.execCommand('undo');
      else if (c === 'undo' && !dialogOpen()) void undo();
      else if (c === 'help') setHelp(true);
    },
    [undo],
  );

  useEffect(() => getBridge().onCommand(onCommand), [onCommand]);

  // Keys the menu does not carry: '/' to find, Ctrl+Z to undo the last change (outside text
  // fields, where Ctrl+Z stays the field's own undo).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || dialogOpen() || isTyping(e.target)) return;
      if (e.key === '/' && !e.ctrlKey && !e.altKey && !e.metaKey && routeName.current !== 'dossiers') {
        e.preventDefault();
        navigate('dossiers');
      } else if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.code === 'KeyZ') {
        e.preventDefault();
        void undo();
      } else if (e.key === '?' && !e.ctrlKey && !e.altKey) {
        setHelp(true);
      } else if (getBridge().platform === 'web' && (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && (e.code === 'KeyO' || e.code === 'KeyE')) {
        // Electron's menu sends these as commands; in the browser the page takes the keys.
        e.preventDefault();
        onCommand(e.code === 'KeyO' ? 'import' : 'export');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, onCommand]);

  return (
    <ShellContext.Provider value={shell}>
      <div className="app">
        <nav className="sidebar" aria-label={t('appName')}>
          <div className="brand">{t('appName')}</div>
          {SCREENS.filter((s) => s.nav).map((s) => (
            <a
              key={s.name}
              href={`#/${s.name}`}
              className={s.name === screen.name ? 'active' : undefined}
              aria-current={s.name === screen.name ? 'page' : undefined}
              aria-keyshortcuts={s.nav!.shortcut || undefined}
              title={s.nav!.shortcut || undefined}
            >
              <span className="nav-label">{t(s.nav!.labelKey)}</span>
              {s.name === 'today' && counts && (
                <span className="nav-count" data-testid="nav-today-count">
                  {todayCount}
                </span>
              )}
              {s.name === 'receivables' && <OverdueBadge />}
              {s.nav!.shortcut && <kbd className="nav-kbd">{s.nav!.shortcut.replace('Alt+', '')}</kbd>}
            </a>
          ))}
          <div className="sidebar-foot">
            <button type="button" className="btn btn-link sidebar-help" onClick={() => setHelp(true)}>
              {t('shell.shortcuts')} <kbd>F1</kbd>
            </button>
            {getBridge().platform === 'web' && <div className="web-mode">{t('webMode')}</div>}
          </div>
        </nav>
        <main className="screen">
          <ScreenErrorBoundary key={screen.name}>
            <Suspense fallback={<div className="loading">{t('state.loading')}</div>}>
              <Screen params={route.params} />
            </Suspense>
          </ScreenErrorBoundary>
        </main>
      </div>
      {newDossier && (
        <Suspense fallback={null}>
          <NewDossierDialog open onClose={() => setNewDossier(null)} {...newDossier} />
        </Suspense>
      )}
      <HelpDialog open={help} onClose={() => setHelp(false)} />
      <ReminderHost />
      <DailyBackupHost />
      <PrintCommandHost />
    </ShellContext.Provider>
  );
}
