/**
 * The activity KPIs of kpi.ts on the portfolio's columns (portfolio-columns.ts), with the
 * same results: an entry's day is its instant's local day (already a day number in the
 * columns), a dossier closes on its first "agreed" ever (noted per dossier when the columns
 * were built), a new prospect on its creation's local day.
 */
import { addDays, eachDay, startOfIsoWeek } from '../dates/calendar-day';
import { revenueByDossier } from './abc-columns';
import { weeksOf, type DayActivity, type WeekActivity } from './kpi';
import { dayNumber, KIND_CALL, KIND_MEETING, OUTCOME_REQUEST, type HistoryColumns, type PortfolioColumns } from './portfolio-columns';

/** Calls, meetings and requests per day of `days` (consecutive, the first numbered `first`). */
function countDays(h: HistoryColumns, days: readonly string[], first: number): DayActivity[] {
  const n = days.length;
  const calls = new Int32Array(n);
  const meetings = new Int32Array(n);
  const requests = new Int32Array(n);
  for (let k = 0; k < h.count; k++) {
    const i = h.day[k]! - first;
    if (i < 0 || i >= n) continue;
    const kind = h.kind[k]!;
    if (kind === KIND_CALL) calls[i]++;
    else if (kind === KIND_MEETING) meetings[i]++;
    if (h.outcome[k] === OUTCOME_REQUEST) requests[i]++;
  }
  return days.map((day, i) => ({ day, calls: calls[i]!, meetings: meetings[i]!, requests: requests[i]! }));
}

/** kpi.ts's activityByDay: every day of [from, to], zeros included. */
export function activityByDayOnColumns(p: PortfolioColumns, from: string, to: string): DayActivity[] {
  return countDays(p.history, eachDay(from, to), dayNumber(from));
}

/** kpi.ts's activityByWeek: the ISO weeks covering [from, to] with activity, new prospects and closings. */
export function activityByWeekOnColumns(p: PortfolioColumns, from: string, to: string): WeekActivity[] {
  const start = startOfIsoWeek(from);
  const days = eachDay(start, addDays(startOfIsoWeek(to), 6));
  const first = dayNumber(start);
  const list = [...weeksOf(countDays(p.history, days, first)).values()];
  const weekOf = (day: number): WeekActivity | undefined => (day >= first && day - first < days.length ? list[Math.floor((day - first) / 7)] : undefined);
  const d = p.dossiers;
  for (let i = 0; i < d.count; i++) {
    const created = weekOf(d.createdDay[i]!);
    if (created) created.newProspects++;
    // A repeated id is one client: it closes once, as the records' history has it by id.
    if (d.sameAs[i] !== i) continue;
    const closed = weekOf(d.firstAgreedDay[i]!);
    if (closed) closed.closed++;
  }
  return list;
}

/** kpi.ts's incomeByOwner: per owner, the clients and their revenue by the ABC rule, largest first. */
export function incomeByOwnerOnColumns(p: PortfolioColumns, today: string, currency: string): { owner: string; clients: number; revenue: number }[] {
  const cents = revenueByDossier(p, today, currency);
  const { values, codes } = p.dossiers.owner;
  const clients = new Float64Array(values.length);
  const sums = new Float64Array(values.length);
  for (let i = 0; i < codes.length; i++) {
    clients[codes[i]!]++;
    sums[codes[i]!] += cents[i]!;
  }
  return values.map((owner, c) => ({ owner, clients: clients[c]!, revenue: sums[c]! / 100 })).sort((a, b) => b.revenue - a.revenue || (a.owner < b.owner ? -1 : 1));
}
