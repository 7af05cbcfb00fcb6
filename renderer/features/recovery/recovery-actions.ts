/**
 * The recovery screen's operations without React: read a backup (with the problems found),
 * restore it (deleting first a database that cannot be opened), export what can be read.
 */
import type { BackupInfo } from '../../../shared/bridge';
import type { WorkbookIssue } from '../../../shared/workbook';
import { getBridge } from '../../bridge';
import { recreateDb } from '../../data/db';
import { salvageRead } from '../../data/salvage-read';
import { forSnapshot } from '../../data/sync-snapshot';
import { exportMeta, readBackup, restoreSource, suggestedName, writeWorkbook, XLSX_FILTERS, type Lang, type RestoreSource } from '../sync/sync-actions';

const ignoreProgress = () => {};
const noCancel = () => {};

export interface ReadBackup {
  name: string;
  source: RestoreSource;
  dossiers: number;
  /** Errors (rows not read) then warnings (count mismatches and the like). */
  issues: WorkbookIssue[];
}

/** A backup that cannot be restored; the message is in the UI language. */
export class BackupUnreadable extends Error {}

export async function readBackupFile(name: string, data: Uint8Array, lang: Lang): Promise<ReadBackup> {
  const r = await readBackup(data, lang, ignoreProgress, noCancel);
  if (r.kind === 'fatal') throw new BackupUnreadable(r.message);
  return { name, source: r.source, dossiers: r.dossiers, issues: r.issues };
}

/** The newest backup that holds dossiers (unknown counts, from older names, count as holding some). */
export function newestGood(list: BackupInfo[]): BackupInfo | undefined {
  return [...list].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)).find((b) => b.dossiers !== 0);
}

/** Replaces the binder with a backup and makes it the marker's binder; the caller reloads. */
export async function restoreBinder(source: RestoreSource, damaged: boolean): Promise<void> {
  // A database that cannot be opened cannot be written into: it goes, a new one takes its place.
  if (damaged) await recreateDb();
  await restoreSource(source, ignoreProgress, noCancel);
}

/** Saves every record the database still gives; returns how many dossiers and the file's name, or null if cancelled. */
export async function exportReadable(author: string, lang: Lang, today: string): Promise<{ dossiers: number; name: string } | null> {
  const { portfolio } = await salvageRead();
  if (portfolio.dossiers.length === 0) return { dossiers: 0, name: '' };
  const data = await writeWorkbook(forSnapshot(portfolio), await exportMeta(author, lang, 'recovery'), ignoreProgress, noCancel);
  const name = suggestedName('recovered', today);
  const r = await getBridge().saveFile({ suggestedName: name, data, filters: XLSX_FILTERS });
  return r.saved ? { dossiers: portfolio.dossiers.length, name: r.path ?? name } : null;
}
