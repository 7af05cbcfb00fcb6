import { createRoot } from 'react-dom/client';
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { checkBinder } from '../shared/model/binder-marker';
import { App } from './app';
import { getBridge } from './bridge';
import { binderExists, binderNeedsUpgrade, ensureBinderId, markerOf, openBinder, readBinderState, upgradeBinder } from './data/binder-identity';
import type { RecoveryReason } from './features/recovery';
import { setCurrentBinderId } from './features/recovery/marker-keeper';
import { requestPersistentStorage } from './features/recovery/storage-usage';
import { initI18n, systemLanguage } from './ui/i18n';
import { SettingsProvider } from './ui/settings-context';
import { ToastProvider } from './ui/toast';
import type { Settings } from '../shared/model/settings';
import './ui/styles.css';

function render(settings: Settings, children: ReactNode) {
  createRoot(document.getElementById('root')!).render(
    <SettingsProvider initial={settings}>
      <ToastProvider>{children}</ToastProvider>
    </SettingsProvider>,
  );
}

async function showRecovery(settings: Settings, reason: RecoveryReason) {
  // Loaded only when needed: the workbook reader stays out of the start-up bundle.
  const { default: RecoveryScreen } = await import('./features/recovery');
  render(settings, <RecoveryScreen reason={reason} />);
}

/**
 * Opens the database. A pending upgrade runs in a worker (db-upgrade-client.ts) while the
 * window shows a notice with a moving bar: the window stays responsive however long it takes.
 */
async function openDb(): Promise<void> {
  if (await binderNeedsUpgrade()) {
    // A bare "Loading…" for a minute looks like a hang, and closing the app would restart the upgrade.
    const root = document.getElementById('root')!;
    root.innerHTML = '<div class="upgrade-notice" role="status"><strong>Tickler CRM</strong><p></p><progress></progress></div>';
    root.querySelector('p')!.textContent = i18next.t('common:state.upgrading');
    try {
      await upgradeBinder();
    } finally {
      root.replaceChildren();
    }
  }
  await openBinder();
}

async function start() {
  const bridge = getBridge();
  const settings = await bridge.getSettings();
  await initI18n(settings.language ?? systemLanguage());
  requestPersistentStorage();
  // Asked before opening: opening creates an empty database where there was none.
  const existed = await binderExists();
  try {
    await openDb();
  } catch (err) {
    // An upgrade that failed, a version from a newer app, a damaged store: never a blank window.
    return showRecovery(settings, { kind: 'open-failed', message: err instanceof Error ? err.message : String(err) });
  }
  const state = await readBinderState();
  const marker = await bridge.getBinderMarker();
  const check = checkBinder(marker, existed ? state : null);
  if (!check.ok) return showRecovery(settings, { kind: 'marker', check });
  const binderId = await ensureBinderId();
  setCurrentBinderId(binderId);
  if (!marker || marker.binderId !== binderId || marker.dossiers !== state.dossiers) await bridge.setBinderMarker(markerOf(binderId, state.dossiers));
  render(settings, <App startDossiers={state.dossiers} />);
}

start().catch((err: unknown) => {
  // Never a blank window: say what failed, in both languages, without a stack trace.
  const root = document.getElementById('root')!;
  root.textContent = `Tickler CRM could not start / Не удалось запустить Tickler CRM: ${err instanceof Error ? err.message : String(err)}`;
});
