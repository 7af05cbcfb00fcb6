/**
 * The lead's team view over loaded workbooks: one line per manager (the dossiers' Owner)
 * with the load of each of the next days, overdue, open receivables and the covers.
 * Pure: the screen keeps the workbooks in memory only, never in the lead's own binder.
 */
import { addDays, eachDay } from '../dates/calendar-day';
import type { Dossier, Portfolio } from '../model/records';
import { coverState, handedOverTo } from './handover';
import { workloadByOwner } from './workload';
import { openAmount, paymentsByInvoice } from '../receivables/open-amount';

export const TEAM_DAYS = 14;

export interface LoadedWorkbook {
  file: string;
  portfolio: Portfolio;
}

export interface ManagerLine {
  owner: string;
  overdue: number;
  days: number[];
  receivables: number;
  covers: { who: string; until: string }[];
  coveredBy: { who: string; until: string }[];
}

function coverPairs(dossiers: readonly Dossier[], today: string): Map<string, { who: string; until: string }> {
  const pairs = new Map<string, { who: string; until: string }>();
  for (const d of dossiers) {
    // The owner's own binder marks what it handed out; the colleague's copy is covered for the owner.
    const out = handedOverTo(d);
    if (out) {
      pairs.set(`${out.to}\u0000${d.owner}`, { who: d.owner, until: out.until });
      continue;
    }
    const state = coverState(d, today);
    const coverer = d.coveredBy || d.owner;
    if (state === 'active' || state === 'upcoming' || state === 'hand-back') pairs.set(`${coverer}\u0000${d.coveredFor}`, { who: d.coveredFor, until: d.coveredUntil });
  }
  return pairs;
}

/**
 * Who works a dossier filed on `day`: the colleague while a cover spans that day (the
 * owner's marked copy and the colleague's cover copy say the same), else its owner.
 */
export function workerOn(d: Pick<Dossier, 'owner' | 'coveredFor' | 'coveredBy' | 'coveredFrom' | 'coveredUntil'>, day: string): string {
  if (!d.coveredBy || (!d.coveredFor && !handedOverTo(d))) return d.owner;
  const from = d.coveredFrom ?? '';
  return (!from || from <= day) && (!d.coveredUntil || day <= d.coveredUntil) ? d.coveredBy : d.owner;
}

/**
 * Each dossier once: the owner's workbook and a colleague's cover copy may both hold it, and
 * the team works it once. The first loaded copy stands (both attribute the same load).
 */
function distinctRecords(loaded: readonly LoadedWorkbook[]): Pick<Portfolio, 'dossiers' | 'steps' | 'invoices' | 'payments'> {
  const seen = new Set<string>();
  const out: Pick<Portfolio, 'dossiers' | 'steps' | 'invoices' | 'payments'> = { dossiers: [], steps: [], invoices: [], payments: [] };
  for (const l of loaded) {
    const ids = new Set<string>();
    for (const d of l.portfolio.dossiers) {
      if (seen.has(d.id)) continue;
      seen.add(d.id);
      ids.add(d.id);
      out.dossiers.push(d);
    }
    // Everything of a copy already counted is left out with it.
    const all = ids.size === l.portfolio.dossiers.length;
    const mine = <T extends { dossierId: string }>(xs: readonly T[]) => (all ? xs : xs.filter((x) => ids.has(x.dossierId)));
    const invoices = mine(l.portfolio.invoices);
    const kept = new Set(invoices.map((i) => i.id));
    append(out.steps, mine(l.portfolio.steps));
    append(out.invoices, invoices);
    append(out.payments, all ? (l.portfolio.payments ?? []) : (l.portfolio.payments ?? []).filter((p) => kept.has(p.invoiceId)));
  }
  return out;
}

/** A loop, not push(...xs): a 100,000-dossier workbook's steps are more arguments than a call takes. */
export function append<T>(to: T[], xs: readonly T[]): void {
  for (const x of xs) to.push(x);
}

/**
 * One line per manager with active dossiers or work to cover. A day's load is who works it
 * (`workerOn`), so a prepared handover shows on the colleague's days of the leave.
 * Receivables: what is open of the invoices in the main currency (the amount less its
 * payments), the owner's.
 */
export function buildTeamLines(loaded: readonly LoadedWorkbook[], today: string, currency: string, days = TEAM_DAYS): ManagerLine[] {
  const { dossiers, steps, invoices, payments } = distinctRecords(loaded);
  const load = workloadByOwner(dossiers, steps, today, days, workerOn);
  const ownerOf = new Map(dossiers.map((d) => [d.id, d.owner]));
  const receivables = new Map<string, number>();
  const paid = paymentsByInvoice(payments);
  for (const inv of invoices) {
    if (inv.currency !== currency) continue;
    const open = openAmount(inv, paid.get(inv.id));
    if (open <= 0) continue;
    const owner = ownerOf.get(inv.dossierId) ?? '';
    receivables.set(owner, (receivables.get(owner) ?? 0) + open);
  }
  const window = eachDay(today, addDays(today, days - 1));
  const owners = new Set([...dossiers.filter((d) => d.status === 'active').map((d) => d.owner), ...Object.keys(load)]);
  const lines = new Map<string, ManagerLine>();
  for (const owner of owners) {
    const l = load[owner];
    lines.set(owner, { owner, overdue: l?.overdue ?? 0, days: window.map((d) => l?.[d] ?? 0), receivables: receivables.get(owner) ?? 0, covers: [], coveredBy: [] });
  }
  for (const [key, c] of coverPairs(dossiers, today)) {
    const coverer = key.split('\u0000')[0]!;
    lines.get(coverer)?.covers.push(c);
    const absent = lines.get(c.who);
    if (absent) absent.coveredBy.push({ who: coverer, until: c.until });
  }
  return [...lines.values()].sort((a, b) => (a.owner < b.owner ? -1 : 1));
}

