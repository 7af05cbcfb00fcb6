/**
 * Turning a merge plan and the user's choices into records to upsert. Conflicts keep the
 * local version unless the user takes theirs (per record or per field); duplicates are
 * created as new dossiers unless the user merges them into the existing one. Every stored
 * record gets syncBase = the content hash of the workbook's version, the state both sides
 * now share, so importing the same workbook again changes nothing. Created and taken
 * records leave here with an empty syncBase: their base is their own content, stamped
 * where they are stored (withSyncBase: applyChanges here, the import's bulk write in the app).
 */
import { emptyPortfolio, type Portfolio } from '../model/records';
import { contentHash, withSyncBase } from './content-hash';
import { filingSteps } from './filing';
import { RECORD_KINDS, type AnyRecord, type MergePlan, type RecordKind } from './plan';

export type Side = 'mine' | 'theirs';

export interface MergeResolutions {
  /** Conflict id -> the side to take for the whole record. Default: mine. */
  records?: Record<string, Side>;
  /** Conflict id -> field -> side; overrides `records` for those fields. */
  fields?: Record<string, Record<string, Side>>;
  /** Dossier id -> whose next date to keep when both refiled it (plan.filing). Default: mine. */
  filing?: Record<string, Side>;
  /** Incoming dossier id -> 'merge' into the existing dossier, or 'create' a new one (default). */
  duplicates?: Record<string, 'create' | 'merge'>;
}

export interface MergeSummary {
  /** All new records, history entries included. */
  created: number;
  updated: number;
  unchanged: number;
  /** Record conflicts plus next-date conflicts (one per dossier). */
  conflicts: number;
  errors: number;
  duplicates: number;
  missing: number;
  historyAdded: number;
  holidaysAdded: number;
}

export interface MergeResult {
  /** Records to upsert (by id) and holidays to add. */
  changes: Portfolio;
  summary: MergeSummary;
}

function push(changes: Portfolio, kind: RecordKind, rec: AnyRecord): void {
  (changes[kind] as AnyRecord[]).push(rec);
}

export function applyMergePlan(local: Portfolio, plan: MergePlan, resolutions: MergeResolutions = {}): MergeResult {
  const changes = emptyPortfolio();
  const localById = new Map<string, AnyRecord>();
  for (const kind of RECORD_KINDS) for (const r of local[kind] as AnyRecord[]) localById.set(`${kind}|${r.id}`, r);

  // Duplicates merged into an existing dossier: the incoming dossier is not created and
  // its contacts, history, steps and invoices move to the existing one.
  const mergedInto = new Map<string, string>();
  for (const d of plan.duplicates) {
    if (resolutions.duplicates?.[d.incomingId] === 'merge') mergedInto.set(d.incomingId, d.existingId);
  }
  const repoint = (rec: AnyRecord): AnyRecord => {
    const target = 'dossierId' in rec ? mergedInto.get(rec.dossierId) : undefined;
    return target ? { ...rec, dossierId: target } : rec;
  };

  let created = 0;
  let historyAdded = 0;
  for (const e of plan.created) {
    if (e.kind === 'dossiers' && mergedInto.has(e.id)) continue;
    push(changes, e.kind, { ...repoint(e.incoming), syncBase: '' });
    created++;
    if (e.kind === 'history') historyAdded++;
  }
  for (const e of plan.updated) push(changes, e.kind, { ...repoint(e.incoming), syncBase: '' });
  for (const e of plan.unchanged) {
    const mine = localById.get(`${e.kind}|${e.id}`);
    if (mine && mine.syncBase !== e.syncBase) push(changes, e.kind, { ...mine, syncBase: e.syncBase });
  }
  for (const c of plan.conflicts) {
    const whole = resolutions.records?.[c.id] ?? 'mine';
    const perField = resolutions.fields?.[c.id] ?? {};
    const theirs = c.incoming as unknown as Record<string, unknown>;
    const merged: Record<string, unknown> = { ...(c.local as unknown as Record<string, unknown>) };
    let tookTheirs = false;
    for (const f of c.fields) {
      if ((perField[f.field] ?? whole) === 'theirs') {
        merged[f.field] = theirs[f.field];
        tookTheirs = true;
      }
    }
    if (tookTheirs) {
      merged.updatedAt = theirs.updatedAt;
      merged.author = theirs.author;
    }
    // The base is their content: next time, an unchanged workbook row is "theirs unchanged".
    merged.syncBase = contentHash(c.incoming);
    push(changes, c.kind, repoint(merged as unknown as AnyRecord));
  }
  for (const c of plan.filing) {
    const side = resolutions.filing?.[c.dossierId] ?? 'mine';
    for (const step of filingSteps(c, side)) push(changes, 'steps', step);
    if (!c.status) continue;
    // The dossier as the record rules left it, with the chosen side's status; its base is
    // the workbook's version, so the same workbook again is "theirs unchanged".
    const i = changes.dossiers.findIndex((d) => d.id === c.dossierId);
    const current = i >= 0 ? changes.dossiers[i]! : (localById.get(`dossiers|${c.dossierId}`) as Portfolio['dossiers'][number]);
    const next = { ...current, status: c.status[side], syncBase: c.status.theirsHash };
    if (i >= 0) changes.dossiers[i] = next;
    else changes.dossiers.push(next);
  }
  changes.holidays = [...plan.holidaysAdded];
  changes.extraWorkingDays = [...(plan.workingDaysAdded ?? [])];

  return {
    changes,
    summary: {
      created,
      updated: plan.updated.length,
      unchanged: plan.unchanged.length,
      conflicts: plan.conflicts.length + plan.filing.length,
      errors: plan.errors.length,
      duplicates: plan.duplicates.length,
      missing: plan.missing.length,
      historyAdded,
      holidaysAdded: plan.holidaysAdded.length,
    },
  };
}

/** local + changes (stamped as stored): upsert by id, holidays and working days as sorted unions. Nothing is removed. */
export function applyChanges(local: Portfolio, changes: Portfolio): Portfolio {
  const out = emptyPortfolio();
  for (const kind of RECORD_KINDS) {
    const next = new Map<string, AnyRecord>();
    for (const r of local[kind] as AnyRecord[]) next.set(r.id, r);
    for (const r of changes[kind] as AnyRecord[]) next.set(r.id, withSyncBase(r));
    (out[kind] as AnyRecord[]) = [...next.values()];
  }
  out.holidays = [...new Set([...local.holidays, ...changes.holidays])].sort();
  out.extraWorkingDays = [...new Set([...(local.extraWorkingDays ?? []), ...(changes.extraWorkingDays ?? [])])].sort();
  return out;
}
