/**
 * What the team lead prepares from the team view, over workbooks held in memory (never the
 * lead's own binder): a manager's dossiers by window, the handover workbook a colleague
 * imports, and a permanent reassignment as the receiving manager's workbook.
 */
import { addDays } from '../dates/calendar-day';
import { earliestOpenStep, isDayKey, stepKey } from '../model/filing';
import type { Dossier, Portfolio, Step } from '../model/records';
import { handoverCover, reassign, rotationWarning, type CoverFields } from './handover';
import { append, workerOn, type LoadedWorkbook } from './team';
import { openStepsByDossier } from './workload';

/**
 * One dossier as the team view lists it. The same dossier can sit in two workbooks (the
 * owner's and a colleague's cover copy), so it is named by its file and id together.
 */
export interface TeamDossier {
  file: string;
  id: string;
  owner: string;
  company: string;
  segment: Dossier['segment'];
  /** Its folder: the earliest open step's day or month. */
  fileKey: string;
  next: Pick<Step, 'kind' | 'title' | 'time'>;
  coveredFor: string;
}

export type TeamWindow = 'today' | 'overdue' | 'next' | 'all';
export const TEAM_WINDOWS: readonly TeamWindow[] = ['today', 'overdue', 'next', 'all'];

export interface DossierRef {
  file: string;
  id: string;
}

export const refKey = (r: DossierRef): string => `${r.file}\u0000${r.id}`;

/**
 * The active dossiers `owner` works across the loaded workbooks, in filing order (then by
 * company): their own, less what a colleague covers on the day it is filed under, plus
 * what they cover (team.ts `workerOn`, the table's rule, so the list's counts are the
 * line's). A dossier held in two files is listed once, from the first, as the table counts it.
 */
export function teamDossiers(loaded: readonly LoadedWorkbook[], owner: string, today: string): TeamDossier[] {
  const out: TeamDossier[] = [];
  const seen = new Set<string>();
  for (const l of loaded) {
    const open = openStepsByDossier(l.portfolio.steps);
    for (const d of l.portfolio.dossiers) {
      if (seen.has(d.id)) continue;
      seen.add(d.id);
      if (d.status !== 'active') continue;
      const next = earliestOpenStep(open.get(d.id) ?? []);
      const fileKey = next && stepKey(next);
      if (!next || !fileKey) continue;
      const worker = isDayKey(fileKey) ? workerOn(d, fileKey < today ? today : fileKey) : d.owner;
      if (worker !== owner) continue;
      out.push({ file: l.file, id: d.id, owner: d.owner, company: d.company, segment: d.segment, fileKey, next: { kind: next.kind, title: next.title, time: next.time }, coveredFor: d.coveredFor });
    }
  }
  return out.sort((a, b) => (a.fileKey !== b.fileKey ? (a.fileKey < b.fileKey ? -1 : 1) : a.company.localeCompare(b.company)));
}

/**
 * Whether a dossier falls in the window: today's folder, filed before today (overdue), or
 * due from today through the next `days` days (the team table's window, overdue included,
 * as that is the work of the period too). Month folders only show under "all".
 */
export function inWindow(d: Pick<TeamDossier, 'fileKey'>, w: TeamWindow, today: string, days: number): boolean {
  if (w === 'all') return true;
  if (!isDayKey(d.fileKey)) return false;
  if (w === 'today') return d.fileKey === today;
  if (w === 'overdue') return d.fileKey < today;
  return d.fileKey < addDays(today, days);
}

/** The chosen dossiers and every record of theirs, from the workbooks they were chosen in. */
export function pickDossiers(loaded: readonly LoadedWorkbook[], refs: readonly DossierRef[]): Portfolio {
  const wanted = new Set(refs.map(refKey));
  const seen = new Set<string>();
  const out: Portfolio = { dossiers: [], contacts: [], history: [], steps: [], invoices: [], payments: [], holidays: [], extraWorkingDays: [] };
  for (const l of loaded) {
    const ids = new Set<string>();
    for (const d of l.portfolio.dossiers) {
      // A dossier chosen in two files (owner's and cover copy) travels once.
      if (!wanted.has(refKey({ file: l.file, id: d.id })) || seen.has(d.id)) continue;
      seen.add(d.id);
      ids.add(d.id);
      out.dossiers.push(d);
    }
    if (ids.size === 0) continue;
    const mine = <T extends { dossierId: string }>(xs: T[]) => xs.filter((x) => ids.has(x.dossierId));
    append(out.contacts, mine(l.portfolio.contacts));
    append(out.history, mine(l.portfolio.history));
    append(out.steps, mine(l.portfolio.steps));
    append(out.invoices, mine(l.portfolio.invoices));
    append(out.payments, mine(l.portfolio.payments));
    // The working calendar travels with the file: the days off of every source file.
    out.holidays = [...new Set([...out.holidays, ...l.portfolio.holidays])].sort();
    out.extraWorkingDays = [...new Set([...(out.extraWorkingDays ?? []), ...(l.portfolio.extraWorkingDays ?? [])])].sort();
  }
  return out;
}

/**
 * The handover workbook for `colleague`: the chosen dossiers of the manager on leave, each
 * marked covered for its owner during [from, until] exactly as the manager's own handover
 * export marks them, so the colleague's import and the later return work unchanged. `home`
 * is what the owner's binder records for them ("with Boris until …").
 */
