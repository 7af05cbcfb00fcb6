/**
 * An import as one operation of the data layer, with one undo that restores everything it
 * changed: snapshot the binder (and the working calendar it is about to change), apply
 * the changes in one transaction, then add the days off and moved working days that
 * travelled with the workbook to the settings. Undo puts back the snapshot's records and
 * the calendar recorded with it, so the manager's days off never keep what an undone
 * import brought.
 *
 * The snapshot itself (a stream copy of the binder, and in Electron also a backup file) and the settings belong to the screen's side: they come in as ports.
 * The Excel screen's import takes the snapshot and applies in the import worker
 * (workers/import-session.ts, through keepSnapshot) and then adds the calendar here
 * (addCarriedCalendar): the same three steps, the first two off the window's thread.
 */
import { calendarFromWorkbook } from '../../shared/dates/calendar-exchange';
import type { Portfolio } from '../../shared/model/records';
import type { SnapshotCalendar } from './stored-rows';
import { setSnapshotCalendar, snapshotCalendar } from './snapshot-repo';
import { applyImport } from './sync-repo';

export type { SnapshotCalendar } from './stored-rows';

/** What an import reads of the settings: calendarFromWorkbook needs the country and week too. */
export type CalendarSettings = Parameters<typeof calendarFromWorkbook>[0];

export interface BinderPorts {
  /** Keeps the whole binder as a snapshot labelled `label` (sync-actions' takeSnapshot); its id. */
  takeSnapshot(label: string): Promise<string>;
  /** Replaces the binder with a snapshot's records (sync-actions' undoImport). */
  restoreSnapshot(id: string): Promise<void>;
  settings(): CalendarSettings;
  updateSettings(patch: SnapshotCalendar): Promise<void>;
}

export interface ImportRequest {
  /** The snapshot's label, as the backups list shows it. */
  label: string;
  changes: Portfolio;
  /** Days off and moved working days the workbook carried (its plan's). */
  holidaysAdded?: readonly string[];
  workingDaysAdded?: readonly string[];
  /** The snapshot is taken: from here on nothing can cancel (the apply is one transaction). */
  onApplying?(): void;
  onProgress?(done: number, total: number): void;
}

/** The settings' working calendar, as a snapshot records it. */
export function calendarOf(settings: CalendarSettings): SnapshotCalendar {
  return { holidays: [...settings.holidays], extraWorkingDays: [...settings.extraWorkingDays] };
}

/**
 * A snapshot taken by `take` with the working calendar `calendar` recorded beside it.
 * The import worker calls this too (import-session.ts): it has the calendar, not the settings.
 */
export async function keepSnapshot(label: string, take: BinderPorts['takeSnapshot'], calendar: SnapshotCalendar): Promise<string> {
  const id = await take(label);
  await setSnapshotCalendar(id, calendar);
  return id;
}

/** A snapshot of the binder together with the working calendar of the settings now. */
export function snapshotBinder(label: string, ports: BinderPorts): Promise<string> {
  return keepSnapshot(label, ports.takeSnapshot, calendarOf(ports.settings()));
}

/**
 * The import's last step: the days off and moved working days the workbook carried join
 * the settings `before` the import held (undo puts the snapshot's calendar back).
 */
export async function addCarriedCalendar(
  before: CalendarSettings,
  carried: Pick<ImportRequest, 'holidaysAdded' | 'workingDaysAdded'>,
  ports: Pick<BinderPorts, 'updateSettings'>,
): Promise<void> {
  const calendar = calendarFromWorkbook(before, carried.holidaysAdded ?? [], carried.workingDaysAdded ?? []);
  if (calendar) await ports.updateSettings(calendar);
}

/** Snapshot, apply, calendar: returns the snapshot whose undo (undoToSnapshot) takes all of it back. */
export async function importPortfolio(req: ImportRequest, ports: BinderPorts): Promise<{ snapshotId: string }> {
  const before = ports.settings();
  const snapshotId = await snapshotBinder(req.label, ports);
  req.onApplying?.();
  await applyImport(req.changes, { onProgress: req.onProgress });
  await addCarriedCalendar(before, req, ports);
  return { snapshotId };
}

/**
 * The binder back as the snapshot holds it, and the working calendar recorded with it
 * (snapshots taken before this existed recorded none: the calendar is left as it is).
 */
export async function undoToSnapshot(snapshotId: string, ports: Pick<BinderPorts, 'restoreSnapshot' | 'updateSettings'>): Promise<void> {
  const calendar = await snapshotCalendar(snapshotId);
  await ports.restoreSnapshot(snapshotId);
  if (calendar) await ports.updateSettings(calendar);
}
