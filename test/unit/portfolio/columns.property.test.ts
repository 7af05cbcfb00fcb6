/**
 * The portfolio screen's figures on columns (abc-columns.ts, kpi-columns.ts) against the
 * same figures on the records (abc.ts, kpi.ts) for random portfolios: revenue on the
 * window's edges, ties in revenue and names, other currencies, credit notes, repeated and
 * unknown ids, instants near local midnight and across clock changes, spelled in other
 * ways than the app stores them.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, startOfIsoWeek, todayKey } from '../../../shared/dates/calendar-day';
import { abcAnalysis, paretoPoints, splitBy } from '../../../shared/portfolio/abc';
import { abcClientAt, abcOnColumns, paretoOnColumns, segmentCodes, splitOnColumns } from '../../../shared/portfolio/abc-columns';
import { activityByDay, activityByWeek, incomeByOwner } from '../../../shared/portfolio/kpi';
import { activityByDayOnColumns, activityByWeekOnColumns, incomeByOwnerOnColumns } from '../../../shared/portfolio/kpi-columns';
import { okvedClassOf } from '../../../shared/portfolio/okved';
import { buildPortfolioColumns, dayNumber, localDayNumber, NO_DAY } from '../../../shared/portfolio/portfolio-columns';
import { DEFAULT_SEGMENT_THRESHOLDS, effectiveSegment } from '../../../shared/portfolio/profile';
import type { Dossier, HistoryEntry, Invoice } from '../../../shared/model/records';

// A zone with clock changes (the last Sundays of March and October) and an offset that is
// not the one the '+03:00' spellings below carry.
const zone = process.env.TZ;
beforeAll(() => { process.env.TZ = 'Europe/Bucharest'; });
afterAll(() => { process.env.TZ = zone; });

/** Today: an ordinary day, and the days after each clock change, so the periods straddle them. */
const todayArb = fc.constantFrom('2026-11-24', '2026-03-30', '2026-10-26', '2028-03-01');

type D = Pick<Dossier, 'id' | 'company' | 'owner' | 'territory' | 'industry' | 'okved' | 'segment' | 'annualRevenue' | 'headcount' | 'createdAt'>;
type I = Pick<Invoice, 'dossierId' | 'amount' | 'currency' | 'issuedOn'>;
type H = Pick<HistoryEntry, 'dossierId' | 'at' | 'kind' | 'outcome'>;

/** An instant some days from today, near a local midnight or anywhere in the day, in one of four spellings. */
function instantArb(today: string) {
  const minutes = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -90, max: 90 }), fc.integer({ min: 0, max: 24 * 60 - 1 }));
  return fc.tuple(fc.integer({ min: -30, max: 10 }), minutes, fc.constantFrom('iso', 'iso', 'short', 'offset', 'seconds')).map(([d, min, form]) => {
    const t = new Date(`${addDays(today, d)}T00:00:00`).getTime() + min * 60_000;
    const iso = new Date(t).toISOString();
    if (form === 'iso') return iso;
    if (form === 'short') return iso.replace(/\.\d{3}Z$/, 'Z');
    if (form === 'seconds') return iso.replace('Z', '+00:00');
    return new Date(t + 3 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+03:00');
  });
}

const IDS = ['d01', 'd02', 'd03', 'd04', 'd05', 'd06', 'd07', 'd08', 'd09', 'd10'];

