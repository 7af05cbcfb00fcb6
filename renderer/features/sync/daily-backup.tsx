import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { languageOf } from '../../ui/i18n';
import { getBridge } from '../../bridge';
import { storedDossierCount } from '../../data/binder-identity';
import { backupRemindedOn, getLastBackupAt, rememberBackupReminder } from '../../data/sync-repo';
import { todayKey } from '../../ui/clock';
import { useAuthor } from '../../ui/settings-context';
import { useToast } from '../../ui/toast';
import { binderLooksWhole } from '../recovery/marker-keeper';

/** How often the app checks that today's backup exists (it also checks shortly after start). */
const CHECK_EVERY_MS = 3 * 60 * 60 * 1000;
const FIRST_CHECK_MS = 20_000;

function localDay(iso: string): string {
  return todayKey(new Date(iso));
}

/**
 * The automatic daily backup. In Electron a whole-portfolio workbook is written to the
 * backups folder (rotated by the main process) once a day, quietly. In the browser a
 * backup can only be a download, and a file appearing in Downloads every day unasked is
 * worse than none, so the browser gets one reminder a day instead (Excel → Back up now).
 */
export function DailyBackupHost() {
  const { t, i18n } = useTranslation('sync');
  const author = useAuthor();
  const toast = useToast();
  const latest = useRef({ author, lang: languageOf(i18n.language), t, toast });
  latest.current = { author, lang: languageOf(i18n.language), t, toast };

  useEffect(() => {
    let running = false;
    const check = async () => {
      if (running) return;
      running = true;
      try {
        const today = todayKey();
        // A binder emptied under the running app is no binder to back up: its copy would
        // sit among the good ones (the start-up check stops the app on it next time).
        if (!(await binderLooksWhole())) return;
        const last = await getLastBackupAt();
        if (last && localDay(last) === today) return;
        const { author, lang, t, toast } = latest.current;
        if (getBridge().platform === 'electron') {
          // Loaded on demand: SheetJS stays out of the start-up bundle.
          const { backupNow } = await import('./sync-actions');
          await backupNow('daily', author, lang, () => {}, () => {});
          return;
        }
        if (await backupRemindedOn(today)) return;
        if ((await storedDossierCount()) === 0) return;
        await rememberBackupReminder(today);
        toast({ message: t('backups.reminder'), duration: 12_000 });
      } catch (err) {
        latest.current.toast({ kind: 'error', message: latest.current.t('backups.failed', { message: err instanceof Error ? err.message : String(err) }) });
      } finally {
        running = false;
      }
    };
    const first = setTimeout(check, FIRST_CHECK_MS);
    const every = setInterval(check, CHECK_EVERY_MS);
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  }, []);
  return null;
}
