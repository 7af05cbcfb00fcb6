/**
 * Schema version 2: the calendar's day values (one stored value per day with its open
 * items) and the history packed into one log per dossier. Version 1's history table stays
 * until version 3: Dexie needs it alive during the upgrade that copies it.
 */
import type { Table } from 'dexie';
import type { Migration } from './migration';
import { eachSlice, groupByDossier, type UpgradeTx } from './raw-tables';

/** The fields of version 1's records this upgrade reads (the rest are copied as they are). */
interface HistoryEntryV1 {
  id: string;
  dossierId: string;
  at: string;
}
interface StepV1 {
  id: string;
  dossierId: string;
  kind: string;
  title: string;
  date: string;
  time: string;
  durationMin: number;
  remindMin: number;
  done: boolean;
}
interface DossierRowV1 {
  id: string;
  company: string;
  status: string;
  calendarDates?: string[];
}
/** Version 2's new values. */
interface HistoryLogV2 {
  dossierId: string;
  entries: HistoryEntryV1[];
}
interface CalendarItemV2 {
  id: string;
  dossierId: string;
  company: string;
  kind: string;
  title: string;
  date: string;
  time: string;
  durationMin: number;
  remindMin: number;
}
interface CalendarDayV2 {
  date: string;
  items: CalendarItemV2[];
  dossierIds: string[];
}

function byTimeThenId(a: { at: string; id: string }, b: { at: string; id: string }): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** `log` with `entries` appended, skipping ids it already holds, oldest first. */
function appendEntries(log: readonly HistoryEntryV1[], entries: readonly HistoryEntryV1[]): HistoryEntryV1[] {
  const known = new Set(log.map((e) => e.id));
  const added: HistoryEntryV1[] = [];
  for (const e of entries) {
    if (known.has(e.id)) continue;
    known.add(e.id);
    added.push(e);
  }
  return added.length === 0 ? [...log] : [...log, ...added].sort(byTimeThenId);
}

/** The per-entry history table copied into one log per dossier. */
async function packHistory(tx: UpgradeTx): Promise<void> {
  const logs = tx.table('historyLogs') as Table<HistoryLogV2, string>;
  await eachSlice(tx.table('history') as Table<HistoryEntryV1, string>, (e) => e.id, async (slice) => {
    // A dossier's entries may span slices, hence the read-merge-write of its log.
    const grouped = groupByDossier(slice);
    const ids = [...grouped.keys()];
    const stored = await logs.bulkGet(ids);
    await logs.bulkPut(ids.map((id, i) => ({ dossierId: id, entries: appendEntries(stored[i]?.entries ?? [], grouped.get(id)!) })));
  });
}

/** A day's display order: untimed (all-day) items first, then by hour; ties by id. */
function byTime(a: CalendarItemV2, b: CalendarItemV2): number {
  if (a.time !== b.time) return a.time < b.time ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Every day value built from the steps: the open dated steps of active dossiers. Rows
 * whose calendarDates differ (a version 1 row has none) are rewritten.
 */
async function buildCalendarDays(tx: UpgradeTx): Promise<void> {
  const days = tx.table('calendarDays') as Table<CalendarDayV2, string>;
  const steps = (await (tx.table('steps') as Table<StepV1, string>).where('date').above('').toArray()).filter((s) => !s.done);
  // One read of the table: per-record bulkGet would cost ~100x more on a large binder.
  const rows = (await tx.table('dossiers').toArray()) as DossierRowV1[];
  const stepsBy = groupByDossier(steps);
  const byDate = new Map<string, CalendarItemV2[]>();
  const changed: DossierRowV1[] = [];
  for (const row of rows) {
    const items: CalendarItemV2[] =
      row.status !== 'active'
        ? []
        : (stepsBy.get(row.id) ?? []).map((s) => ({
            id: s.id, dossierId: s.dossierId, company: row.company, kind: s.kind, title: s.title,
            date: s.date, time: s.time, durationMin: s.durationMin, remindMin: s.remindMin,
          }));
    for (const it of items) {
      const day = byDate.get(it.date);
      if (day) day.push(it);
      else byDate.set(it.date, [it]);
    }
    const dates = [...new Set(items.map((i) => i.date))].sort();
    if (dates.join() !== (row.calendarDates ?? []).join()) {
      const copy = { ...row };
      if (dates.length > 0) copy.calendarDates = dates;
      else delete copy.calendarDates;
      changed.push(copy);
    }
  }
  const values = [...byDate].map(([date, items]): CalendarDayV2 => {
    items.sort(byTime);
    return { date, items, dossierIds: [...new Set(items.map((i) => i.dossierId))] };
  });
  await days.clear();
  await Promise.all([days.bulkPut(values), tx.table('dossiers').bulkPut(changed)]);
}

export const v2: Migration = {
  version: 2,
  stores: { calendarDays: 'date', historyLogs: 'dossierId' },
  async upgrade(tx) {
    await packHistory(tx);
    await buildCalendarDays(tx);
  },
};
