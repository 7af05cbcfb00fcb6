import { createRoot } from 'react-dom/client';
import i18next from 'i18next';
import { App } from './app';
import { getBridge } from './bridge';
import { getDb, needsUpgrade } from './data/db';
import { initI18n, systemLanguage } from './ui/i18n';
import { SettingsProvider } from './ui/settings-context';
import { ToastProvider } from './ui/toast';
import './ui/styles.css';

async function start() {
  const settings = await getBridge().getSettings();
  await initI18n(settings.language ?? systemLanguage());
  if (await needsUpgrade()) {
    // A bare "Loading…" for a minute looks like a hang, and closing the app would restart the upgrade.
    const root = document.getElementById('root')!;
    root.innerHTML = '<div class="upgrade-notice" role="status"><strong>Tickler CRM</strong><p></p><progress></progress></div>';
    root.querySelector('p')!.textContent = i18next.t('common:state.upgrading');
    await getDb().open();
    root.replaceChildren();
  }
  createRoot(document.getElementById('root')!).render(
    <SettingsProvider initial={settings}>
      <ToastProvider>
        <App />
      </ToastProvider>
    </SettingsProvider>,
  );
}

start().catch((err: unknown) => {
  // Never a blank window: say what failed, in both languages, without a stack trace.
  const root = document.getElementById('root')!;
  root.textContent = `Tickler CRM could not start / Не удалось запустить Tickler CRM: ${err instanceof Error ? err.message : String(err)}`;
});