export function prepareHandover(loaded: readonly LoadedWorkbook[], refs: readonly DossierRef[], colleague: string, leave: { from: string; until: string }): { portfolio: Portfolio; home: Map<string, CoverFields> } {
  const p = pickDossiers(loaded, refs);
  const home = new Map<string, CoverFields>();
  const dossiers = p.dossiers.map((d) => {
    const cover = handoverCover(d.owner, colleague, leave.from, leave.until);
    home.set(d.id, cover.home);
    return { ...d, ...cover.copy };
  });
  return { portfolio: { ...p, dossiers }, home };
}

/**
 * A permanent reassignment to `to`: the receiving manager's workbook with the chosen
 * dossiers under their new Owner, the earlier owner added to the owner history and any
 * cover ended (shared/portfolio/handover.ts `reassign`, the own binder's rule).
 */
export function prepareReassignment(loaded: readonly LoadedWorkbook[], refs: readonly DossierRef[], to: string, today: string): Portfolio {
  const p = pickDossiers(loaded, refs);
  return { ...p, dossiers: p.dossiers.map((d) => ({ ...d, ...reassign(d, to, today) })) };
}

/**
 * A bulk reassignment to several managers: the chosen dossiers, in the order given, each to
 * the receiver with the least work so far (their `load` plus what this split gave them; ties
 * to the earlier receiver), so the team's load evens out rather than piling on the first name.
 */
export function splitAmong<T extends DossierRef>(chosen: readonly T[], receivers: readonly string[], load: (receiver: string) => number): Map<string, T[]> {
  const plan = new Map<string, T[]>(receivers.map((r) => [r, []]));
  const work = receivers.map((r) => load(r));
  for (const d of receivers.length ? chosen : []) {
    let best = 0;
    for (let i = 1; i < receivers.length; i++) if (work[i]! < work[best]!) best = i;
    plan.get(receivers[best]!)!.push(d);
    work[best]!++;
  }
  for (const [r, refs] of plan) if (!refs.length) plan.delete(r);
  return plan;
}

/** One receiver's workbook of a bulk reassignment: only the dossiers that go to them. */
export interface PreparedMove {
  to: string;
  portfolio: Portfolio;
}

/** The bulk reassignment's workbooks, one per receiving manager, in the plan's order. */
export function prepareReassignments(loaded: readonly LoadedWorkbook[], plan: ReadonlyMap<string, readonly DossierRef[]>, today: string): PreparedMove[] {
  return [...plan].map(([to, refs]) => ({ to, portfolio: prepareReassignment(loaded, refs, to, today) }));
}

/**
 * The loaded workbooks as the reassignment leaves the team: every copy of a moved dossier
 * (the giver's and any cover copy) is the receiver's, as the giver's own reassignment and
 * the receiver's import make it, so the table, the bars and the lists count it there at once.
 */
export function applyReassignments(loaded: readonly LoadedWorkbook[], moves: readonly PreparedMove[]): LoadedWorkbook[] {
  const moved = new Map(moves.flatMap((m) => m.portfolio.dossiers.map((d) => [d.id, d] as const)));
  return loaded.map((l) => {
    if (!l.portfolio.dossiers.some((d) => moved.has(d.id))) return l;
    const dossiers = l.portfolio.dossiers.map((d) => {
      const m = moved.get(d.id);
      return m ? { ...d, owner: m.owner, ownerHistory: m.ownerHistory, coveredFor: m.coveredFor, coveredBy: m.coveredBy, coveredFrom: m.coveredFrom, coveredUntil: m.coveredUntil } : d;
    });
    return { ...l, portfolio: { ...l.portfolio, dossiers } };
  });
}

/**
 * Rotation at most once a year, over the dossiers about to be reassigned: how many were
 * rotated less than 12 months before `today`, and the latest such rotation.
 */
export function recentRotationOf(dossiers: Iterable<Pick<Dossier, 'ownerHistory'> | undefined>, today: string): { lastRotation: string; count: number } | undefined {
  let last: string | undefined;
  let count = 0;
  for (const d of dossiers) {
    const w = d && rotationWarning(d, today);
    if (!w) continue;
    count++;
    if (last === undefined || w.lastRotation > last) last = w.lastRotation;
  }
  return last === undefined ? undefined : { lastRotation: last, count };
}

/** The loaded workbooks after a handover was given: the owners' dossiers marked with who covers them. */
export function markHome(loaded: readonly LoadedWorkbook[], refs: readonly DossierRef[], home: ReadonlyMap<string, CoverFields>): LoadedWorkbook[] {
  const wanted = new Set(refs.map(refKey));
  return loaded.map((l) => {
    let changed = false;
    const dossiers = l.portfolio.dossiers.map((d) => {
      const h = home.get(d.id);
      // Only the owner's own copy is marked; a colleague's cover copy stays as it is.
      if (!h || d.coveredFor || !wanted.has(refKey({ file: l.file, id: d.id }))) return d;
      changed = true;
      return { ...d, ...h };
    });
    return changed ? { ...l, portfolio: { ...l.portfolio, dossiers } } : l;
  });
}
