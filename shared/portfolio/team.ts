/**
 * The lead's team view over loaded workbooks: one line per manager (the dossiers' Owner)
 * with the load of each of the next days, overdue, open receivables and the covers.
 * Pure: the screen keeps the workbooks in memory only, never in the lead's own binder.
 */
import { addDays, eachDay } from '../dates/calendar-day';
import type { Dossier, Portfolio } from '../model/records';
import { coverState } from './handover';
import { workloadByOwner } from './workload';

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
    const state = coverState(d, today);
    if (state === 'active' || state === 'upcoming' || state === 'hand-back') pairs.set(`${d.owner}\u0000${d.coveredFor}`, { who: d.coveredFor, until: d.coveredUntil });
  }
  return pairs;
}

/**
 * One line per manager with active dossiers. Receivables: unpaid invoices in the main
 * currency (issue 13's payments will make "open" the amount less its payments).
 */
export function buildTeamLines(loaded: readonly LoadedWorkbook[], today: string, currency: string, days = TEAM_DAYS): ManagerLine[] {
  const dossiers = loaded.flatMap((l) => l.portfolio.dossiers);
  const steps = loaded.flatMap((l) => l.portfolio.steps);
  const load = workloadByOwner(dossiers, steps, today, days);
  const ownerOf = new Map(dossiers.map((d) => [d.id, d.owner]));
  const receivables = new Map<string, number>();
  for (const l of loaded) {
    for (const inv of l.portfolio.invoices) {
      if (inv.paidOn || inv.currency !== currency) continue;
      const owner = ownerOf.get(inv.dossierId) ?? '';
      receivables.set(owner, (receivables.get(owner) ?? 0) + inv.amount);
    }
  }
  const window = eachDay(today, addDays(today, days - 1));
  const owners = new Set(dossiers.filter((d) => d.status === 'active').map((d) => d.owner));
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

