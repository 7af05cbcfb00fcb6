/**
 * An import as one operation of the data layer, with one undo that restores everything it
 * changed: snapshot the binder (and the working calendar it is about to change), apply
 * the changes in one transaction, then add the days off and moved working days that
 * travelled with the workbook to the settings. Undo puts back the snapshot's records and
 * the calendar recorded with it, so the manager's days off never keep what an undone
 * import brought.
 *
 * The snapshot itself (a stream copy of the binder, and in Electron also a backup file) and the settings belong to the screen's side: they come in as ports.
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

/** A snapshot of the binder together with the working calendar of the settings now. */
export async function snapshotBinder(label: string, ports: BinderPorts): Promise<string> {
  const { holidays, extraWorkingDays } = ports.settings();
  const id = await ports.takeSnapshot(label);
  const calendar: SnapshotCalendar = { holidays: [...holidays], extraWorkingDays: [...extraWorkingDays] };
  await setSnapshotCalendar(id, calendar);
  return id;
}

/** Snapshot, apply, calendar: returns the snapshot whose undo (undoToSnapshot) takes all of it back. */
export async function importPortfolio(req: ImportRequest, ports: BinderPorts): Promise<{ snapshotId: string }> {
  const before = ports.settings();
  const snapshotId = await snapshotBinder(req.label, ports);
  req.onApplying?.();
  await applyImport(req.changes, { onProgress: req.onProgress });
  const calendar = calendarFromWorkbook(before, req.holidaysAdded ?? [], req.workingDaysAdded ?? []);
  if (calendar) await ports.updateSettings(calendar);
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
