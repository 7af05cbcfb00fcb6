import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges, applyMergePlan, contentHash, planMerge } from '../../../shared/merge';
import { emptyPortfolio, type Portfolio } from '../../../shared/model/records';
import { readPortfolioWorkbook } from '../../../shared/workbook/read';
import { ID, exportWorkbook, smallPortfolio } from '../workbook/fixtures';
import { portfolioArb, text } from '../workbook/portfolio-arbitrary';

const clone = (p: Portfolio): Portfolio => structuredClone(p);
const T1 = '2026-11-20T12:00:00.000Z';

/** What goes through a workbook: export, then import. */
function viaWorkbook(p: Portfolio): Portfolio {
  const r = readPortfolioWorkbook(exportWorkbook(p));
  if (!r.ok) throw new Error(r.fatal.message);
  return r.portfolio;
}

function importInto(local: Portfolio, incoming: Portfolio, resolutions = {}) {
  const plan = planMerge(local, incoming);
  const result = applyMergePlan(local, plan, resolutions);
  return { plan, result, after: applyChanges(local, result.changes) };
}

describe('merge rules', () => {
  it('content equal -> unchanged; only theirs changed -> update; only mine changed -> keep mine', () => {
    const local = smallPortfolio();
    const incoming = viaWorkbook(local);
    incoming.steps[0]!.date = '2026-12-01'; // they moved the call
    const mine = clone(local);
    mine.dossiers[1]!.notes = 'моя заметка'; // I edited another dossier
    const { plan, after } = importInto(mine, incoming);
    expect(plan.updated.map((u) => u.id)).toEqual([ID(31)]);
    expect(plan.updated[0]!.fields).toEqual([{ field: 'date', mine: '2026-11-25', theirs: '2026-12-01' }]);
    expect(plan.conflicts).toEqual([]);
    expect(plan.unchanged.find((u) => u.id === ID(2))).toMatchObject({ keptMine: true });
    expect(after.steps.find((s) => s.id === ID(31))!.date).toBe('2026-12-01');
    expect(after.dossiers.find((d) => d.id === ID(2))!.notes).toBe('моя заметка');
  });

  it('both changed -> a conflict with field differences; resolved per record or per field, default keeps mine', () => {
    const local = smallPortfolio();
    const incoming = viaWorkbook(local);
    incoming.dossiers[0]!.owner = 'Ольга';
    incoming.dossiers[0]!.territory = 'Казань';
    const mine = clone(local);
    mine.dossiers[0]!.owner = 'Борис';
    const plan = planMerge(mine, incoming);
    expect(plan.conflicts).toHaveLength(1);
    expect(plan.conflicts[0]!.fields).toEqual([
      { field: 'owner', mine: 'Борис', theirs: 'Ольга' },
      { field: 'territory', mine: 'Москва', theirs: 'Казань' },
    ]);
    const keep = applyChanges(mine, applyMergePlan(mine, plan).changes);
    expect(keep.dossiers[0]).toMatchObject({ owner: 'Борис', territory: 'Москва' });
    const theirs = applyChanges(mine, applyMergePlan(mine, plan, { records: { [ID(1)]: 'theirs' } }).changes);
    expect(theirs.dossiers[0]).toMatchObject({ owner: 'Ольга', territory: 'Казань' });
    const mixed = applyChanges(mine, applyMergePlan(mine, plan, { fields: { [ID(1)]: { territory: 'theirs' } } }).changes);
    expect(mixed.dossiers[0]).toMatchObject({ owner: 'Борис', territory: 'Казань' });
    // Importing the same workbook again after resolving: nothing left to decide.
    expect(planMerge(mixed, incoming).conflicts).toEqual([]);
  });

  it('history is append-only: new entries are added, known ones never overwritten', () => {
    const local = smallPortfolio();
    const incoming = viaWorkbook(local);
    incoming.history[0]!.summary = 'переписано';
    incoming.history.push({ ...incoming.history[0]!, id: ID(22), summary: 'новый звонок', syncBase: '' });
    const { plan, after } = importInto(local, incoming);
    expect(plan.created.map((c) => c.id)).toEqual([ID(22)]);
    expect(after.history.find((h) => h.id === ID(21))!.summary).toBe('Договорились созвониться');
    expect(after.history).toHaveLength(2);
  });

  it('records missing from the workbook are listed, never deleted', () => {
    const local = smallPortfolio();
    const incoming = viaWorkbook(local);
    incoming.contacts = incoming.contacts.filter((c) => c.id !== ID(11));
    incoming.steps = [];
    const { plan, after } = importInto(local, incoming);
    expect(plan.missing).toEqual(expect.arrayContaining([{ kind: 'contacts', id: ID(11) }, { kind: 'steps', id: ID(31) }, { kind: 'steps', id: ID(32) }]));
    expect(after.contacts).toHaveLength(2);
    expect(after.steps).toHaveLength(2);
  });

  it('a new dossier that looks like an existing one is offered as a duplicate and can be merged into it', () => {
    const local = smallPortfolio();
    const incoming = emptyPortfolio();
    const m = { createdAt: T1, updatedAt: T1, author: 'Ольга', syncBase: '' };
    incoming.dossiers.push({ ...local.dossiers[0]!, ...m, id: ID(101), company: 'Ромашка ООО', taxId: '' });
    incoming.contacts.push({ ...local.contacts[0]!, ...m, id: ID(111), dossierId: ID(101), phones: ['8 916 1234567'], emails: ['IVAN@romashka.ru'] });
    incoming.steps.push({ ...local.steps[0]!, ...m, id: ID(131), dossierId: ID(101) });
    incoming.dossiers.push({ ...local.dossiers[1]!, ...m, id: ID(102), company: 'Совсем другой', taxId: '7707083893' });
    incoming.dossiers.push({ ...local.dossiers[1]!, ...m, id: ID(103), company: 'Уникальная' });
    const plan = planMerge(local, incoming);
    expect(plan.duplicates).toEqual([
      { incomingId: ID(101), company: 'Ромашка ООО', existingId: ID(1), existingCompany: 'ООО «Ромашка»', reasons: ['company', 'phone', 'email'] },
      { incomingId: ID(102), company: 'Совсем другой', existingId: ID(1), existingCompany: 'ООО «Ромашка»', reasons: ['taxId'] },
    ]);
    const merged = applyChanges(local, applyMergePlan(local, plan, { duplicates: { [ID(101)]: 'merge' } }).changes);
    expect(merged.dossiers.map((d) => d.id).sort()).toEqual([ID(1), ID(102), ID(103), ID(2)].sort());
    expect(merged.contacts.find((c) => c.id === ID(111))!.dossierId).toBe(ID(1));
    expect(merged.steps.find((s) => s.id === ID(131))!.dossierId).toBe(ID(1));
  });

  it('a child of a dossier that exists nowhere is an error and is left out', () => {
    const incoming = emptyPortfolio();
    incoming.steps.push({ ...smallPortfolio().steps[0]!, id: ID(500), dossierId: ID(999) });
    const { plan, result } = importInto(smallPortfolio(), incoming);
    expect(plan.errors.map((e) => e.code)).toEqual(['orphan-record']);
    expect(result.changes.steps).toEqual([]);
  });

  it('holidays are united', () => {
    const incoming = viaWorkbook(smallPortfolio());
    incoming.holidays.push('2027-01-01');
    expect(importInto(smallPortfolio(), incoming).after.holidays).toEqual(['2026-12-31', '2027-01-01']);
  });
});

