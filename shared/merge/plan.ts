/**
 * Planning a merge of an incoming portfolio (a workbook) into the local one. Pure, and
 * linear in the number of records (Maps by id), so the plan can be shown before anything
 * is written and a 100,000-row workbook plans in well under a second.
 *
 * Rules (docs/workbook-format.md, "Merge"):
 * - records match by id; content is compared by contentHash, never by timestamps;
 * - the incoming row's syncBase is the content both sides last agreed on; with it:
 *   same content -> unchanged; only theirs changed -> update; only mine changed -> keep
 *   mine; both changed -> conflict (with per-field differences);
 * - history is append-only: unknown ids are added, known ids are never overwritten;
 * - nothing local is ever deleted: records absent from the workbook are listed as missing;
 * - new dossiers are checked against existing ones (tax id, phone, e-mail, company name)
 *   and offered as duplicates.
 */
import { normalizePhone } from '../model/phone';
import type { Contact, Dossier, Portfolio } from '../model/records';
import { companyKey } from '../workbook/cells';
import { makeIssue, type WorkbookIssue } from '../workbook/issues';
import { contentFields, contentHash, fieldText } from './content-hash';
import { findFilingConflicts, type FilingConflict, type StepFate } from './filing';

export type RecordKind = 'dossiers' | 'contacts' | 'history' | 'steps' | 'invoices' | 'payments';
export const RECORD_KINDS: readonly RecordKind[] = ['dossiers', 'contacts', 'history', 'steps', 'invoices', 'payments'];

export type AnyRecord = Portfolio[RecordKind][number];

export interface FieldDiff {
  field: string;
  mine: unknown;
  theirs: unknown;
}

export interface PlanEntry {
  kind: RecordKind;
  id: string;
  incoming: AnyRecord;
}

export interface UpdateEntry extends PlanEntry {
  local: AnyRecord;
  fields: FieldDiff[];
}

export type ConflictEntry = UpdateEntry;

export interface UnchangedEntry {
  kind: RecordKind;
  id: string;
  /** The local content is kept and differs from theirs (only mine changed, or known history). */
  keptMine: boolean;
  /** The syncBase the stored record should get (the content both sides now agree on). */
  syncBase: string;
}

export type DuplicateReason = 'taxId' | 'phone' | 'email' | 'company';

export interface DuplicateEntry {
  /** The incoming (new) dossier. */
  incomingId: string;
  company: string;
  /** The local dossier it looks like. */
  existingId: string;
  existingCompany: string;
  reasons: DuplicateReason[];
}

export interface MergePlan {
  created: PlanEntry[];
  updated: UpdateEntry[];
  unchanged: UnchangedEntry[];
  conflicts: ConflictEntry[];
  /**
   * Dossiers both sides refiled (or archived and refiled): one decision each about where the
   * dossier is filed. The steps it decides are in no other list; the dossier's status field
   * is decided here, not in its record conflict.
   */
  filing: FilingConflict[];
  duplicates: DuplicateEntry[];
  /** Records that cannot be merged (e.g. a child of a dossier that exists nowhere); left out. */
  errors: WorkbookIssue[];
  /** Local records of dossiers in the workbook that the workbook does not have. Never deleted. */
  missing: { kind: RecordKind; id: string }[];
  holidaysAdded: string[];
  /** Moved working days the incoming workbook has and local lacks (absent from older plans). */
  workingDaysAdded?: string[];
}

export function fieldDiffs(mine: object, theirs: object): FieldDiff[] {
  const fields = new Set([...contentFields(mine), ...contentFields(theirs)]);
  const out: FieldDiff[] = [];
  for (const f of [...fields].sort()) {
    if (fieldText(mine, f) !== fieldText(theirs, f)) {
      out.push({ field: f, mine: (mine as Record<string, unknown>)[f], theirs: (theirs as Record<string, unknown>)[f] });
    }
  }
  return out;
}

type Index = Map<string, string>;

function addKey(index: Index, key: string, dossierId: string): void {
  if (key !== '' && !index.has(key)) index.set(key, dossierId);
}

interface DuplicateIndex {
  taxId: Index;
  phone: Index;
  email: Index;
  company: Index;
}

