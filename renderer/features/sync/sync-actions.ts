/**
 * The sync screen's operations without React: export a scope, snapshot before an import,
 * undo an import, restore a backup, handover. Heavy work runs in the workbook worker; the
 * DB writes are the single transactions of sync-repo.
 */
import i18next from 'i18next';
import type { BackupWriteRequest, BackupWriteResult } from '../../../shared/bridge';
import { getBridge } from '../../bridge';
import { calendarToCarry } from '../../../shared/dates/calendar-exchange';
import type { Portfolio } from '../../../shared/model/records';
import { handoverCover, type CoverFields } from '../../../shared/portfolio/handover';
import { issueMessage, type ExportMeta, type WorkbookIssue } from '../../../shared/workbook';
import { BinderCopyUnreadable, CopyCancelled, isBinderCopy, readCopyHeader, type BinderCopy } from '../../data/backup-stream';
import { readPortfolio } from '../../data/portfolio-repo';
import { getSnapshot, saveSnapshot } from '../../data/snapshot-repo';
import { replacePortfolio, setLastBackupAt } from '../../data/sync-repo';
import { addCarriedCalendar, calendarOf, type BinderPorts } from '../../data/import-service';
import { forSnapshot, fromSnapshot } from '../../data/sync-snapshot';
import type { PortfolioScope } from '../../data/types';
import type { Language as WorkbookLanguage } from '../../../shared/workbook/write';
import { todayKey } from '../../ui/clock';
import { JobCancelled, startJob, type RunningJob } from '../../workers/workbook-client';
import { openImport, type ImportSession } from '../../workers/import-client';
import { copyBinderOut, restoreCopyIn } from '../../workers/backup-client';
import type { ImportOpened } from '../../workers/import-session';
import type { ChoiceState } from './plan-view';
import { acceptBinder } from '../recovery/marker-keeper';
import type { JobProgress } from '../../workers/workbook-jobs';

/** The workbook's language: its sheet names, headers and notes. */
export type Lang = WorkbookLanguage;
export type OnProgress = (p: JobProgress) => void;

/** Lets the caller cancel whatever job is running now. */
export type CancelSink = (cancel: (() => void) | undefined) => void;

async function runJob<R>(job: RunningJob<R>, sink: CancelSink): Promise<R> {
  sink(job.cancel);
  try {
    return await job.result;
  } finally {
    sink(undefined);
  }
}

export async function exportMeta(author: string, lang: Lang, scope: string): Promise<ExportMeta> {
  const info = await getBridge().appInfo();
  return { appVersion: info.version, exportedBy: author, scope, language: lang };
}

export async function writeWorkbook(p: Portfolio, meta: ExportMeta, onProgress: OnProgress, sink: CancelSink): Promise<Uint8Array> {
  // The working calendar lives in the settings, not the database, yet travels with every
  // workbook: the colleague's "+3 working days" must mean what it means here.
  const carried = p.holidays.length ? { holidays: p.holidays, extraWorkingDays: p.extraWorkingDays ?? [] } : calendarToCarry(await getBridge().getSettings(), todayKey());
  const r = await runJob(startJob({ kind: 'write', portfolio: { ...p, ...carried }, meta }, onProgress), sink);
  return r.data;
}

/** Only the dossiers of `ids` and their records. */
export function subsetPortfolio(p: Portfolio, keep: (d: Portfolio['dossiers'][number]) => boolean): Portfolio {
  const dossiers = p.dossiers.filter(keep);
  const ids = new Set(dossiers.map((d) => d.id));
  const mine = <T extends { dossierId: string }>(xs: T[]) => xs.filter((x) => ids.has(x.dossierId));
  return {
    dossiers,
    contacts: mine(p.contacts),
    history: mine(p.history),
    steps: mine(p.steps),
    invoices: mine(p.invoices),
    payments: mine(p.payments),
    holidays: p.holidays,
    extraWorkingDays: p.extraWorkingDays,
  };
}