function portfolioArb(today: string) {
  const instant = instantArb(today);
  const dossier = fc.record({
    id: fc.constantFrom(...IDS),
    company: fc.constantFrom('Альфа', 'Бета', 'Alpha', 'alpha', 'Я', 'ООО «Вега»'),
    owner: fc.constantFrom('', 'Анна', 'Борис', 'Ion'),
    territory: fc.constantFrom('', 'Москва', 'Cluj'),
    industry: fc.constantFrom('', 'Retail', 'IT'),
    okved: fc.constantFrom(undefined, '', '46.9', '62.01', '00.1', 'xx'),
    segment: fc.constantFrom('', '', 'small', 'medium', 'large') as fc.Arbitrary<D['segment']>,
    annualRevenue: fc.option(fc.constantFrom(0, 1_000_000, 800_000_000, 5_000_000_000), { nil: undefined }),
    headcount: fc.option(fc.constantFrom(0, 10, 150, 400), { nil: undefined }),
    createdAt: instant,
  });
  // Distinct ids in id order (as read from the database), or in any order with repeats.
  const dossiers = fc.oneof(
    fc.uniqueArray(dossier, { selector: (d) => d.id, maxLength: 10 }).map((ds) => [...ds].sort((a, b) => (a.id < b.id ? -1 : 1))),
    fc.array(dossier, { maxLength: 12 }),
  );
  const issued = fc.oneof(fc.constantFrom(-365, -364, -363, -1, 0, 1, -366).map((n) => addDays(today, n)), fc.integer({ min: -400, max: 5 }).map((n) => addDays(today, n)), fc.constant(''));
  const invoice = fc.record({
    dossierId: fc.constantFrom(...IDS, 'unknown'),
    amount: fc.oneof(fc.constantFrom(0, 100, 100, 250.5, -100), fc.integer({ min: -50_000, max: 500_000 }).map((c) => c / 100)),
    currency: fc.constantFrom('RUB', 'RUB', 'RUB', 'EUR'),
    issuedOn: issued,
  });
  return fc.record({ dossiers, invoices: fc.array(invoice, { maxLength: 40 }) }).chain(({ dossiers: ds, invoices }) => {
    // Each dossier's records grouped in the dossiers' order, as the papers are read.
    const ids = ds.map((d) => d.id);
    const entry = fc.record({
      dossierId: ids.length ? fc.constantFrom(...ids) : fc.constant('d01'),
      at: instant,
      kind: fc.constantFrom('call', 'meeting', 'email', 'note') as fc.Arbitrary<H['kind']>,
      outcome: fc.constantFrom(undefined, '', 'agreed', 'agreed', 'request', 'reached') as fc.Arbitrary<H['outcome']>,
    });
    return fc.tuple(fc.array(entry, { maxLength: ids.length ? 60 : 0 }), fc.boolean()).map(([history, grouped]) => {
      const order = (id: string) => ids.indexOf(id);
      const inv = grouped ? [...invoices].sort((a, b) => order(a.dossierId) - order(b.dossierId)) : invoices;
      return { dossiers: ds as D[], invoices: inv as I[], history: history as H[] };
    });
  });
}

const todayAndPortfolio = todayArb.chain((today) => portfolioArb(today).map((p) => ({ today, p })));

describe('the ABC analysis on columns = on the records', () => {
  it('the same clients in the same order, classes, totals, Pareto points and splits', () => {
    fc.assert(fc.property(todayAndPortfolio, fc.constantFrom('RUB', 'EUR', 'USD'), ({ today, p }, currency) => {
      const cols = buildPortfolioColumns(p);
      const want = abcAnalysis(p.dossiers, p.invoices, today, currency);
      const got = abcOnColumns(cols, today, currency);
      expect(Array.from({ length: cols.dossiers.count }, (_, k) => abcClientAt(got, cols.dossiers, k))).toEqual(want.clients.map(({ dossierId, company, revenue, cls, cumulativeShare }) => ({ dossierId, company, revenue, cls, cumulativeShare })));
      expect(got.classes).toEqual(want.classes);
      expect(got.total).toBe(want.total);
      expect(paretoOnColumns(got, cols.dossiers)).toEqual(paretoPoints(want.clients));
      expect(paretoOnColumns(got, cols.dossiers, 3)).toEqual(paretoPoints(want.clients, 3));
      expect(splitOnColumns(got, segmentCodes(cols.dossiers, DEFAULT_SEGMENT_THRESHOLDS))).toEqual(splitBy(want.clients, (d) => effectiveSegment(d, DEFAULT_SEGMENT_THRESHOLDS)));
      expect(splitOnColumns(got, cols.dossiers.industry)).toEqual(splitBy(want.clients, (d) => okvedClassOf(d.okved)?.code ?? d.industry));
      expect(splitOnColumns(got, cols.dossiers.territory)).toEqual(splitBy(want.clients, (d) => d.territory));
    }), { numRuns: 400 });
  });

  it('the income by owner', () => {
    fc.assert(fc.property(todayAndPortfolio, ({ today, p }) => {
      expect(incomeByOwnerOnColumns(buildPortfolioColumns(p), today, 'RUB')).toEqual(incomeByOwner(p.dossiers, p.invoices, today, 'RUB'));
    }), { numRuns: 200 });
  });

  it('an empty portfolio has no revenue and no clients', () => {
    const cols = buildPortfolioColumns({ dossiers: [], invoices: [], history: [] });
    const r = abcOnColumns(cols, '2026-11-24', 'RUB');
    expect(r.order).toHaveLength(0);
    expect(r.classes).toEqual(abcAnalysis([], [], '2026-11-24', 'RUB').classes);
    expect(paretoOnColumns(r, cols.dossiers)).toEqual([]);
    expect(activityByWeekOnColumns(cols, '2026-11-18', '2026-11-24')).toEqual(activityByWeek([], [], '2026-11-18', '2026-11-24'));
  });
});

