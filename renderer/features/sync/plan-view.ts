/**
 * The merge plan as the preview shows it (records with their company, a detail line and
 * translated field differences), and the user's choices turned into the merge's resolutions.
 */
import { applyMergePlan, RECORD_KINDS, type AnyRecord, type FilingSide, type MergePlan, type MergeResolutions, type RecordKind } from '../../../shared/merge';
import type { Dossier, Portfolio } from '../../../shared/model/records';
import { hasCover, NO_COVER } from '../../../shared/portfolio/handover';
import type { WorkbookMeta } from '../../../shared/workbook';
import { formatDay, formatInstant, formatMonth } from '../../ui/format';
import type { Lang } from './sync-actions';

export interface FieldView {
  field: string;
  label: string;
  mine: string;
  theirs: string;
}

export interface PreviewItem {
  key: string;
  table: RecordKind;
  id: string;
  company: string;
  /** What the record is, in a few words: a contact's name, a step's date, a call's summary. */
  detail?: string;
  fields?: FieldView[];
  existingCompany?: string;
  /** Who made their version (a conflict's "theirs"). */
  theirsBy?: string;
}

/** A dossier both sides refiled: whose next date to keep. */
export interface FilingItem {
  /** The dossier id (the choice's key). */
  key: string;
  company: string;
  /** "Anna: Fri 4 Dec", localized. */
  mine: string;
  theirs: string;
}

/** The preview's lists, each paged through on its own. */
export type ListName = 'created' | 'updated' | 'unchanged' | 'conflicts' | 'filing' | 'duplicates';
export const LIST_NAMES: readonly ListName[] = ['created', 'updated', 'unchanged', 'conflicts', 'filing', 'duplicates'];

/**
 * What the preview shows. Built in the import worker (import-session.ts), which keeps the
 * whole of it: the window receives each list's first page and the totals, and asks for
 * further pages, so a file of 400,000 records never becomes 400,000 items on its thread.
 */
export interface PlanView {
  meta?: WorkbookMeta;
  /** Each list's full length (the lists themselves may hold one page of it). */
  totals: Record<ListName, number>;
  /** The file's records per kind ("10,000 dossiers, 100,000 history entries…"). */
  kinds: Record<RecordKind, number>;
  created: PreviewItem[];
  updated: PreviewItem[];
  /** The first UNCHANGED_LISTED at most (further pages are built on request: unchangedItems). */
  unchanged: PreviewItem[];
  conflicts: PreviewItem[];
  /** Next-date conflicts, shown first in the Conflicts tab (counted with it). */
  filing: FilingItem[];
  duplicates: PreviewItem[];
  /** The numbers the preview shows, which the summary after the import repeats. */
  counts: ImportCounts;
  changeCount: number;
  /** Set when the workbook brings back dossiers a colleague covered (the handover's return). */
  returningFrom?: string;
  /** How many of them are still marked handed over here: the import ends their cover. */
  coverEnds: number;
}

export interface ImportCounts {
  created: number;
  updated: number;
  conflicts: number;
  /** Of the new records, history entries (calls the other side logged). */
  history: number;
}

export interface ChoiceState {
  /** Conflict id -> field -> side (default: mine). */
  fields: Record<string, Record<string, 'mine' | 'theirs'>>;
  /** Dossier id -> whose next date to keep (default: mine). */
  filing: Record<string, 'mine' | 'theirs'>;
  /** Incoming duplicate dossier id -> merge into the existing one (default) or keep as new. */
  duplicates: Record<string, 'merge' | 'new'>;
  /** "Keep mine / take theirs for all": the side of every conflict field and filing not chosen one by one. */
  allConflicts?: 'mine' | 'theirs';
}

export interface PlanInput {
  plan: MergePlan;
  portfolio: Portfolio;
  local: Portfolio;
  meta: WorkbookMeta;
  returningFrom?: string;
  /** Dossiers coming home from a cover (endCover): the import ends their cover. */
  returning?: string[];
}

type T = (key: string) => string;

/** Unchanged records built with the view; the rest are built a page at a time (unchangedItems). */
export const UNCHANGED_LISTED = 300;

function show(value: unknown, field: string, lang: Lang, t: T): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? t('field.yes') : t('field.no');
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'object') return Object.entries(value as Record<string, string>).map(([k, v]) => `${k}: ${v}`).join('; ');
  const s = String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return formatDay(s, lang);
  if (/^\d{4}-\d{2}-\d{2}T/.test(s)) return formatInstant(s, lang);
  if (field === 'kind' || field === 'outcome' || field === 'segment' || field === 'status') {
    const key = `${field}.${s}`;
    const tr = t(key);
    return tr === key ? s : tr;
  }
  return s;
}