function indexDossiers(dossiers: readonly Dossier[], contacts: readonly Contact[]): DuplicateIndex {
  const ix: DuplicateIndex = { taxId: new Map(), phone: new Map(), email: new Map(), company: new Map() };
  for (const d of dossiers) {
    addKey(ix.taxId, d.taxId.replace(/\s+/g, ''), d.id);
    addKey(ix.company, companyKey(d.company), d.id);
  }
  for (const c of contacts) {
    for (const p of c.phones) addKey(ix.phone, normalizePhone(p), c.dossierId);
    for (const e of c.emails) addKey(ix.email, e.trim().toLowerCase(), c.dossierId);
  }
  return ix;
}

function findDuplicate(
  d: Dossier,
  contacts: readonly Contact[],
  ix: DuplicateIndex,
): { existingId: string; reasons: DuplicateReason[] } | undefined {
  const hits = new Map<string, Set<DuplicateReason>>();
  const hit = (id: string | undefined, r: DuplicateReason): void => {
    if (id === undefined) return;
    const s = hits.get(id) ?? new Set();
    s.add(r);
    hits.set(id, s);
  };
  const tax = d.taxId.replace(/\s+/g, '');
  if (tax !== '') hit(ix.taxId.get(tax), 'taxId');
  const name = companyKey(d.company);
  if (name !== '') hit(ix.company.get(name), 'company');
  for (const c of contacts) {
    for (const p of c.phones) {
      const n = normalizePhone(p);
      if (n !== '') hit(ix.phone.get(n), 'phone');
    }
    for (const e of c.emails) hit(ix.email.get(e.trim().toLowerCase()), 'email');
  }
  let best: { existingId: string; reasons: DuplicateReason[] } | undefined;
  for (const [existingId, reasons] of hits) {
    if (!best || reasons.size > best.reasons.length) best = { existingId, reasons: [...reasons] };
  }
  return best;
}

function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const r of list) m.set(r.id, r);
  return m;
}

/** Moves the steps of dossiers with a next-date conflict out of the record lists into plan.filing. */
function decideFiling(local: Portfolio, incoming: Portfolio, plan: MergePlan): void {
  const fates = new Map<string, StepFate>();
  const candidates = new Set<string>();
  const dossierOf = (e: { kind: RecordKind; incoming?: AnyRecord }) => (e.incoming as { dossierId: string }).dossierId;
  for (const e of plan.created) if (e.kind === 'steps') { fates.set(e.id, 'created'); candidates.add(dossierOf(e)); }
  for (const e of plan.updated) if (e.kind === 'steps') { fates.set(e.id, 'updated'); candidates.add(dossierOf(e)); }
  for (const e of plan.conflicts) if (e.kind === 'steps') { fates.set(e.id, 'conflict'); candidates.add(dossierOf(e)); }
  const localSteps = new Map(local.steps.map((s) => [s.id, s]));
  for (const e of plan.missing) if (e.kind === 'steps') candidates.add(localSteps.get(e.id)!.dossierId);
  for (const e of plan.unchanged) {
    if (e.kind === 'steps' && e.keptMine) { fates.set(e.id, 'unchanged'); candidates.add(localSteps.get(e.id)!.dossierId); }
  }
  const localStatus = new Map(local.dossiers.map((d) => [d.id, d.status]));
  for (const d of incoming.dossiers) {
    const mine = localStatus.get(d.id);
    if (mine !== undefined && mine !== d.status) candidates.add(d.id);
  }
  if (candidates.size === 0) return;
  const updatedDossiers = new Set(plan.updated.filter((e) => e.kind === 'dossiers').map((e) => e.id));
  plan.filing = findFilingConflicts(local, incoming, candidates, (id) => fates.get(id), (id) => (updatedDossiers.has(id) ? 'updated' : 'other'));
  if (plan.filing.length === 0) return;

  const decided = new Set(plan.filing.flatMap((c) => c.steps.map((s) => s.id)));
  const withStatus = new Set(plan.filing.filter((c) => c.status).map((c) => c.dossierId));
  const keep = (e: { kind: RecordKind; id: string }) => e.kind !== 'steps' || !decided.has(e.id);
  plan.created = plan.created.filter(keep);
  plan.updated = plan.updated.filter(keep).flatMap((e) => {
    if (e.kind !== 'dossiers' || !withStatus.has(e.id)) return [e];
    const fields = e.fields.filter((f) => f.field !== 'status');
    return fields.length ? [{ ...e, fields }] : [];
  });
  plan.unchanged = plan.unchanged.filter(keep);
  plan.missing = plan.missing.filter(keep);
  plan.conflicts = plan.conflicts.filter(keep).flatMap((c) => {
    if (c.kind !== 'dossiers' || !withStatus.has(c.id)) return [c];
    // The status is the next-date decision's; what else both changed stays a record conflict.
    const fields = c.fields.filter((f) => f.field !== 'status');
    return fields.length ? [{ ...c, fields }] : [];
  });
}