describe('the activity KPIs on columns = on the records', () => {
  const period = fc.tuple(fc.integer({ min: -25, max: 0 }), fc.integer({ min: 0, max: 20 }));

  it('per day and per week; a dossier closes on its first "agreed" ever, by time', () => {
    fc.assert(fc.property(todayAndPortfolio, period, ({ today, p }, [back, len]) => {
      const from = addDays(today, back);
      const to = addDays(from, len);
      const cols = buildPortfolioColumns(p);
      expect(activityByDayOnColumns(cols, from, to)).toEqual(activityByDay(p.history, from, to));
      const got = activityByWeekOnColumns(cols, from, to);
      const want = activityByWeek(p.history, p.dossiers, from, to);
      // kpi.ts finds a dossier's first agreement by comparing the instants' text, which
      // differently spelled instants can get wrong; "first" here is by time, as the rule says.
      const first = new Map<string, number>();
      for (const h of p.history) if (h.outcome === 'agreed') first.set(h.dossierId, Math.min(first.get(h.dossierId) ?? Infinity, Date.parse(h.at)));
      const closedIn = (week: string) => [...first.values()].filter((t) => startOfIsoWeek(todayKey(new Date(t))) === week).length;
      expect(got.map((w) => ({ ...w, closed: 0 }))).toEqual(want.map((w) => ({ ...w, closed: 0 })));
      expect(got.map((w) => w.closed)).toEqual(want.map((w) => closedIn(w.day)));
    }), { numRuns: 400 });
  });
});

describe('day numbers', () => {
  it('run in a zone with clock changes', () => {
    expect([new Date('2026-01-15T12:00:00Z').getTimezoneOffset(), new Date('2026-07-15T12:00:00Z').getTimezoneOffset()]).toEqual([-120, -180]);
  });

  it('an instant\'s day number is its local calendar day (any spelling), a day key\'s its day', () => {
    fc.assert(fc.property(todayArb.chain((today) => instantArb(today)), (at) => {
      expect(localDayNumber(at)).toBe(dayNumber(todayKey(new Date(at))));
    }));
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('')).toBe(NO_DAY);
    expect(localDayNumber('not a date')).toBe(NO_DAY);
  });

  it('the columns read the stored spelling by hand the way Date reads it, month ends and clock changes included', () => {
    const days = ['2026-03-28', '2026-03-29', '2026-10-25', '2026-10-26', '2028-02-28', '2028-02-29', '2026-02-28', '2026-01-31', '2026-04-30'];
    const history = days.flatMap((day) => Array.from({ length: 48 }, (_, half) => ({ dossierId: 'd', at: new Date(Date.parse(`${day}T00:00:00.000Z`) + half * 1_800_000 - 3 * 3_600_000).toISOString(), kind: 'call' as const, outcome: '' as const })));
    history.push({ dossierId: 'd', at: '2026-02-30T10:00:00.000Z', kind: 'call', outcome: '' }, { dossierId: 'd', at: '2026-13-01T10:00:00.000Z', kind: 'call', outcome: '' }, { dossierId: 'd', at: '2026-11-2xT10:00:00.000Z', kind: 'call', outcome: '' });
    const cols = buildPortfolioColumns({ dossiers: [], invoices: [], history });
    expect(Array.from(cols.history.day)).toEqual(history.map((h) => localDayNumber(h.at)));
  });

  it('a clock change in the middle of a UTC hour, before local midnight (Tehran, September 2021: 24:00 back to 23:00 at 19:30 UTC)', () => {
    process.env.TZ = 'Asia/Tehran';
    try {
      const history = ['2021-09-21T18:00:00.000Z', '2021-03-21T19:00:00.000Z'].flatMap((start) => Array.from({ length: 18 }, (_, i) => ({ dossierId: 'd', at: new Date(Date.parse(start) + i * 600_000).toISOString(), kind: 'call' as const, outcome: '' as const })));
      const cols = buildPortfolioColumns({ dossiers: [], invoices: [], history });
      expect(Array.from(cols.history.day)).toEqual(history.map((h) => localDayNumber(h.at)));
      expect(cols.history.day[10]).toBe(dayNumber('2021-09-21')); // 19:40 UTC is 23:10 local, not 00:10 of the 22nd
    } finally {
      process.env.TZ = 'Europe/Bucharest';
    }
  });
});