/** Where one side files the dossier, as "Anna: Fri 4 Dec, 10:00" or "Boris: archived". */
export function filingLabel(side: FilingSide, lang: Lang, t: T): string {
  const n = side.next;
  let where: string;
  if (side.status === 'archived' || !n) where = t('import.filing.archived');
  else {
    where = n.date ? formatDay(n.date, lang, { weekday: 'short', day: 'numeric', month: 'short' }) : formatMonth(n.month, lang);
    if (n.time) where += `, ${n.time}`;
    if (n.kind !== 'call') where += ` (${show(n.kind, 'kind', lang, t).toLowerCase()})`;
  }
  return side.by ? `${side.by}: ${where}` : where;
}

function label(field: string, t: T): string {
  const key = `field.${field}`;
  const tr = t(key);
  return tr === key ? field : tr;
}

/** The functions that turn plan entries into preview items, over one input. */
function itemBuilders(input: PlanInput, lang: Lang, t: T) {
  const companies = new Map<string, string>();
  for (const d of input.local.dossiers) companies.set(d.id, d.company);
  for (const d of input.portfolio.dossiers) companies.set(d.id, d.company);
  const companyOf = (kind: RecordKind, rec: AnyRecord | undefined, id: string) =>
    kind === 'dossiers' ? companies.get(id) ?? '' : companies.get((rec as { dossierId?: string } | undefined)?.dossierId ?? '') ?? '';

  const detailOf = (kind: RecordKind, rec: AnyRecord | undefined): string | undefined => {
    if (!rec) return undefined;
    const r = rec as Record<string, unknown>;
    switch (kind) {
      case 'contacts':
        return String(r.name ?? '');
      case 'history':
        return [show(r.at, 'at', lang, t), show(r.kind, 'kind', lang, t), r.author ? `(${String(r.author)})` : '', String(r.summary ?? '')].filter(Boolean).join(' ');
      case 'steps':
        return [show(r.kind, 'kind', lang, t), show(r.date || r.month, 'date', lang, t), r.done ? t('field.done') : ''].filter(Boolean).join(' ');
      case 'invoices':
        return `№ ${String(r.number ?? '')}`;
      default:
        return undefined;
    }
  };

  let incomingById: Map<string, AnyRecord> | undefined;
  /** An unchanged record's item (looked up in the file: the plan names it only). */
  const unchangedItem = (e: { kind: RecordKind; id: string }): PreviewItem => {
    if (!incomingById) {
      incomingById = new Map();
      for (const kind of RECORD_KINDS) for (const r of input.portfolio[kind] as AnyRecord[]) incomingById.set(`${kind}|${r.id}`, r);
    }
    const rec = incomingById.get(`${e.kind}|${e.id}`);
    return { key: `${e.kind}|${e.id}`, table: e.kind, id: e.id, company: companyOf(e.kind, rec, e.id), detail: detailOf(e.kind, rec) };
  };
  return { companyOf, detailOf, unchangedItem };
}

/** Unchanged items [from, to) of the plan: the pages past the first UNCHANGED_LISTED. */
export function unchangedItems(input: PlanInput, lang: Lang, t: T, from: number, to: number): PreviewItem[] {
  return input.plan.unchanged.slice(from, to).map(itemBuilders(input, lang, t).unchangedItem);
}

