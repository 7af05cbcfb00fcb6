import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abcAnalysis, paretoPoints, revenueWindow } from '../../../shared/portfolio/abc';

const TODAY = '2026-12-01';
const d = (id: string, company = id) => ({ id, company });
const inv = (dossierId: string, amount: number, issuedOn = TODAY, currency = 'RUB') => ({ dossierId, amount, issuedOn, currency });
const classesOf = (r: ReturnType<typeof abcAnalysis>) => Object.fromEntries(r.clients.map((c) => [c.dossierId, c.cls]));

describe('ABC by revenue: A while the share before the client is under 80 %, B under 95 %', () => {
  it('the client that crosses 80 % is still A; the one starting at exactly 80 % is B', () => {
    // before b: 70 % -> A although b takes the sum to 90 %; before c: 90 % -> B.
    expect(classesOf(abcAnalysis([d('a'), d('b'), d('c')], [inv('a', 70), inv('b', 20), inv('c', 10)], TODAY, 'RUB'))).toEqual({ a: 'A', b: 'A', c: 'B' });
    // before b: exactly 80 % -> B (not below 80); before c: exactly 95 % -> C (not below 95).
    const r = abcAnalysis([d('a'), d('b'), d('c')], [inv('a', 80), inv('b', 15), inv('c', 5)], TODAY, 'RUB');
    expect(classesOf(r)).toEqual({ a: 'A', b: 'B', c: 'C' });
    expect(r.classes).toEqual({ A: { clients: 1, revenue: 80 }, B: { clients: 1, revenue: 15 }, C: { clients: 1, revenue: 5 } });
  });

  it('one client with all the revenue is A; clients without revenue are C', () => {
    const r = abcAnalysis([d('a'), d('z')], [inv('a', 1)], TODAY, 'RUB');
    expect(classesOf(r)).toEqual({ a: 'A', z: 'C' });
    expect(abcAnalysis([d('a')], [], TODAY, 'RUB').classes.C.clients).toBe(1);
  });

  it('counts invoices issued today and 364 days before, not 365; only in the main currency', () => {
    expect(revenueWindow(TODAY)).toEqual({ from: '2025-12-02', to: TODAY });
    const r = abcAnalysis([d('a')], [inv('a', 1, '2025-12-02'), inv('a', 10, '2025-12-01'), inv('a', 100, '2026-12-02'), inv('a', 1000, TODAY, 'EUR'), inv('a', 5, '')], TODAY, 'RUB');
    expect(r.total).toBe(1);
  });

  it('sums kopecks exactly: 0.70 + 0.10 of 1.00 is 80 %, not 79.99…', () => {
    // In floating point 0.7 + 0.1 = 0.7999999999999999, which would make b an A.
    const r = abcAnalysis([d('a'), d('b')], [inv('a', 0.7), inv('a', 0.1), inv('b', 0.2)], TODAY, 'RUB');
    expect(classesOf(r)).toEqual({ a: 'A', b: 'B' });
  });

  it('orders equal revenue by company name, then id, whatever the input order', () => {
    const ds = [d('2', 'Бета'), d('1', 'Альфа'), d('3', 'Альфа'), d('0', 'Я')];
    const ins = [inv('1', 10), inv('2', 10), inv('3', 10), inv('0', 80)];
    fc.assert(fc.property(fc.shuffledSubarray(ds, { minLength: 4, maxLength: 4 }), fc.shuffledSubarray(ins, { minLength: 4, maxLength: 4 }), (dd, ii) => {
      const r = abcAnalysis(dd, ii, TODAY, 'RUB');
      // Before '3': 90 of 110 (B); had '3' come before '1', '1' would be the B one.
      expect(r.clients.map((c) => c.dossierId)).toEqual(['0', '1', '3', '2']);
      expect(r.clients.map((c) => c.cls)).toEqual(['A', 'A', 'B', 'B']);
    }));
  });

  it('class totals add up to the whole, and A holds at least 80 % of revenue whenever there is any', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 60 }), (amounts) => {
      const ds = amounts.map((_, i) => d(`c${i}`));
      const r = abcAnalysis(ds, amounts.map((a, i) => inv(`c${i}`, a / 100)), TODAY, 'RUB');
      const sum = r.classes.A.revenue + r.classes.B.revenue + r.classes.C.revenue;
      expect(Math.abs(sum - r.total)).toBeLessThan(1e-6);
      expect(r.classes.A.clients + r.classes.B.clients + r.classes.C.clients).toBe(amounts.length);
      if (r.total > 0) expect(r.classes.A.revenue).toBeGreaterThanOrEqual(r.total * 0.8 - 1e-6);
    }));
  });
});

describe('the Pareto chart', () => {
  it('merges clients into at most the asked number of bars and its line ends at 100 %', () => {
    const ds = Array.from({ length: 1000 }, (_, i) => d(`c${i}`));
    const r = abcAnalysis(ds, ds.map((x, i) => inv(x.id, i + 1)), TODAY, 'RUB');
    const pts = paretoPoints(r.clients, 200);
    expect(pts.length).toBeLessThanOrEqual(200);
    expect(pts.at(-1)!.share).toBe(1);
    expect(pts.reduce((s, p) => s + p.revenue, 0)).toBe(r.total);
  });
});