export function planMerge(local: Portfolio, incoming: Portfolio): MergePlan {
  const plan: MergePlan = {
    created: [], updated: [], unchanged: [], conflicts: [], filing: [], duplicates: [], errors: [], missing: [], holidaysAdded: [],
  };
  const localDossiers = byId(local.dossiers);
  const incomingDossierIds = new Set(incoming.dossiers.map((d) => d.id));

  for (const kind of RECORD_KINDS) {
    const mineById = byId(local[kind] as readonly AnyRecord[]);
    const seen = new Set<string>();
    for (const theirs of incoming[kind] as readonly AnyRecord[]) {
      seen.add(theirs.id);
      if (kind !== 'dossiers') {
        const dossierId = (theirs as { dossierId: string }).dossierId;
        if (!localDossiers.has(dossierId) && !incomingDossierIds.has(dossierId)) {
          plan.errors.push(makeIssue('orphan-record', {}, { kind, id: theirs.id, dossierId }));
          continue;
        }
      }
      const mine = mineById.get(theirs.id);
      if (!mine) {
        plan.created.push({ kind, id: theirs.id, incoming: theirs });
        continue;
      }
      const ih = contentHash(theirs);
      if (kind === 'history') {
        // Append-only: a known entry is never overwritten, whatever the workbook says.
        plan.unchanged.push({ kind, id: theirs.id, keptMine: contentHash(mine) !== ih, syncBase: contentHash(mine) });
        continue;
      }
      const lh = contentHash(mine);
      if (lh === ih) {
        plan.unchanged.push({ kind, id: theirs.id, keptMine: false, syncBase: lh });
        continue;
      }
      const base = theirs.syncBase;
      // Theirs is unchanged if it is still the version the row was exported from, or the
      // version we stored at our last exchange with them (a conflict resolved as "mine"
      // stays resolved when the same workbook comes again).
      const theirsChanged = ih !== base && ih !== mine.syncBase;
      // Mine is unchanged only if it is still the workbook's base. (Our stored syncBase is
      // not enough: a portfolio read from a workbook carries its current hash as syncBase.)
      const mineChanged = lh !== base;
      if (!theirsChanged) {
        plan.unchanged.push({ kind, id: theirs.id, keptMine: true, syncBase: ih });
      } else if (!mineChanged) {
        plan.updated.push({ kind, id: theirs.id, incoming: theirs, local: mine, fields: fieldDiffs(mine, theirs) });
      } else {
        plan.conflicts.push({ kind, id: theirs.id, incoming: theirs, local: mine, fields: fieldDiffs(mine, theirs) });
      }
    }
    if (kind !== 'dossiers') {
      for (const mine of local[kind] as readonly AnyRecord[]) {
        if (!seen.has(mine.id) && incomingDossierIds.has((mine as { dossierId: string }).dossierId)) {
          plan.missing.push({ kind, id: mine.id });
        }
      }
    }
  }

  decideFiling(local, incoming, plan);

  const newDossiers = plan.created.filter((e) => e.kind === 'dossiers');
  if (newDossiers.length && local.dossiers.length) {
    const ix = indexDossiers(local.dossiers, local.contacts);
    const contactsOf = new Map<string, Contact[]>();
    for (const c of incoming.contacts) {
      const list = contactsOf.get(c.dossierId);
      if (list) list.push(c);
      else contactsOf.set(c.dossierId, [c]);
    }
    for (const e of newDossiers) {
      const d = e.incoming as Dossier;
      const dup = findDuplicate(d, contactsOf.get(d.id) ?? [], ix);
      if (dup) {
        plan.duplicates.push({
          incomingId: d.id, company: d.company, existingId: dup.existingId,
          existingCompany: localDossiers.get(dup.existingId)?.company ?? '', reasons: dup.reasons,
        });
      }
    }
  }

  const holidays = new Set(local.holidays);
  plan.holidaysAdded = [...new Set(incoming.holidays)].filter((h) => !holidays.has(h)).sort();
  const working = new Set(local.extraWorkingDays ?? []);
  plan.workingDaysAdded = [...new Set(incoming.extraWorkingDays ?? [])].filter((d) => !working.has(d)).sort();
  return plan;
}