describe('leave handover A -> B -> A through workbooks', () => {
  it('applies every date B changed and every call B logged; a field both changed is a conflict', () => {
    const a = smallPortfolio();
    // A exports; B (empty binder) imports it.
    const toB = viaWorkbook(a);
    const b0 = importInto(emptyPortfolio(), toB).after;
    expect(b0.dossiers.every((d) => d.syncBase === contentHash(d))).toBe(true);
    // B works: moves a call, logs a call, changes an owner.
    const b = clone(b0);
    b.steps.find((s) => s.id === ID(31))!.date = '2026-11-27';
    b.history.push({ ...b.history[0]!, id: ID(23), at: '2026-11-26T07:00:00.000Z', summary: 'B звонил', author: 'Ольга', syncBase: '' });
    b.dossiers.find((d) => d.id === ID(2))!.owner = 'Ольга';
    b.dossiers.find((d) => d.id === ID(1))!.notes = 'B: клиент просит скидку';
    // Meanwhile A (on leave) touched dossier 1's notes too.
    const aNow = clone(a);
    aNow.dossiers.find((d) => d.id === ID(1))!.notes = 'A: из отпуска';
    // B exports back, A imports.
    const { plan, after } = importInto(aNow, viaWorkbook(b));
    expect(after.steps.find((s) => s.id === ID(31))!.date).toBe('2026-11-27');
    expect(after.history.map((h) => h.summary)).toContain('B звонил');
    expect(after.dossiers.find((d) => d.id === ID(2))!.owner).toBe('Ольга');
    expect(plan.conflicts.map((c) => [c.id, c.fields.map((f) => f.field)])).toEqual([[ID(1), ['notes']]]);
    expect(plan.created.map((c) => c.id)).toEqual([ID(23)]);
  });
});