/** File names: 'tickler-<scope>-<date>.xlsx', with the scope made safe for any file system. */
export function suggestedName(scope: string, today: string): string {
  const safe = scope
    .replace(/[\\/:*?"<>|\s]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return `tickler-${safe || 'portfolio'}-${today}.xlsx`;
}

export const XLSX_FILTERS = [{ name: 'Excel', extensions: ['xlsx'] }];
/** A backup to restore: a workbook or a stream copy (backup-format.ts). */
export const RESTORE_FILTERS = [{ name: 'Tickler backup / Excel', extensions: ['xlsx', 'gz'] }];
export const IMPORT_FILTERS = [
  { name: 'Excel / LibreOffice / CSV', extensions: ['xlsx', 'xls', 'ods', 'csv'] },
];

export async function loadScope(scope: PortfolioScope): Promise<Portfolio> {
  return readPortfolio(scope);
}

/**
 * A copy of the whole binder, streamed out of the database in chunks (backup-stream.ts) on
 * the backup worker's thread: the window stays free, the cancel and the progress bar work throughout.
 */
async function copyBinder(onProgress: OnProgress, sink: CancelSink): Promise<BinderCopy> {
  const abort = new AbortController();
  sink(() => abort.abort());
  try {
    return await copyBinderOut({ signal: abort.signal, onProgress: (d, n) => onProgress({ phase: 'copy', fraction: n ? d / n : 1 }) });
  } catch (err) {
    throw err instanceof CopyCancelled ? new JobCancelled() : err;
  } finally {
    sink(undefined);
  }
}

/**
 * The pre-import (or pre-restore) snapshot: a copy of the whole binder, kept in the
 * snapshots table for one-click undo, and in Electron also as a backup file on disk. In
 * web mode a backup file is a download, so the snapshot stays in the browser only.
 */
export async function takeSnapshot(label: string, onProgress: OnProgress, sink: CancelSink): Promise<string> {
  const copy = await copyBinder(onProgress, sink);
  const row = await saveSnapshot(label, copy);
  if (getBridge().platform === 'electron') await writeCopyBackup('pre-import', copy);
  return row.id;
}

async function writeCopyBackup(kind: BackupWriteRequest['kind'], copy: BinderCopy): Promise<BackupWriteResult> {
  // Gzipped, a copy is a fraction of the binder's size: it crosses to the main process whole.
  const data = new Uint8Array(await copy.blob.arrayBuffer());
  return getBridge().writeBackup({ kind, data, dossiers: copy.dossiers, format: 'copy' });
}

export class RestoreError extends Error {}

/** Reads a workbook backup in the worker (the portfolio as it was stored). */
export async function readSnapshot(data: Uint8Array, onProgress: OnProgress, sink: CancelSink) {
  const r = await runJob(startJob({ kind: 'read', data }, onProgress), sink);
  return r.kind === 'fatal' ? r : { ...r, portfolio: fromSnapshot(r.portfolio) };
}

/** What a restore puts back: a workbook's portfolio, or a stream copy (checked as it is restored). */
export type RestoreSource = { kind: 'workbook'; portfolio: Portfolio } | { kind: 'copy'; blob: Blob };

export type ReadBackupResult =
  | { kind: 'fatal'; message: string }
  | { kind: 'ok'; source: RestoreSource; dossiers: number; issues: WorkbookIssue[] };

/**
 * A backup file's or snapshot's contents, before anything is replaced: a stream copy (the
 * format of snapshots and daily backups) says what it holds; a workbook (a manual backup,
 * or any backup from before stream copies) is read whole, with the problems found in it.
 */
export async function readBackup(data: Uint8Array | Blob, lang: Lang, onProgress: OnProgress, sink: CancelSink): Promise<ReadBackupResult> {
  const blob = data instanceof Blob ? data : new Blob([data as Uint8Array<ArrayBuffer>]);
  if (isBinderCopy(new Uint8Array(await blob.slice(0, 2).arrayBuffer()))) {
    onProgress({ phase: 'read' });
    try {
      const header = await readCopyHeader(blob);
      return { kind: 'ok', source: { kind: 'copy', blob }, dossiers: header.dossiers, issues: [] };
    } catch (err) {
      if (err instanceof BinderCopyUnreadable) return { kind: 'fatal', message: copyErrorText(err) };
      throw err;
    }
  }
  const bytes = data instanceof Blob ? new Uint8Array(await data.arrayBuffer()) : data;
  const r = await readSnapshot(bytes, onProgress, sink);
  if (r.kind === 'fatal') return { kind: 'fatal', message: issueMessage(r.fatal, lang) };
  return { kind: 'ok', source: { kind: 'workbook', portfolio: r.portfolio }, dossiers: r.portfolio.dossiers.length, issues: [...r.errors, ...r.warnings] };
}

/** Why a stream copy cannot be restored, in the UI language. */
export function copyErrorText(err: BinderCopyUnreadable): string {
  return i18next.t(`sync:backups.copy.${err.reason}`);
}

/** Replaces the DB with a snapshot (one transaction): the undo of an import or a restore. */
export async function undoImport(snapshotId: string, lang: Lang, onProgress: OnProgress, sink: CancelSink): Promise<void> {
  const snap = await getSnapshot(snapshotId);
  if (!snap) throw new RestoreError('snapshot not found');
  const r = await readBackup(snap.kind === 'copy' ? snap.blob : snap.data, lang, onProgress, sink);
  if (r.kind === 'fatal') throw new RestoreError(r.message);
  await restoreSource(r.source, onProgress, sink);
}

/**
 * Replaces the binder (a restore, an undo) in one transaction; the binder marker then
 * takes its new size, which may rightly be much smaller than before. A damaged copy is
 * refused (RestoreError) with the binder as it was.
 */
export async function restoreSource(source: RestoreSource, onProgress: OnProgress, sink: CancelSink): Promise<void> {
  if (source.kind === 'workbook') {
    sink(undefined);
    await replacePortfolio(source.portfolio, { onProgress: (d, n) => onProgress({ phase: 'apply', fraction: n ? d / n : 1 }) });
  } else {
    const abort = new AbortController();
    sink(() => abort.abort());
    try {
      await restoreCopyIn(source.blob, { signal: abort.signal, onProgress: (d, n) => onProgress({ phase: 'apply', fraction: n ? d / n : 1 }) });
    } catch (err) {
      if (err instanceof CopyCancelled) throw new JobCancelled();
      if (err instanceof BinderCopyUnreadable) throw new RestoreError(copyErrorText(err), { cause: err });
      throw err;
    } finally {
      sink(undefined);
    }
  }
  await acceptBinder();
}

/** The preview's strings in the UI language, for the import worker (which has no i18next). */
function previewStrings(lang: Lang): Record<string, unknown> {
  return (i18next.getResourceBundle(lang, 'sync') as Record<string, unknown> | undefined) ?? {};
}

/**
 * Opens an import session on the file (import-client.ts): the worker reads the binder and
 * the file, plans the merge and builds the preview; the window gets its first pages. A
 * session that ends in no preview (a fatal problem, someone's own list) is closed here.
 */
export async function readForImport(data: Uint8Array, lang: Lang, onProgress: OnProgress, sink: CancelSink): Promise<{ session: ImportSession; opened: ImportOpened }> {
  onProgress({ phase: 'load' });
  const session = openImport(data, { lang, strings: previewStrings(lang) }, onProgress);
  sink(session.cancel);
  try {
    const opened = await session.opened;
    if (opened.kind !== 'preview') session.close();
    return { session, opened };
  } catch (err) {
    session.close();
    throw err;
  } finally {
    sink(undefined);
  }
}

/**
 * The previewed import with the user's choices, as one operation (import-service.ts): the
 * snapshot for undo and the changes in one transaction, both in the worker (cancel works
 * throughout and stores nothing of the import), then the days off the workbook carried
 * join the settings. In Electron the snapshot is kept as a backup file too.
 */
export async function applyImportSession(
  session: ImportSession,
  opened: Extract<ImportOpened, { kind: 'preview' }>,
  choices: ChoiceState,
  label: string,
  ports: Pick<BinderPorts, 'settings' | 'updateSettings'>,
  onProgress: OnProgress,
  sink: CancelSink,
): Promise<{ snapshotId: string }> {
  const bridge = getBridge();
  const before = ports.settings();
  sink(session.cancel);
  try {
    const done = await session.apply({ choices, snapshotLabel: label, calendar: calendarOf(before), returnCopy: bridge.platform === 'electron' }, onProgress);
    sink(undefined);
    if (done.copy) await writeCopyBackup('pre-import', done.copy);
    await addCarriedCalendar(before, opened, ports);
    return { snapshotId: done.snapshotId };
  } finally {
    sink(undefined);
    session.close();
  }
}

/**
 * A full backup. The daily one is a stream copy of the binder (Electron only: a rotating
 * file). "Back up now" stays a workbook the manager can open in Excel: Electron keeps it
 * among the backups, web mode downloads it.
 * A daily backup of an empty binder is not written: there is nothing in it to keep, and
 * after a wipe it would be the empty copy that the good ones are compared against.
 */
export async function backupNow(kind: 'daily' | 'manual', author: string, lang: Lang, onProgress: OnProgress, sink: CancelSink) {
  let info: BackupWriteResult;
  if (kind === 'daily') {
    const copy = await copyBinder(onProgress, sink);
    if (copy.dossiers === 0) return null;
    info = await writeCopyBackup('daily', copy);
  } else {
    const all = forSnapshot(await readPortfolio({ kind: 'all' }));
    const data = await writeWorkbook(all, await exportMeta(author, lang, 'backup'), onProgress, sink);
    info = await getBridge().writeBackup({ kind, data, dossiers: all.dossiers.length, format: 'workbook' });
  }
  await setLastBackupAt(info.createdAt);
  return info;
}

/**
 * The handover workbook: the dossiers of `owner` due in [from, to] with full history,
 * marked as covered for `owner` by `colleague` during the leave [leaveFrom, until]. The owner
 * stays: the colleague only covers. `home` is what the owner's binder records for them.
 */
export async function handoverPortfolio(owner: string, colleague: string, from: string, to: string, leave: { from: string; until: string }): Promise<{ portfolio: Portfolio; home: CoverFields }> {
  const due = await readPortfolio({ kind: 'period', from, to });
  const p = subsetPortfolio(due, (d) => d.owner === owner && d.status === 'active');
  const cover = handoverCover(owner, colleague, leave.from, leave.until);
  return { portfolio: { ...p, dossiers: p.dossiers.map((d) => ({ ...d, ...cover.copy })) }, home: cover.home };
}

/**
 * The colleague's hand-back workbook: only the given covered dossiers, with everything they
 * hold (history, steps, invoices and payments, whatever was added or changed during the cover).
 */
export function handBackPortfolio(ids: string[]): Promise<Portfolio> {
  return readPortfolio({ kind: 'ids', ids });
}

/** The hand-back workbook's bytes and file name, and the dossiers it holds. */
export async function handBackWorkbook(ids: string[], owner: string, author: string, lang: Lang, today: string) {
  const p = await handBackPortfolio(ids);
  const meta = await exportMeta(author, lang, `hand-back:${author}->${owner}`);
  const data = await writeWorkbook(p, meta, () => {}, () => {});
  return { data, name: suggestedName(`hand-back-${author || 'cover'}-to-${owner}`, today), dossiers: p.dossiers };
}

/** Holidays that travel with a workbook join the settings' holidays (never replace them). */
export function mergeHolidays(current: string[], added: string[]): string[] | undefined {
  if (added.length === 0) return undefined;
  return [...new Set([...current, ...added])].sort();
}

/** "Backup saved", and which older manual backups the size cap removed, if any. */
export function backupDoneText(info: BackupWriteResult): string {
  const done = i18next.t('sync:backups.done', { name: info.name });
  return info.pruned.length ? `${done} ${i18next.t('recovery:pruned', { names: info.pruned.join(', ') })}` : done;
}
