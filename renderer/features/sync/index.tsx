import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageOf } from '../../ui/i18n';
import { getBridge } from '../../bridge';
import type { Portfolio } from '../../../shared/model/records';
import { issueMessage, type WorkbookIssue } from '../../../shared/workbook';
import { makeIssue } from '../../../shared/workbook/issues';
import type { ScreenProps } from '../../routes';
import { todayKey } from '../../ui/clock';
import { Dialog } from '../../ui/dialog';
import { formatNumber } from '../../ui/format';
import { navigate } from '../../ui/router';
import { useAuthor, useSettings } from '../../ui/settings-context';
import { useToast } from '../../ui/toast';
import { JobCancelled, prepareWorker, releaseWorker } from '../../workers/workbook-client';
import type { ImportResult, SheetTables } from '../../workers/workbook-jobs';
import { MappingStep } from './mapping';
import { BackupsPanel, ExportPanel, HandoverPanel, ReassignPanel, ReportsPanel } from './panels';
import { buildPlanView, emptyChoices, planChanges, type ChoiceState, type PlanInput, type PlanView } from './plan-view';
import { ImportPreview } from './preview';
import { ProgressDialog, useBusy } from './progress';
import { importPortfolio, snapshotBinder, undoToSnapshot } from '../../data/import-service';
import {
  backupDoneText,
  backupNow,
  IMPORT_FILTERS,
  RestoreError,
  RESTORE_FILTERS,
  readBackup,
  readForImport,
  restoreSource,
  takeSnapshot,
  type RestoreSource,
  undoImport,
  type CancelSink,
  type Lang,
  type OnProgress,
} from './sync-actions';
import { SyncContext, type SyncCtx } from './sync-context';
import i18next from 'i18next';
import { isQuotaError } from '../../data/storage-errors';
import { RestoreProblems } from '../recovery/restore-problems';
import './sync.css';

type Stage =
  | { kind: 'idle' }
  | { kind: 'preview'; name: string; input: PlanInput; result: Extract<ImportResult, { kind: 'plan' }>; view: PlanView; choices: ChoiceState }
  | { kind: 'mapping'; name: string; tables: SheetTables; local: Portfolio }
  | { kind: 'fatal'; name: string; message: string }
  | { kind: 'confirm-restore'; name: string; source: RestoreSource; dossiers: number; issues: WorkbookIssue[] };

