/**
 * Activity KPIs from the contact history: calls, meetings and requests received per day and
 * per ISO week (Monday first), against the targets in Settings; new prospects (dossiers
 * created) and how many of them closed (a first "agreed" outcome). A history entry's day is
 * its instant's local calendar day, as the history list shows it.
 */
import { addDays, eachDay, startOfIsoWeek, todayKey } from '../dates/calendar-day';
import type { Dossier, HistoryEntry, Invoice } from '../model/records';
import { revenueCents } from './abc';
import { defaultSettings, type Settings } from '../model/settings';

export type KpiTargets = Settings['kpiTargets'];

/** The settings' defaults (B2B rule of thumb: 1-2 meetings a day is good; calls fill the other days). */
export const DEFAULT_KPI_TARGETS: KpiTargets = defaultSettings().kpiTargets;

export interface DayActivity {
  day: string;
  calls: number;
  meetings: number;
  requests: number;
}

export interface WeekActivity extends DayActivity {
  /** Days of the week with at least one call / one meeting: alternating call and meeting days show here. */
  callDays: number;
  meetingDays: number;
  newProspects: number;
  closed: number;
}

type KpiEntry = Pick<HistoryEntry, 'dossierId' | 'at' | 'kind' | 'outcome'>;

/**
 * Instants that may fall on the days [from, to] in any time zone: ISO instants sort as
 * text, so a day either side narrows a scan to the period's entries before any of them is
 * turned into a date.
 */
function textWindow(from: string, to: string): { lo: string; hi: string } {
  return { lo: addDays(from, -1), hi: addDays(to, 2) };
}

/**
 * Finds the index of an instant's local day among consecutive `days`, or -1. The days'
 * local midnights are written as canonical UTC instants ('…T…:…:….sssZ', what the app
 * stores) once, so a stored instant is placed by comparing text; any other spelling of an
 * instant goes through a Date. Turning each of a busy week's 20,000 entries into a Date
 * was most of the week's time.
 */
function localDayLocator(days: readonly string[]): (at: string) => number {
  const index = new Map(days.map((d, i) => [d, i]));
  const midnight = (day: string) => new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))).toISOString();
  const bounds = [...days, addDays(days[days.length - 1]!, 1)].map(midnight);
  const canonical = (at: string) => at.length === 24 && at.charCodeAt(23) === 90 /* Z */ && at.charCodeAt(10) === 84 /* T */;
  return (at) => {
    if (!canonical(at)) return index.get(todayKey(new Date(at))) ?? -1;
    if (at < bounds[0]! || at >= bounds[bounds.length - 1]!) return -1;
    let i = 0;
    while (at >= bounds[i + 1]!) i++;
    return i;
  };
}

function countInto(a: DayActivity, h: KpiEntry): void {
  if (h.kind === 'call') a.calls++;
  else if (h.kind === 'meeting') a.meetings++;
  if (h.outcome === 'request') a.requests++;
}

/** Per day of [from, to] (every day listed, zeros included); a history entry's day is its instant's local day. */
export function activityByDay(history: Iterable<KpiEntry>, from: string, to: string): DayActivity[] {
  const days = eachDay(from, to);
  const dayOf = localDayLocator(days);
  const out = days.map((day) => ({ day, calls: 0, meetings: 0, requests: 0 }));
  const { lo, hi } = textWindow(from, to);
  for (const h of history) {
    if (h.at < lo || h.at >= hi) continue;
    const i = dayOf(h.at);
    if (i >= 0) countInto(out[i]!, h);
  }
  return out;
}

/**
 * The ISO weeks (Monday) covering [from, to], with their activity and prospects, in one
 * plain pass over the history: it counts the period's entries, notes who agreed in it and
 * lists who agreed before it (a client closes once: its first "agreed" counts, a later one
 * is the relationship going on). A Map lookup per agreement of a million-entry history
 * was much of the time before; now only the period's agreements are looked up.
 */
