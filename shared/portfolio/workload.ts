/**
 * The team's workload: per owner, how many active dossiers are filed under each day of a
 * window and how many before it (overdue). A dossier's folder is its earliest open step
 * (shared/model/filing.ts: a month step sorts after the days of its month); dossiers filed
 * in a month folder have no day and are not counted; those filed after the window neither.
 */
import { addDays } from '../dates/calendar-day';
import { fileKeyOf, isDayKey } from '../model/filing';
import type { Dossier, Step } from '../model/records';

export type OwnerLoad = { overdue: number } & Record<string, number>;

type LoadDossier = Pick<Dossier, 'id' | 'owner' | 'status'>;
type LoadStep = Pick<Step, 'dossierId' | 'date' | 'month' | 'done'>;

/** Open steps grouped by dossier: the one pass over the steps the workload needs. */
export function openStepsByDossier<S extends LoadStep>(steps: Iterable<S>): Map<string, S[]> {
  const m = new Map<string, S[]>();
  for (const s of steps) {
    if (s.done) continue;
    const list = m.get(s.dossierId);
    if (list) list.push(s);
    else m.set(s.dossierId, [s]);
  }
  return m;
}

/**
 * Per owner: `overdue` and one entry per day of [from, from + days) that holds any
 * dossier (days with none are left out); `workerOf` names whose load a dossier filed on a
 * day is (the team view: a colleague during a cover), by default its owner. Archived dossiers and dossiers without an open
 * step are not in the binder and are not counted.
 */
export function workloadByOwner<D extends LoadDossier>(dossiers: Iterable<D>, steps: Iterable<LoadStep>, from: string, days: number, workerOf: (d: D, day: string) => string = (d) => d.owner): Record<string, OwnerLoad> {
  const open = openStepsByDossier(steps);
  const end = addDays(from, days);
  // No prototype: an owner typed as "__proto__" or "constructor" is just a name.
  const out = Object.create(null) as Record<string, OwnerLoad>;
  for (const d of dossiers) {
    if (d.status === 'archived') continue;
    const key = fileKeyOf(open.get(d.id) ?? []);
    if (key === undefined || !isDayKey(key) || key >= end) continue;
    // Overdue work is done today, so it is today's worker's.
    const who = workerOf(d, key < from ? from : key);
    const load = (out[who] ??= { overdue: 0 } as OwnerLoad);
    if (key < from) load.overdue++;
    else load[key] = (load[key] ?? 0) + 1;
  }
  return out;
}