/** The Excel screen: import (with preview or column mapping), export, handover, reports, backups. */
export default function SyncScreen({ params }: ScreenProps) {
  const { t, i18n } = useTranslation('sync');
  const lang: Lang = languageOf(i18n.language);
  const author = useAuthor();
  const { settings, update: updateSettings } = useSettings();
  const toast = useToast();
  const today = todayKey();
  const { busy, setBusy, updateBusy } = useBusy();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const exportRef = useRef<HTMLDivElement>(null);
  // A worker waits ready whenever no job runs (none is started to compete with one).
  useEffect(() => releaseWorker, []);
  useEffect(() => {
    if (!busy) prepareWorker();
  }, [busy]);

  const withBusy = useCallback<SyncCtx['withBusy']>(
    async (label, fn) => {
      setBusy({ label });
      const progress: OnProgress = (p) => updateBusy({ fraction: p.fraction, label: t(`progress.${p.phase}`) });
      const sink: CancelSink = (cancel) => updateBusy({ cancel });
      try {
        return await fn(progress, sink);
      } catch (err) {
        if (err instanceof JobCancelled) toast({ message: t('import.cancelled') });
        // A backup refused while restoring (damaged, incomplete): the binder is as it was.
        else if (err instanceof RestoreError) toast({ kind: 'error', message: err.message });
        // A full disk says so (nothing was saved; free space, try again): every write here is one transaction.
        else if (isQuotaError(err)) toast({ kind: 'error', message: i18next.t('recovery:quota') });
        else {
          // The exception is for the log; the toast says what it means, in the UI language.
          console.error(label, err);
          toast({ kind: 'error', message: t('unexpected') });
        }
        return undefined;
      } finally {
        setBusy(null);
      }
    },
    [setBusy, updateBusy, t, toast],
  );

  const save = useCallback<SyncCtx['save']>(
    async (name, data, done) => {
      const r = await getBridge().saveFile({ suggestedName: name, data, filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
      if (r.saved) toast({ kind: 'success', message: done(r.path ?? name) });
      return r.saved;
    },
    [toast],
  );

  const binder = useCallback<SyncCtx['binder']>(
    (progress, sink) => ({
      takeSnapshot: (label) => takeSnapshot(label, progress, sink),
      restoreSnapshot: (id) => undoImport(id, lang, progress, sink),
      settings: () => settings,
      updateSettings,
    }),
    [lang, settings, updateSettings],
  );

  const ctx = useMemo<SyncCtx>(() => ({ author, lang, today, toast, withBusy, binder, save }), [author, lang, today, toast, withBusy, binder, save]);

  /** The snapshot's undo: the whole portfolio back as it was, in one transaction. */
  const offerUndo = useCallback(
    (snapshotId: string, message: string) =>
      toast({
        kind: 'success',
        message,
        duration: 15_000,
        onUndo: async () => {
          const ok = await withBusy(t('progress.apply'), async (progress, sink) => {
            await undoToSnapshot(snapshotId, binder(progress, sink));
            return true;
          });
          if (ok) toast({ message: t('import.undone') });
        },
      }),
    [toast, withBusy, t, binder],
  );

  const startImport = useCallback(async () => {
    const file = await getBridge().openFile({ filters: IMPORT_FILTERS });
    if (!file) return;
    const read = await withBusy(t('import.reading', { name: file.name }), (progress, sink) => readForImport(file.data, progress, sink));
    if (!read) return;
    const { result, local } = read;
    if (result.kind === 'fatal') setStage({ kind: 'fatal', name: file.name, message: issueMessage(result.fatal, lang) });
    else if (result.kind === 'foreign') setStage({ kind: 'mapping', name: file.name, tables: result.tables, local });
    else {
      const input: PlanInput = { plan: result.plan, portfolio: result.portfolio, local, meta: result.meta, returningFrom: result.returningFrom, returning: result.returning };
      const view = buildPlanView(input, lang, (k) => t(k));
      setStage({ kind: 'preview', name: file.name, input, result, view, choices: emptyChoices(view) });
    }
  }, [withBusy, t, lang]);

  const applyPreview = useCallback(async () => {
    if (stage.kind !== 'preview') return;
    const { name, input, choices, view } = stage;
    setStage({ kind: 'idle' });
    const done = await withBusy(t('import.applying'), (progress, sink) =>
      importPortfolio(
        {
          label: t('import.snapshotLabel', { name }),
          changes: planChanges(input, choices),
          holidaysAdded: input.plan.holidaysAdded,
          workingDaysAdded: input.plan.workingDaysAdded,
          onApplying: () => sink(undefined),
          onProgress: (d, n) => progress({ phase: 'apply', fraction: n ? d / n : 1 }),
        },
        binder(progress, sink),
      ),
    );
    if (!done) return;
    offerUndo(
      done.snapshotId,
      // The numbers the preview showed, not a recount of what was written.
      t('import.merged', {
        created: formatNumber(view.counts.created, lang),
        updated: formatNumber(view.counts.updated, lang),
        conflicts: formatNumber(view.counts.conflicts, lang),
        history: formatNumber(view.counts.history, lang),
      }),
    );
  }, [stage, withBusy, t, lang, offerUndo, binder]);

  const restoreFile = async () => {
    const file = await getBridge().openFile({ filters: RESTORE_FILTERS });
    if (file) await readForRestore(file.name, file.data);
  };

  const readForRestore = async (name: string, data: Uint8Array) => {
    const r = await withBusy(t('progress.read'), (progress, sink) => readBackup(data, lang, progress, sink));
    if (!r) return;
    if (r.kind === 'fatal') setStage({ kind: 'fatal', name, message: r.message });
    else setStage({ kind: 'confirm-restore', name, source: r.source, dossiers: r.dossiers, issues: r.issues });
  };

  const restoreBackup = async (name: string) => {
    try {
      await readForRestore(name, await getBridge().readBackup(name));
    } catch (err) {
      console.error('reading a backup failed', err);
      setStage({ kind: 'fatal', name, message: issueMessage(makeIssue('unreadable'), lang) });
    }
  };

  const confirmRestore = async () => {
    if (stage.kind !== 'confirm-restore') return;
    const { name, source } = stage;
    setStage({ kind: 'idle' });
    const snapshotId = await withBusy(t('import.applying'), async (progress, sink) => {
      const id = await snapshotBinder(t('backups.snapshotLabel', { name }), binder(progress, sink));
      await restoreSource(source, progress, sink);
      return id;
    });
    if (snapshotId) offerUndo(snapshotId, t('backups.restored', { name }));
  };

  // Going back to a snapshot is itself a restore: the current state is kept as a snapshot first.
  const undoSnapshot = async (id: string, label: string) => {
    const before = await withBusy(t('progress.apply'), async (progress, sink) => {
      const ports = binder(progress, sink);
      const current = await snapshotBinder(t('backups.snapshotLabel', { name: label }), ports);
      await undoToSnapshot(id, ports);
      return current;
    });
    if (before) offerUndo(before, t('backups.restored', { name: label }));
  };

  const focusExport = () => exportRef.current?.querySelector<HTMLElement>('input, button')?.focus();

  // Menu commands and shortcuts arrive as routes from the shell: '#/sync/import', '#/sync/export', '#/sync/backup'.
  const commands = useRef({ startImport, focusExport, backup: () => withBusy(t('progress.write'), (p, s) => backupNow('manual', author, lang, p, s)) });
  commands.current = { startImport, focusExport, backup: () => withBusy(t('progress.write'), (p, s) => backupNow('manual', author, lang, p, s)) };

  const action = params[0];
  useEffect(() => {
    if (action === 'import' || action === 'backup') {
      // Back to '#/sync' so the same command works again (and a reload does not repeat it).
      navigate('sync');
      if (action === 'import') void commands.current.startImport();
      else void commands.current.backup().then((info) => info && toast({ kind: 'success', message: backupDoneText(info) }));
    } else if (action === 'export') {
      commands.current.focusExport();
      if (params[1] !== 'selection') navigate('sync');
    }
  }, [action]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <SyncContext.Provider value={ctx}>
      <div className="sync-screen">
        <h1>{t('title')}</h1>
        <div className="sync-grid">
          <section className="sync-card sync-import" aria-labelledby="sync-import">
            <h2 id="sync-import">{t('section.import')} <kbd>Ctrl+O</kbd></h2>
            <p className="sync-hint">{t('import.hint')}</p>
            <button className="btn btn-primary" onClick={startImport} data-testid="import-start">{t('import.button')}</button>
          </section>
          <div ref={exportRef}>
            <ExportPanel preset={action === 'export' && params[1] === 'selection' ? 'selection' : undefined} />
          </div>
          <HandoverPanel />
          <ReportsPanel />
          <BackupsPanel onRestoreFile={restoreFile} onRestoreBackup={restoreBackup} onUndoSnapshot={undoSnapshot} />
          <ReassignPanel />
        </div>
      </div>

      <ProgressDialog busy={busy} />

      {stage.kind === 'preview' && (
        <ImportPreview
          fileName={stage.name}
          view={stage.view}
          errors={stage.result.errors}
          warnings={stage.result.warnings}
          lang={lang}
          choices={stage.choices}
          onChoices={(choices) => setStage({ ...stage, choices })}
          changeCount={stage.view.changeCount}
          onApply={applyPreview}
          onCancel={() => setStage({ kind: 'idle' })}
        />
      )}
      {stage.kind === 'mapping' && (
        <MappingStep name={stage.name} tables={stage.tables} local={stage.local} onClose={() => setStage({ kind: 'idle' })} onImported={offerUndo} />
      )}
      <Dialog
        open={stage.kind === 'fatal'}
        title={t('import.fatalTitle')}
        onClose={() => setStage({ kind: 'idle' })}
        testId="import-fatal"
        footer={<button className="btn btn-primary" onClick={() => setStage({ kind: 'idle' })}>{t('common:action.close')}</button>}
      >
        {stage.kind === 'fatal' && (
          <>
            <p><strong>{stage.name}</strong></p>
            <p role="alert">{stage.message}</p>
            <p className="sync-muted">{t('import.nothingChanged')}</p>
          </>
        )}
      </Dialog>
      <Dialog
        open={stage.kind === 'confirm-restore'}
        title={t('backups.confirmTitle')}
        onClose={() => setStage({ kind: 'idle' })}
        testId="restore-confirm"
        footer={
          <>
            <button className="btn" onClick={() => setStage({ kind: 'idle' })}>{t('cancel')}</button>
            <button className="btn btn-danger" onClick={confirmRestore}>{t('backups.restore')}</button>
          </>
        }
      >
        {stage.kind === 'confirm-restore' && (
          <>
            <p>{t('backups.confirm', { name: stage.name, count: formatNumber(stage.dossiers, lang) })}</p>
            <RestoreProblems issues={stage.issues} lang={lang} />
          </>
        )}
      </Dialog>
    </SyncContext.Provider>
  );
}
