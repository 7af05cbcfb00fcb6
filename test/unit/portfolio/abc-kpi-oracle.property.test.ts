/**
 * The ABC analysis (rewritten for speed, issue 14's abcMs) and the week's KPIs (kpiWeekMs)
 * against the issue's rules written out here the slow, obvious way: every
 * result field compared, on random portfolios with the edge days of the revenue window
 * (365 days back, 364, today, tomorrow), equal revenues and names, other currencies, zero
 * and negative sums, sums too large for the packed sort, invoices in any order, and
 * dossier ids that end alike.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, startOfIsoWeek, todayKey } from '../../../shared/dates/calendar-day';
import { abcAnalysis, type AbcClass } from '../../../shared/portfolio/abc';
import { activityByWeek } from '../../../shared/portfolio/kpi';

const TODAY = '2026-11-24';

interface Inv {
  dossierId: string;
  amount: number;
  currency: string;
  issuedOn: string;
}

/** The rule of issue 14, item 2, with the order abc.ts documents for the clients list. */
function referenceAbc(dossiers: { id: string; company: string }[], invoices: Inv[], today: string, currency: string) {
  const from = addDays(today, -364);
  const cents = new Map<string, number>();
  for (const inv of invoices) {
    if (inv.currency !== currency || !inv.issuedOn || inv.issuedOn < from || inv.issuedOn > today) continue;
    cents.set(inv.dossierId, (cents.get(inv.dossierId) ?? 0) + Math.round(inv.amount * 100));
  }
  const c = (d: { id: string }) => cents.get(d.id) ?? 0;
  const byRank = (a: { id: string; company: string }, b: { id: string; company: string }) =>
    c(b) - c(a) || (a.company < b.company ? -1 : a.company > b.company ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const paid = dossiers.filter((d) => c(d) > 0).sort(byRank);
  const none = dossiers.filter((d) => c(d) === 0);
  const negative = dossiers.filter((d) => c(d) < 0).sort(byRank);
  const total = dossiers.reduce((s, d) => s + c(d), 0);
  const classes = { A: { clients: 0, revenue: 0 }, B: { clients: 0, revenue: 0 }, C: { clients: 0, revenue: 0 } };
  const clients: { dossierId: string; revenue: number; cls: AbcClass; cumulativeShare: number }[] = [];
  let before = 0;
  const put = (d: { id: string }, cls: AbcClass) => {
    before += c(d);
    classes[cls].clients++;
    classes[cls].revenue += c(d);
    clients.push({ dossierId: d.id, revenue: c(d) / 100, cls, cumulativeShare: total > 0 ? before / total : 0 });
  };
  for (const d of paid) put(d, before * 100 < total * 80 ? 'A' : before * 100 < total * 95 ? 'B' : 'C');
  for (const d of none) put(d, 'C');
  for (const d of negative) put(d, 'C');
  for (const k of ['A', 'B', 'C'] as const) classes[k].revenue /= 100;
  return { clients, classes, total: total / 100 };
}

describe('ABC analysis = the rule', () => {
  const edgeDay = fc.oneof(
    fc.constantFrom(addDays(TODAY, -365), addDays(TODAY, -364), TODAY, addDays(TODAY, 1), ''),
    fc.integer({ min: -400, max: 3 }).map((n) => addDays(TODAY, n)),
  );
  // Round sums (many equal revenues), kopecks, zero, credit notes, and now and then a sum
  // too large for the packed sort of abc.ts (it falls back to the comparator).
  const amount = fc.oneof(fc.integer({ min: 1, max: 5 }).map((n) => n * 1000), fc.integer({ min: -3000, max: 9000 }).map((n) => n / 100), fc.constant(0), fc.integer({ min: 1, max: 9 }).map((n) => n * 1e13));
  const portfolio = fc.array(fc.record({ company: fc.constantFrom('Альфа', 'Бета', 'Alpha', 'Я', 'ООО «Альфа»'), invoices: fc.array(fc.record({ amount, currency: fc.constantFrom('RUB', 'RUB', 'RUB', 'EUR'), issuedOn: edgeDay }), { maxLength: 4 }) }), { maxLength: 50 });

  it('every client, class, share and total equals the rule, whatever the invoices order', () => {
    // Ids in ascending order (as the database reads them: abc.ts then pairs invoices by a
    // walk), in any order, or repeated; now and then an invoice of a dossier not in the list.
    const idOf = (mode: string, i: number) =>
      mode === 'sorted' ? `${(i * 7919 + 13).toString(16).padStart(8, '0')}-0000-4000-8000-${String(i % 7).padStart(12, '0')}` : mode === 'repeated' ? `d${i % 3}` : `d${i % 10}-${i}`;
    fc.assert(fc.property(portfolio, fc.constantFrom('sorted', 'sorted', 'unsorted', 'repeated'), fc.boolean(), fc.nat(), (list, mode, orphan, shuffleSeed) => {
      const dossiers = list.map((c, i) => ({ id: idOf(mode, i), company: c.company }));
      const grouped: Inv[] = list.flatMap((c, i) => c.invoices.map((inv) => ({ ...inv, dossierId: dossiers[i]!.id })));
      if (orphan) grouped.splice(grouped.length >> 1, 0, { dossierId: 'zz-gone', amount: 700, currency: 'RUB', issuedOn: TODAY });
      // The database keeps a dossier's invoices together; an import or a test may not.
      const order = grouped.map((_, i) => (i * 2654435761 + shuffleSeed) % 4294967296).map((k, i) => [k, i] as const).sort((a, b) => a[0] - b[0]);
      for (const invoices of [grouped, order.map(([, i]) => grouped[i]!)]) {
        const r = abcAnalysis(dossiers, invoices, TODAY, 'RUB');
        const want = referenceAbc(dossiers, invoices, TODAY, 'RUB');
        expect(r.clients.map((c) => ({ dossierId: c.dossierId, revenue: c.revenue, cls: c.cls, cumulativeShare: c.cumulativeShare }))).toEqual(want.clients);
        expect(r.classes).toEqual(want.classes);
        expect(r.total).toBe(want.total);
        for (const c of r.clients) expect(c.dossier.id).toBe(c.dossierId);
      }
    }), { numRuns: 300 });
  });

  it('an empty portfolio, and one without revenue in the main currency, are all C', () => {
    expect(abcAnalysis([], [], TODAY, 'RUB')).toEqual({ clients: [], classes: { A: { clients: 0, revenue: 0 }, B: { clients: 0, revenue: 0 }, C: { clients: 0, revenue: 0 } }, total: 0 });
    const r = abcAnalysis([{ id: 'a', company: 'A' }, { id: 'b', company: 'B' }], [{ dossierId: 'a', amount: 500, currency: 'EUR', issuedOn: TODAY }, { dossierId: 'b', amount: 500, currency: 'RUB', issuedOn: addDays(TODAY, -365) }], TODAY, 'RUB');
    expect(r.clients.map((c) => [c.dossierId, c.cls])).toEqual([['a', 'C'], ['b', 'C']]);
    expect(r.total).toBe(0);
  });
});

/** Issue 14, item 3 as kpi.ts states it: per ISO week, the entries by their instant's local day. */
function referenceWeeks(history: { dossierId: string; at: string; kind: string; outcome: string }[], dossiers: { id: string; createdAt: string }[], from: string, to: string) {
  const dayOf = (at: string) => todayKey(new Date(at));
  const firstAgreed = new Map<string, string>();
  for (const h of history) if (h.outcome === 'agreed' && (!firstAgreed.has(h.dossierId) || new Date(h.at) < new Date(firstAgreed.get(h.dossierId)!))) firstAgreed.set(h.dossierId, h.at);
  const out = [];
  for (let wk = startOfIsoWeek(from); wk <= startOfIsoWeek(to); wk = addDays(wk, 7)) {
    const days = Array.from({ length: 7 }, (_, i) => addDays(wk, i));
    const on = (day: string) => history.filter((h) => dayOf(h.at) === day);
    const inWeek = (at: string) => days.includes(dayOf(at));
    const mine = history.filter((h) => inWeek(h.at));
    out.push({
      day: wk,
      calls: mine.filter((h) => h.kind === 'call').length,
      meetings: mine.filter((h) => h.kind === 'meeting').length,
      requests: mine.filter((h) => h.outcome === 'request').length,
      callDays: days.filter((d) => on(d).some((h) => h.kind === 'call')).length,
      meetingDays: days.filter((d) => on(d).some((h) => h.kind === 'meeting')).length,
      newProspects: dossiers.filter((d) => inWeek(d.createdAt)).length,
      closed: [...firstAgreed.values()].filter(inWeek).length,
    });
  }
  return out;
}

describe("a week's KPIs = the rule", () => {
  // Short ids, UUIDs, and ids that end alike.
  const id = fc.constantFrom('a', 'b', 'x-000001', 'y-000001', '1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b', '7c9e6679-7425-40de-944b-e07fc1f90ae7');
  const at = fc.tuple(fc.integer({ min: -40, max: 10 }), fc.integer({ min: 0, max: 24 * 60 - 1 })).map(([d, min]) => new Date(new Date(`${addDays(TODAY, d)}T00:00:00`).getTime() + min * 60_000).toISOString());
  const entry = fc.record({ dossierId: id, at, kind: fc.constantFrom('call', 'meeting', 'email'), outcome: fc.constantFrom('', 'agreed', 'agreed', 'request') });

  it('every week of the period equals counting each entry by its Date', () => {
    fc.assert(fc.property(fc.array(entry, { maxLength: 80 }), fc.array(at, { maxLength: 5 }), fc.integer({ min: 0, max: 20 }), (history, created, span) => {
      const from = addDays(TODAY, -span);
      const dossiers = created.map((c, i) => ({ id: `n${i}`, createdAt: c }));
      expect(activityByWeek(history, dossiers, from, TODAY)).toEqual(referenceWeeks(history, dossiers, from, TODAY));
    }), { numRuns: 300 });
  });
});
