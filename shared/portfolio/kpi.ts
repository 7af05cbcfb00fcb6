/**
 * Activity KPIs from the contact history: calls, meetings and requests received per day and
 * per ISO week (Monday first), against the targets in Settings; new prospects (dossiers
 * created) and how many of them closed (a first "agreed" outcome). A history entry's day is
 * its instant's local calendar day, as the history list shows it.
 */
import { addDays, eachDay, startOfIsoWeek, todayKey } from '../dates/calendar-day';
import type { Dossier, HistoryEntry } from '../model/records';

export interface KpiTargets {
  callsPerDay: number;
  meetingsPerDay: number;
}

/** B2B rule of thumb from the method: 1-2 meetings a day is good; calls fill the other days. */
export const DEFAULT_KPI_TARGETS: KpiTargets = { callsPerDay: 20, meetingsPerDay: 2 };

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
 * Per day of [from, to] (every day listed, zeros included). Entries are first narrowed by
 * their text (ISO instants sort as text), a day either side for the time zone, so only the
 * period's entries are turned into dates.
 */
export function activityByDay(history: Iterable<KpiEntry>, from: string, to: string): DayActivity[] {
  const days = eachDay(from, to);
  const index = new Map(days.map((d, i) => [d, i]));
  const out = days.map((day) => ({ day, calls: 0, meetings: 0, requests: 0 }));
  const lo = addDays(from, -1);
  const hi = addDays(to, 2);
  for (const h of history) {
    if (h.at < lo || h.at >= hi) continue;
    const i = index.get(todayKey(new Date(h.at)));
    if (i === undefined) continue;
    const a = out[i]!;
    if (h.kind === 'call') a.calls++;
    else if (h.kind === 'meeting') a.meetings++;
    if (h.outcome === 'request') a.requests++;
  }
  return out;
}

/** The ISO weeks (Monday) covering [from, to], with their activity and prospects. */
export function activityByWeek(history: readonly KpiEntry[], dossiers: readonly Pick<Dossier, 'id' | 'createdAt'>[], from: string, to: string): WeekActivity[] {
  const start = startOfIsoWeek(from);
  const end = addDays(startOfIsoWeek(to), 6);
  const weeks = new Map<string, WeekActivity>();
  for (const d of activityByDay(history, start, end)) {
    const wk = startOfIsoWeek(d.day);
    let w = weeks.get(wk);
    if (!w) weeks.set(wk, (w = { day: wk, calls: 0, meetings: 0, requests: 0, callDays: 0, meetingDays: 0, newProspects: 0, closed: 0 }));
    w.calls += d.calls;
    w.meetings += d.meetings;
    w.requests += d.requests;
    if (d.calls) w.callDays++;
    if (d.meetings) w.meetingDays++;
  }
  const lo = addDays(start, -1);
  const hi = addDays(end, 2);
  const weekOf = (instant: string): WeekActivity | undefined => (instant < lo || instant >= hi ? undefined : weeks.get(startOfIsoWeek(todayKey(new Date(instant)))));
  for (const d of dossiers) {
    const w = weekOf(d.createdAt);
    if (w) w.newProspects++;
  }
  // A client closes once: its first "agreed" counts, a later agreement is the relationship going on.
  const firstAgreed = new Map<string, string>();
  for (const h of history) {
    if (h.outcome !== 'agreed') continue;
    const seen = firstAgreed.get(h.dossierId);
    if (seen === undefined || h.at < seen) firstAgreed.set(h.dossierId, h.at);
  }
  for (const at of firstAgreed.values()) {
    const w = weekOf(at);
    if (w) w.closed++;
  }
  return [...weeks.values()];
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
