/**
 * Reading the binder: today's folder (due today plus overdue carried forward), any day or
 * month folder, the maintained folder counters; and moving dossiers between folders.
 * All reads go through the `fileKey` index, so they cost the folder's size, not the binder's.
 */
import { compareFileKeys, earliestOpenStep, isDayKey } from '../../shared/model/filing';
import { getDb, type DossierRow } from './db';
import { changedStep } from './plans';
import { DataError, type DossierSummary, type FolderTarget, type UndoInfo } from './types';
import { putRecord, runWrite, stepsIn, undoable } from './write-context';

const collator = new Intl.Collator('ru', { sensitivity: 'base', numeric: true });

/** Untimed work sorts after the agreed hours of the day. */
const timeOrder = (t: string | undefined): string => (t ? t : '~');

/** Folder order: earlier folder first (overdue first), then the agreed hour, then the company. */
export function compareFolderRows(a: DossierRow, b: DossierRow): number {
  const byKey = compareFileKeys(a.fileKey ?? '', b.fileKey ?? '');
  if (byKey !== 0) return byKey;
  const ta = timeOrder(a.nextTime);
  const tb = timeOrder(b.nextTime);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return collator.compare(a.company, b.company);
}

/**
 * Day-filed dossiers up to `lastDay` (inclusive or not). Month keys ('2026-11') sort before
 * their days in the index, so the range also yields past month folders: they are dropped here
 * (a month folder is opened into days, not carried into today's work).
 */
async function dayFiledUpTo(lastDay: string, inclusive: boolean): Promise<DossierRow[]> {
  const where = getDb().dossiers.where('fileKey');
  const rows = await (inclusive ? where.belowOrEqual(lastDay) : where.below(lastDay)).toArray();
  return rows.filter((r) => isDayKey(r.fileKey!)).sort(compareFolderRows);
}

export function getTodayFolder(today: string): Promise<DossierSummary[]> {
  return dayFiledUpTo(today, true);
}

export function getOverdue(today: string): Promise<DossierSummary[]> {
  return dayFiledUpTo(today, false);
}

/** One folder: a day key 'YYYY-MM-DD' or a month key 'YYYY-MM' (the month insert itself). */
export async function getFolder(key: string): Promise<DossierSummary[]> {
  const rows = await getDb().dossiers.where('fileKey').equals(key).toArray();
  return rows.sort(compareFolderRows);
}

/** A month: its month insert and, with `includeDays`, every day folder of that month. */
export async function getMonthFolder(month: string, includeDays: boolean): Promise<DossierSummary[]> {
  const where = getDb().dossiers.where('fileKey');
  // '2026-07' <= '2026-07-dd' < '2026-07-~': one index range holds the insert and its days.
  const rows = includeDays ? await where.between(month, `${month}-~`, true, true).toArray() : await where.equals(month).toArray();
  return rows.sort(compareFolderRows);
}

/** Active dossiers per folder key, from the counters maintained by every write. */
export async function getFolderCounts(): Promise<Map<string, number>> {
  const rows = await getDb().folderCounts.toArray();
  return new Map(rows.map((r) => [r.key, r.count]));
}

/**
 * Moves each dossier's earliest open step (the one it is filed by) to `target`, in one
 * transaction ("too much today: move these to Thursday").
 */
export function moveDossiers(ids: string[], target: FolderTarget, author: string): Promise<UndoInfo> {
  return runWrite(author, async (ctx) => {
    const rows = await ctx.db.dossiers.bulkGet(ids);
    for (const [i, row] of rows.entries()) {
      if (!row) throw new DataError(`Dossier ${ids[i]} not found`, 'not-found');
      const step = earliestOpenStep(await stepsIn(ctx, row.id));
      if (!step) continue; // archived: nothing filed to move
      await putRecord(ctx, 'steps', changedStep(step, target, author, ctx.now), step);
    }
    const subject = rows.length === 1 ? rows[0]!.company : String(rows.length);
    return undoable(ctx, 'move', subject);
  });
}