export function activityByWeek(history: readonly KpiEntry[], dossiers: readonly Pick<Dossier, 'id' | 'createdAt'>[], from: string, to: string): WeekActivity[] {
  const start = startOfIsoWeek(from);
  const end = addDays(startOfIsoWeek(to), 6);
  const days = eachDay(start, end);
  const dayOf = localDayLocator(days);
  const perDay = days.map((day) => ({ day, calls: 0, meetings: 0, requests: 0 }));
  const { lo, hi } = textWindow(start, end);
  const agreedIn = new Map<string, string>();
  const agreedBefore: string[] = [];
  for (let k = 0; k < history.length; k++) {
    const h = history[k]!;
    const at = h.at;
    if (at < lo) {
      if (h.outcome === 'agreed') agreedBefore.push(h.dossierId);
      continue;
    }
    if (at >= hi) continue;
    const i = dayOf(at);
    if (i >= 0) countInto(perDay[i]!, h);
    if (h.outcome === 'agreed') {
      const seen = agreedIn.get(h.dossierId);
      if (seen === undefined || at < seen) agreedIn.set(h.dossierId, at);
    }
  }
  if (agreedIn.size > 0) for (const id of agreedBefore) agreedIn.delete(id);

  const weeks = weeksOf(perDay);
  const weekOf = (instant: string): WeekActivity | undefined => {
    const i = instant < lo || instant >= hi ? -1 : dayOf(instant);
    return i < 0 ? undefined : weeks.get(startOfIsoWeek(days[i]!));
  };
  for (const d of dossiers) {
    const w = weekOf(d.createdAt);
    if (w) w.newProspects++;
  }
  for (const at of agreedIn.values()) {
    const w = weekOf(at);
    if (w) w.closed++;
  }
  return [...weeks.values()];
}

/** The ISO weeks of consecutive days (whole weeks, Monday first), their prospects and closings still zero. */
export function weeksOf(perDay: readonly DayActivity[]): Map<string, WeekActivity> {
  const weeks = new Map<string, WeekActivity>();
  for (const d of perDay) {
    const wk = startOfIsoWeek(d.day);
    let w = weeks.get(wk);
    if (!w) weeks.set(wk, (w = { day: wk, calls: 0, meetings: 0, requests: 0, callDays: 0, meetingDays: 0, newProspects: 0, closed: 0 }));
    w.calls += d.calls;
    w.meetings += d.meetings;
    w.requests += d.requests;
    if (d.calls) w.callDays++;
    if (d.meetings) w.meetingDays++;
  }
  return weeks;
}

/** Least-squares line through the values (index as x): the trend drawn over weekly bars. */
export function trendLine(values: readonly number[]): number[] {
  const n = values.length;
  if (n < 2) return [...values];
  const mx = (n - 1) / 2;
  const my = values.reduce((s, v) => s + v, 0) / n;
  let num = 0;
  let den = 0;
  values.forEach((v, i) => {
    num += (i - mx) * (v - my);
    den += (i - mx) ** 2;
  });
  const slope = num / den;
  return values.map((_, i) => Math.round((my + slope * (i - mx)) * 100) / 100);
}

/** Share of working days in the period whose activity met the target (the "good day" rate). */
export function daysOnTarget(days: readonly DayActivity[], targets: KpiTargets): { calls: number; meetings: number } {
  return {
    calls: days.filter((d) => d.calls >= targets.callsPerDay).length,
    meetings: days.filter((d) => d.meetings >= targets.meetingsPerDay).length,
  };
}

/**
 * The income of each manager's assigned clients: per owner (the dossier's Owner), the
 * clients and their revenue by the ABC rule (invoices of the last 365 days in the main
 * currency), largest first; a dossier without owner counts under ''.
 */
export function incomeByOwner(dossiers: readonly Pick<Dossier, 'id' | 'owner'>[], invoices: Iterable<Pick<Invoice, 'dossierId' | 'amount' | 'currency' | 'issuedOn'>>, today: string, currency: string): { owner: string; clients: number; revenue: number }[] {
  const cents = revenueCents(invoices, today, currency);
  const m = new Map<string, { owner: string; clients: number; cents: number }>();
  for (const d of dossiers) {
    let e = m.get(d.owner);
    if (!e) m.set(d.owner, (e = { owner: d.owner, clients: 0, cents: 0 }));
    e.clients++;
    e.cents += cents.get(d.id) ?? 0;
  }
  return [...m.values()].map((e) => ({ owner: e.owner, clients: e.clients, revenue: e.cents / 100 })).sort((a, b) => b.revenue - a.revenue || (a.owner < b.owner ? -1 : 1));
}
