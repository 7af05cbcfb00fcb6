/**
 * The sync screen's operations without React: export a scope, snapshot before an import,
 * undo an import, restore a backup, handover. Heavy work runs in the workbook worker; the
 * DB writes are the single transactions of sync-repo.
 */
import i18next from 'i18next';
import type { BackupWriteResult } from '../../../shared/bridge';
import { getBridge } from '../../bridge';
import { calendarToCarry } from '../../../shared/dates/calendar-exchange';
import type { Portfolio } from '../../../shared/model/records';
import type { ExportMeta } from '../../../shared/workbook';
import { readPortfolio } from '../../data/portfolio-repo';
import { applyImport, getSnapshot, replacePortfolio, saveSnapshot, setLastBackupAt } from '../../data/sync-repo';
import { forSnapshot, fromSnapshot } from '../../data/sync-snapshot';
import type { PortfolioScope } from '../../data/types';
import type { Language as WorkbookLanguage } from '../../../shared/workbook/write';
import { todayKey } from '../../ui/clock';
import { startJob, type RunningJob } from '../../workers/workbook-client';
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
export const IMPORT_FILTERS = [
  { name: 'Excel / LibreOffice / CSV', extensions: ['xlsx', 'xls', 'ods', 'csv'] },
];

export async function loadScope(scope: PortfolioScope): Promise<Portfolio> {
  return readPortfolio(scope);
}

/**
 * The pre-import (or pre-restore) snapshot: the whole DB as our workbook, kept in the
 * snapshots table for one-click undo, and in Electron also as a backup file on disk. In
 * web mode a backup file is a download, so the snapshot stays in the browser only.
 */
export async function takeSnapshot(label: string, author: string, lang: Lang, onProgress: OnProgress, sink: CancelSink): Promise<string> {
  const all = forSnapshot(await readPortfolio({ kind: 'all' }));
  const data = await writeWorkbook(all, await exportMeta(author, lang, 'snapshot'), onProgress, sink);
  const row = await saveSnapshot(label, data);
  if (getBridge().platform === 'electron') await getBridge().writeBackup({ kind: 'pre-import', data: data.slice(), dossiers: all.dossiers.length });
  return row.id;
}

export class RestoreError extends Error {}

/** Reads a snapshot or backup workbook in the worker (the portfolio as it was stored). */
export async function readSnapshot(data: Uint8Array, onProgress: OnProgress, sink: CancelSink) {
  const r = await runJob(startJob({ kind: 'read', data }, onProgress), sink);
  return r.kind === 'fatal' ? r : { ...r, portfolio: fromSnapshot(r.portfolio) };
}

/** Replaces the DB with a snapshot (one transaction): the undo of an import or a restore. */
export async function undoImport(snapshotId: string, onProgress: OnProgress, sink: CancelSink): Promise<void> {
  const snap = await getSnapshot(snapshotId);
  if (!snap) throw new RestoreError('snapshot not found');
  const r = await readSnapshot(snap.data, onProgress, sink);
  if (r.kind === 'fatal') throw new RestoreError(r.fatal.message, { cause: r.fatal });
  sink(undefined);
  await restorePortfolio(r.portfolio, onProgress);
}

/**
 * Replaces the binder (a restore, an undo) in one transaction; the binder marker then
 * takes its new size, which may rightly be much smaller than before.
 */
export async function restorePortfolio(p: Portfolio, onProgress: OnProgress): Promise<void> {
  await replacePortfolio(p, { onProgress: (d, n) => onProgress({ phase: 'apply', fraction: n ? d / n : 1 }) });
  await acceptBinder();
}

/** Reads the file in the worker and, for our format, plans the merge against the whole DB. */
export async function readForImport(data: Uint8Array, onProgress: OnProgress, sink: CancelSink) {
  onProgress({ phase: 'load' });
  // The binder is read while the worker reads the file (seconds each for large ones).
  const local = readPortfolio({ kind: 'all' });
  const result = await runJob(startJob({ kind: 'import', data, local }, onProgress), sink);
  return { result, local: await local };
}

export async function applyChanges(changes: Portfolio, onProgress: (done: number, total: number) => void) {
  return applyImport(changes, { onProgress });
}

/**
 * A full backup: Electron writes a rotating file; web mode downloads it (on request only).
 * A daily backup of an empty binder is not written: there is nothing in it to keep, and
 * after a wipe it would be the empty copy that the good ones are compared against.
 */
export async function backupNow(kind: 'daily' | 'manual', author: string, lang: Lang, onProgress: OnProgress, sink: CancelSink) {
  const all = forSnapshot(await readPortfolio({ kind: 'all' }));
  if (kind === 'daily' && all.dossiers.length === 0) return null;
  const data = await writeWorkbook(all, await exportMeta(author, lang, 'backup'), onProgress, sink);
  const info = await getBridge().writeBackup({ kind, data, dossiers: all.dossiers.length });
  await setLastBackupAt(info.createdAt);
  return info;
}

/**
 * The handover workbook: the dossiers of `owner` due in [from, to] with full history,
 * marked as covered for `owner` until `until`. The owner stays: the colleague only covers.
 */
export async function handoverPortfolio(owner: string, from: string, to: string, until: string): Promise<Portfolio> {
  const due = await readPortfolio({ kind: 'period', from, to });
  const p = subsetPortfolio(due, (d) => d.owner === owner && d.status === 'active');
  return { ...p, dossiers: p.dossiers.map((d) => ({ ...d, coveredFor: owner, coveredUntil: until })) };
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