/** A random edit of a portfolio as the other side would make it. */
const edits = fc.array(fc.tuple(fc.nat(), fc.constantFrom('notes', 'owner', 'title', 'summary', 'name'), text(20)), { maxLength: 6 });

function edited(p: Portfolio, changes: [number, string, string][]): Portfolio {
  const q = clone(p);
  const all = [...q.dossiers, ...q.contacts, ...q.history, ...q.steps] as unknown as Record<string, unknown>[];
  for (const [i, field, value] of changes) {
    const rec = all.length ? all[i % all.length]! : undefined;
    if (rec && field in rec && field !== 'name') rec[field] = value;
    if (rec && field === 'name' && 'name' in rec && value !== '') rec.name = value;
  }
  return q;
}

describe('merge properties', () => {
  it('importing the same workbook twice changes nothing the second time; nothing local is lost', () => {
    fc.assert(
      fc.property(portfolioArb, edits, edits, (base, mineEdits, theirEdits) => {
        const exchanged = viaWorkbook(base);
        const local = edited(importInto(emptyPortfolio(), exchanged).after, mineEdits);
        const incoming = viaWorkbook(edited(exchanged, theirEdits));

        const first = importInto(local, incoming);
        const second = importInto(first.after, incoming);
        for (const kind of ['dossiers', 'contacts', 'history', 'steps', 'invoices'] as const) {
          expect(second.result.changes[kind]).toEqual([]);
          // Nothing local is deleted, history never shrinks and keeps its content.
          const ids = new Set(first.after[kind].map((r) => r.id));
          for (const r of local[kind]) expect(ids.has(r.id)).toBe(true);
        }
        for (const h of local.history) {
          expect(first.after.history.find((x) => x.id === h.id)!.summary).toBe(h.summary);
        }
        expect(second.plan.conflicts).toEqual([]);
        expect(second.plan.updated).toEqual([]);
        expect(second.plan.created).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('when only one side changed, the merge result has that side\'s content, without conflicts', () => {
    fc.assert(
      fc.property(portfolioArb, edits, fc.boolean(), (base, changes, theirSide) => {
        const exchanged = importInto(emptyPortfolio(), viaWorkbook(base)).after;
        const local = theirSide ? exchanged : edited(exchanged, changes);
        const theirs = theirSide ? edited(exchanged, changes) : exchanged;
        const { plan, after } = importInto(local, viaWorkbook(theirs));
        expect(plan.conflicts).toEqual([]);
        const winner = theirSide ? theirs : local;
        for (const kind of ['dossiers', 'contacts', 'steps', 'invoices'] as const) {
          const got = new Map(after[kind].map((r) => [r.id, contentHash(r)]));
          for (const r of winner[kind]) expect(got.get(r.id)).toBe(contentHash(r));
        }
      }),
      { numRuns: 40 },
    );
  });
});