export function buildPlanView(input: PlanInput, lang: Lang, t: T): PlanView {
  const { companyOf, detailOf, unchangedItem } = itemBuilders(input, lang, t);
  const fieldsOf = (fields: { field: string; mine: unknown; theirs: unknown }[]): FieldView[] =>
    fields.map((f) => ({ field: f.field, label: label(f.field, t), mine: show(f.mine, f.field, lang, t), theirs: show(f.theirs, f.field, lang, t) }));

  const { plan } = input;
  const created = plan.created.map<PreviewItem>((e) => ({
    key: `${e.kind}|${e.id}`, table: e.kind, id: e.id, company: companyOf(e.kind, e.incoming, e.id), detail: detailOf(e.kind, e.incoming),
  }));
  const updated = plan.updated.map<PreviewItem>((e) => ({
    key: `${e.kind}|${e.id}`, table: e.kind, id: e.id, company: companyOf(e.kind, e.incoming, e.id), detail: detailOf(e.kind, e.incoming), fields: fieldsOf(e.fields),
  }));
  const conflicts = plan.conflicts.map<PreviewItem>((e) => ({
    key: e.id, table: e.kind, id: e.id, company: companyOf(e.kind, e.incoming, e.id), detail: detailOf(e.kind, e.local), fields: fieldsOf(e.fields),
    theirsBy: e.incoming.author,
  }));
  const unchanged = plan.unchanged.slice(0, UNCHANGED_LISTED).map(unchangedItem);
  const duplicates = plan.duplicates.map<PreviewItem>((d) => ({
    key: d.incomingId, table: 'dossiers', id: d.incomingId, company: d.company, existingCompany: d.existingCompany,
    detail: d.reasons.map((r) => t(`import.reason.${r}`)).join(', '),
  }));
  const filing = plan.filing.map<FilingItem>((c) => ({
    key: c.dossierId, company: c.company, mine: filingLabel(c.mine, lang, t), theirs: filingLabel(c.theirs, lang, t),
  }));
  const coverEnds = coversEnding(input).length;
  const counts: ImportCounts = {
    created: created.length,
    updated: updated.length,
    conflicts: conflicts.length + filing.length,
    history: created.filter((c) => c.table === 'history').length,
  };
  return {
    meta: input.meta,
    totals: {
      created: created.length, updated: updated.length, unchanged: plan.unchanged.length, conflicts: conflicts.length, filing: filing.length,
      duplicates: duplicates.length,
    },
    kinds: Object.fromEntries(RECORD_KINDS.map((k) => [k, input.portfolio[k].length])) as Record<RecordKind, number>,
    created,
    updated,
    unchanged,
    conflicts,
    filing,
    duplicates,
    counts,
    changeCount: counts.created + counts.updated + counts.conflicts + coverEnds,
    returningFrom: input.returningFrom,
    coverEnds,
  };
}

/** The view with each list cut to its first `size` items (what crosses to the window). */
export function firstPages(view: PlanView, size: number): PlanView {
  const cut = { ...view };
  for (const name of LIST_NAMES) (cut[name] as unknown[]) = view[name].slice(0, size);
  return cut;
}

export function emptyChoices(view: PlanView): ChoiceState {
  return { fields: {}, filing: {}, duplicates: Object.fromEntries(view.duplicates.map((d) => [d.id, 'merge' as const])) };
}

/**
 * The merge's resolutions for the user's choices. With the full view (`view`, which the
 * import worker holds) the choices may leave things unsaid: "all mine / all theirs" then
 * names every conflict it applies to, and a duplicate no one chose for is merged (the
 * preview's default), on every page of the lists.
 */
export function toResolutions(choices: ChoiceState, view?: Pick<PlanView, 'conflicts' | 'filing' | 'duplicates'>): MergeResolutions {
  let { fields, filing } = choices;
  let duplicates: Record<string, 'merge' | 'new'> = choices.duplicates;
  const all = choices.allConflicts;
  if (view) {
    if (all) {
      fields = Object.fromEntries(
        view.conflicts.map((c) => [c.key, Object.fromEntries((c.fields ?? []).map((f) => [f.field, choices.fields[c.key]?.[f.field] ?? all]))]),
      );
      filing = Object.fromEntries(view.filing.map((f) => [f.key, choices.filing[f.key] ?? all]));
    }
    duplicates = Object.fromEntries(view.duplicates.map((d) => [d.id, choices.duplicates[d.id] ?? 'merge']));
  }
  return {
    fields,
    filing,
    duplicates: Object.fromEntries(Object.entries(duplicates).map(([id, c]) => [id, c === 'merge' ? 'merge' : 'create'])),
  };
}

/** The records to write for the user's choices. (The summary repeats the preview's counts.) */
export function planChanges(input: PlanInput, choices: ChoiceState, view?: Pick<PlanView, 'conflicts' | 'filing' | 'duplicates'>): Portfolio {
  const changes = applyMergePlan(input.local, input.plan, toResolutions(choices, view)).changes;
  const ending = coversEnding(input);
  if (ending.length === 0) return changes;
  // The return ends the cover in the same import (and its undo): the dossier is the owner's
  // alone again, with both sides' work merged as planned.
  const merged = new Map(changes.dossiers.map((d) => [d.id, d]));
  for (const d of ending) merged.set(d.id, { ...(merged.get(d.id) ?? d), ...NO_COVER });
  return { ...changes, dossiers: [...merged.values()] };
}

/** The binder's dossiers coming home that are still marked handed over (or covered). */
function coversEnding(input: PlanInput): Dossier[] {
  if (!input.returning?.length) return [];
  const home = new Set(input.returning);
  return input.local.dossiers.filter((d) => home.has(d.id) && hasCover(d));
}
