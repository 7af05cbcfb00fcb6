import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../shared/bridge';
import type { BinderCheck } from '../../../shared/model/binder-marker';
import { getBridge } from '../../bridge';
import { todayKey } from '../../ui/clock';
import { Dialog } from '../../ui/dialog';
import { formatInstant, formatNumber } from '../../ui/format';
import { useAuthor } from '../../ui/settings-context';
import { acceptBinder } from './marker-keeper';
import { BackupUnreadable, exportReadable, newestGood, readBackupFile, restoreBinder, type ReadBackup } from './recovery-actions';
import { errorText } from './error-text';
import { RestoreProblems } from './restore-problems';
import { RESTORE_FILTERS } from '../sync/sync-actions';
import './recovery.css';

/** Why the app stopped here instead of opening the binder. */
export type RecoveryReason =
  | { kind: 'marker'; check: Extract<BinderCheck, { ok: false }> }
  | { kind: 'open-failed'; message: string };

type Busy = 'reading' | 'restoring' | 'export' | null;

/**
 * The screen the app stops on when the binder is missing, much smaller than the marker
 * says, or cannot be opened: the backups (and, in Electron, their folder), restore with the
 * problems found shown first, an export of whatever can still be read, and, for a binder
 * that really is meant to be like this, continuing with it. Nothing is written until the
 * manager chooses, and the daily backup does not run behind this screen.
 */
