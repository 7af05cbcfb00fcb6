/**
 * The portfolio figures' fast paths (abc.ts ranks only paid clients, kpi.ts places stored
 * instants by text) against the plain definitions, written out here the slow, obvious way.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, startOfIsoWeek, todayKey } from '../../../shared/dates/calendar-day';
import { abcAnalysis } from '../../../shared/portfolio/abc';
import { activityByDay, activityByWeek } from '../../../shared/portfolio/kpi';

const TODAY = '2026-11-24';

describe('ABC fast path = the definition', () => {
  it('classes, totals and the order of paid clients match sorting every client', () => {
    const client = fc.record({ company: fc.constantFrom('Альфа', 'Бета', 'Alpha', 'Я'), amounts: fc.array(fc.integer({ min: -500, max: 5000 }), { maxLength: 3 }) });
    fc.assert(fc.property(fc.array(client, { minLength: 1, maxLength: 40 }), (list) => {
      const dossiers = list.map((c, i) => ({ id: `d${i}`, company: c.company }));
      const invoices = list.flatMap((c, i) => c.amounts.map((a) => ({ dossierId: `d${i}`, amount: a / 100, currency: 'RUB', issuedOn: TODAY })));
      const r = abcAnalysis(dossiers, invoices, TODAY, 'RUB');
      // The definition: every client by revenue descending, then name, then id.
      const cents = new Map(dossiers.map((d) => [d.id, 0]));
      for (const inv of invoices) cents.set(inv.dossierId, cents.get(inv.dossierId)! + Math.round(inv.amount * 100));
      const all = [...dossiers].sort((a, b) => cents.get(b.id)! - cents.get(a.id)! || (a.company < b.company ? -1 : a.company > b.company ? 1 : a.id < b.id ? -1 : 1));
      const total = [...cents.values()].reduce((s, c) => s + c, 0);
      let before = 0;
      const want = new Map<string, string>();
      for (const d of all) {
        const c = cents.get(d.id)!;
        want.set(d.id, c <= 0 ? 'C' : before * 100 < total * 80 ? 'A' : before * 100 < total * 95 ? 'B' : 'C');
        before += c;
      }
      expect(Object.fromEntries(r.clients.map((c) => [c.dossierId, c.cls]))).toEqual(Object.fromEntries(want));
      expect(r.total * 100).toBeCloseTo(total, 6);
      expect(r.clients.filter((c) => c.revenue > 0).map((c) => c.dossierId)).toEqual(all.filter((d) => cents.get(d.id)! > 0).map((d) => d.id));
      expect(r.clients).toHaveLength(dossiers.length);
    }));
  });
});

describe('KPI fast path = the definition', () => {
  // Instants around the period, in the stored spelling and in others ('…+03:00', no ms).
  const instant = fc.tuple(fc.integer({ min: -12, max: 12 }), fc.integer({ min: 0, max: 24 * 60 - 1 }), fc.constantFrom('iso', 'offset', 'short')).map(([d, min, form]) => {
    const t = new Date(`${addDays(TODAY, d)}T00:00:00`).getTime() + min * 60_000;
    const iso = new Date(t).toISOString();
    return form === 'iso' ? iso : form === 'short' ? iso.replace('.000Z', 'Z') : new Date(t + 3 * 3_600_000).toISOString().replace('.000Z', '+03:00').replace(/\.\d{3}/, '');
  });
  const entry = fc.record({ dossierId: fc.constantFrom('a', 'b', 'c', 'd'), at: instant, kind: fc.constantFrom('call', 'meeting', 'email'), outcome: fc.constantFrom('', 'agreed', 'request') });

  it('per day and per week equal counting each entry by its Date', () => {
    fc.assert(fc.property(fc.array(entry, { maxLength: 60 }), fc.array(instant, { maxLength: 4 }), (history, created) => {
      const from = addDays(TODAY, -6);
      const dossiers = created.map((c, i) => ({ id: `n${i}`, createdAt: c }));
      const dayOf = (at: string) => todayKey(new Date(at));
      const days = activityByDay(history, from, TODAY);
      for (const d of days) {
        const mine = history.filter((h) => dayOf(h.at) === d.day);
        expect(d).toEqual({ day: d.day, calls: mine.filter((h) => h.kind === 'call').length, meetings: mine.filter((h) => h.kind === 'meeting').length, requests: mine.filter((h) => h.outcome === 'request').length });
      }
      const weeks = activityByWeek(history, dossiers, from, TODAY);
      for (const w of weeks) {
        const inWeek = (at: string) => startOfIsoWeek(dayOf(at)) === w.day;
        const first = new Map<string, string>();
        for (const h of history) if (h.outcome === 'agreed' && (!first.has(h.dossierId) || new Date(h.at) < new Date(first.get(h.dossierId)!))) first.set(h.dossierId, h.at);
        expect(w.calls).toBe(history.filter((h) => inWeek(h.at) && h.kind === 'call').length);
        expect(w.newProspects).toBe(dossiers.filter((d) => inWeek(d.createdAt)).length);
        expect(w.closed).toBe([...first.values()].filter(inWeek).length);
      }
    }));
  });
});
