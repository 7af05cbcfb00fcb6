import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/dates/calendar-day';
import { emptyPortfolio, type Portfolio } from '../../../shared/model/records';
import { buildTeamLines } from '../../../shared/portfolio/team';
import { workloadByOwner } from '../../../shared/portfolio/workload';
import { dossier, invoice, step } from '../data/record-factories';

const TODAY = '2026-12-01';

function binder(parts: Partial<Portfolio>): Portfolio {
  return { ...emptyPortfolio(), ...parts };
}

describe('the team view', () => {
  it("shows a leave's cover from the owner's binder and from the colleague's copy alike: Boris covers Anna until 7 Dec", () => {
    const own = dossier('Альфа', { owner: 'Анна', coveredBy: 'Борис', coveredFrom: '2026-11-25', coveredUntil: '2026-12-07' });
    const copy = { ...dossier('Бета', { owner: 'Анна' }), coveredFor: 'Анна', coveredBy: 'Борис', coveredFrom: '2026-11-25', coveredUntil: '2026-12-07' };
    const boris = dossier('Гамма', { owner: 'Борис' });
    const lines = buildTeamLines(
      [
        { file: 'anna.xlsx', portfolio: binder({ dossiers: [own], steps: [step(own.id, { date: TODAY })] }) },
        { file: 'boris.xlsx', portfolio: binder({ dossiers: [copy, boris], steps: [step(copy.id, { date: TODAY }), step(boris.id, { date: TODAY })] }) },
      ],
      TODAY, 'RUB',
    );
    const by = new Map(lines.map((l) => [l.owner, l]));
    expect(by.get('Борис')!.covers).toEqual([{ who: 'Анна', until: '2026-12-07' }]);
    expect(by.get('Анна')!.coveredBy).toEqual([{ who: 'Борис', until: '2026-12-07' }]);
    expect(by.get('Анна')!.covers).toEqual([]);
  });

  it("counts a manager's receivables as what is open: a part payment lowers them, a paid invoice drops out", () => {
    const d = dossier('Дельта', { owner: 'Анна' });
    const part = { ...invoice(d.id, '2026-12-10'), amount: 1000 };
    const full = { ...invoice(d.id, '2026-12-11'), amount: 500, paidOn: '2026-11-30' };
    const payment = { id: 'p1', dossierId: d.id, invoiceId: part.id, amount: 300, paidOn: '2026-11-28', createdAt: '', updatedAt: '', author: '', syncBase: '' };
    const [line] = buildTeamLines([{ file: 'a.xlsx', portfolio: binder({ dossiers: [d], steps: [step(d.id, { date: TODAY })], invoices: [part, full], payments: [payment] }) }], TODAY, 'RUB');
    expect(line!.receivables).toBe(700);
  });

  it("counts each manager's days and overdue as the binders do, whatever the binders hold", () => {
    const owners = ['Анна', 'Борис', 'Вера'];
    const one = fc.record({ owner: fc.constantFrom(...owners), offset: fc.integer({ min: -5, max: 20 }), archived: fc.boolean() });
    fc.assert(
      fc.property(fc.array(fc.array(one, { maxLength: 12 }), { minLength: 1, maxLength: 3 }), (books) => {
        const loaded = books.map((rows, i) => {
          const dossiers = rows.map((r) => dossier(`К${i}`, { owner: r.owner, status: r.archived ? 'archived' : 'active' }));
          const steps = rows.map((r, j) => step(dossiers[j]!.id, { date: addDays(TODAY, r.offset) }));
          return { file: `${i}.xlsx`, portfolio: binder({ dossiers, steps }) };
        });
        const lines = new Map(buildTeamLines(loaded, TODAY, 'RUB').map((l) => [l.owner, l]));
        const expected = new Map<string, { overdue: number; days: number[] }>();
        for (const { portfolio } of loaded) {
          for (const [owner, w] of Object.entries(workloadByOwner(portfolio.dossiers, portfolio.steps, TODAY, 14))) {
            const e = expected.get(owner) ?? { overdue: 0, days: Array.from({ length: 14 }, () => 0) };
            e.overdue += w.overdue;
            for (let d = 0; d < 14; d++) e.days[d]! += (w as Record<string, number>)[addDays(TODAY, d)] ?? 0;
            expected.set(owner, e);
          }
        }
        for (const [owner, e] of expected) expect({ overdue: lines.get(owner)?.overdue ?? 0, days: lines.get(owner)?.days ?? e.days.map(() => 0) }).toEqual(e);
      }),
    );
  });
});