export default function RecoveryScreen({ reason }: { reason: RecoveryReason }) {
  const { t, i18n } = useTranslation('recovery');
  const lang = i18n.language === 'ru' ? 'ru' : 'en';
  const author = useAuthor();
  const bridge = getBridge();
  const electron = bridge.platform === 'electron';
  const damaged = reason.kind === 'open-failed';
  const [backups, setBackups] = useState<BackupInfo[]>([]);
  const [folder, setFolder] = useState<string | undefined>();
  const [busy, setBusy] = useState<Busy>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [confirm, setConfirm] = useState<ReadBackup | null>(null);
  const [continuing, setContinuing] = useState(false);

  useEffect(() => {
    if (!electron) return;
    void bridge.listBackups().then(setBackups, () => setBackups([]));
    void bridge.appInfo().then((info) => setFolder(info.backupsDir), () => undefined);
  }, [bridge, electron]);

  const run = async (what: Busy, fn: () => Promise<void>) => {
    setBusy(what);
    setMessage(null);
    try {
      await fn();
    } catch (err) {
      const text = err instanceof BackupUnreadable ? err.message : errorText(err);
      setMessage({ kind: 'error', text: what === 'export' ? text : t('failed', { message: text }) });
    } finally {
      setBusy(null);
    }
  };

  const read = (name: string, load: () => Promise<Uint8Array>) =>
    run('reading', async () => setConfirm(await readBackupFile(name, await load(), lang)));
  const readFile = async () => {
    const file = await bridge.openFile({ filters: RESTORE_FILTERS });
    if (file) await read(file.name, async () => file.data);
  };
  const restore = (b: ReadBackup) => {
    setConfirm(null);
    return run('restoring', async () => {
      await restoreBinder(b.source, damaged);
      window.location.reload();
    });
  };
  const exportAll = () =>
    run('export', async () => {
      const r = await exportReadable(author, lang, todayKey());
      if (!r) return;
      setMessage(r.dossiers ? { kind: 'info', text: t('exported', { n: formatNumber(r.dossiers, lang), name: r.name }) } : { kind: 'error', text: t('exportNothing') });
    });
  const continueAsIs = () =>
    run('restoring', async () => {
      await acceptBinder();
      window.location.reload();
    });

  const good = newestGood(backups);
  const problem = reason.kind === 'open-failed' ? t('problem.openFailed', { message: reason.message }) : t(`problem.${reason.check.problem}`, { expected: formatNumber(reason.check.expected, lang), found: formatNumber(reason.check.found, lang) });

  return (
    <div className="recovery" data-testid="recovery">
      <div className="recovery-card">
        <h1>{t('title')}</h1>
        <p className="recovery-problem" role="alert">{problem}</p>
        <p className="recovery-muted">{t('untouched')}</p>

        <section aria-labelledby="recovery-backups">
          <h2 id="recovery-backups">{t('backups.title')}</h2>
          {electron ? (
            <>
              {folder && (
                <p className="recovery-folder">
                  <span>{t('backups.folder')}:</span> <code title={folder}>{folder}</code>{' '}
                  <button type="button" className="btn btn-link" onClick={() => void bridge.openBackupsFolder()}>{t('backups.openFolder')}</button>
                </p>
              )}
              {backups.length === 0 ? (
                <p className="recovery-muted">{t('backups.none')}</p>
              ) : (
                <ul className="recovery-list" data-testid="recovery-backups">
                  {backups.slice(0, 8).map((b) => (
                    <li key={b.name} className={b === good ? 'recovery-good' : undefined}>
                      <span>{formatInstant(b.createdAt, lang)}</span>
                      <span className="recovery-muted">
                        {b.dossiers === 0 ? t('backups.emptyBackup') : b.dossiers !== undefined ? t('backups.dossiers', { count: b.dossiers, n: formatNumber(b.dossiers, lang) }) : ''}
                        {b === good && ` · ${t('backups.newest')}`}
                      </span>
                      <button type="button" className={b === good ? 'btn btn-primary' : 'btn'} disabled={busy !== null} onClick={() => void read(b.name, () => bridge.readBackup(b.name))}>
                        {t('restore')}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : (
            <p className="recovery-muted">{t('backups.web')}</p>
          )}
          <p>
            <button type="button" className={electron ? 'btn' : 'btn btn-primary'} disabled={busy !== null} onClick={() => void readFile()} data-testid="recovery-restore-file">
              {t('restoreFile')}
            </button>
          </p>
        </section>

        <section aria-labelledby="recovery-export">
          <h2 id="recovery-export">{t('exportTitle')}</h2>
          <p className="recovery-muted">{t('exportHint')}</p>
          <p className="recovery-actions">
            <button type="button" className="btn" disabled={busy !== null} onClick={() => void exportAll()} data-testid="recovery-export">{t('export')}</button>
            {reason.kind === 'marker' && (
              <button type="button" className="btn btn-link" disabled={busy !== null} onClick={() => setContinuing(true)} data-testid="recovery-continue">{t('continue')}</button>
            )}
          </p>
        </section>

        {busy && (
          <div className="recovery-busy" role="status">
            <progress />
            <span>{busy === 'reading' ? t('reading') : busy === 'restoring' ? t('restoring') : t('export')}</span>
          </div>
        )}
        {message && <p className={message.kind === 'error' ? 'field-error' : 'recovery-info'} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      </div>

      <Dialog
        open={confirm !== null}
        title={confirm ? t('confirmTitle', { name: confirm.name }) : ''}
        onClose={() => setConfirm(null)}
        testId="recovery-confirm"
        size="wide"
        footer={
          <>
            <button type="button" className="btn" onClick={() => setConfirm(null)}>{t('common:action.cancel')}</button>
            <button type="button" className="btn btn-danger" onClick={() => confirm && void restore(confirm)}>{t('restore')}</button>
          </>
        }
      >
        {confirm && (
          <>
            <p>
              {confirm.source.kind === 'workbook'
                ? t('confirm', { dossiers: formatNumber(confirm.dossiers, lang), history: formatNumber(confirm.source.portfolio.history.length, lang) })
                : t('confirmCopy', { dossiers: formatNumber(confirm.dossiers, lang) })}
            </p>
            <RestoreProblems issues={confirm.issues} lang={lang} />
            {damaged && <p className="recovery-muted">{t('confirmDamaged')}</p>}
          </>
        )}
      </Dialog>
      <Dialog
        open={continuing}
        title={t('continueTitle')}
        onClose={() => setContinuing(false)}
        testId="recovery-continue-confirm"
        footer={
          <>
            <button type="button" className="btn" onClick={() => setContinuing(false)}>{t('common:action.cancel')}</button>
            <button type="button" className="btn btn-danger" onClick={() => void continueAsIs()}>{t('continue')}</button>
          </>
        }
      >
        {reason.kind === 'marker' && <p>{t('continueConfirm', { found: formatNumber(reason.check.found, lang) })}</p>}
      </Dialog>
    </div>
  );
}
