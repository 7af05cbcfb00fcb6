import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges, applyMergePlan, contentHash, planMerge, type MergeResolutions } from '../../../shared/merge';
import { earliestOpenStep, fileKeyOf } from '../../../shared/model/filing';
import { emptyPortfolio, type Portfolio, type Step } from '../../../shared/model/records';
import { mergeCommand } from '../../../shared/cli/commands';
import { readPortfolioWorkbook } from '../../../shared/workbook/read';
import { ID, exportWorkbook } from '../workbook/fixtures';

/**
 * The dossier's next date through a handover: both sides work the same base copy the way
 * the app does (log a call and refile, move a step, add a step, archive, edit the card),
 * one side's copy comes back through a workbook, and the merge must leave every dossier
 * filed once.
 */

const clone = (p: Portfolio): Portfolio => structuredClone(p);
const T0 = '2026-11-01T09:00:00.000Z';

/** One side's binder and the operations the app performs on it. */
class Side {
  private n = 0;
  /** New step id -> the step (or 'dossier:<id>' for a reactivation) it took over from. */
  readonly replaces = new Map<string, string>();
  constructor(
    readonly p: Portfolio,
    readonly author: string,
    private readonly idBase: number,
    private readonly minute: number,
  ) {}

  private meta() {
    this.n++;
    const at = `2026-12-01T09:${String(this.minute).padStart(2, '0')}:${String(this.n % 60).padStart(2, '0')}.${String(this.n).padStart(3, '0')}Z`;
    return { id: ID(this.idBase + this.n), createdAt: at, updatedAt: at, author: this.author, syncBase: '' };
  }

  private open(dossierId: string): Step[] {
    return this.p.steps.filter((s) => s.dossierId === dossierId && !s.done);
  }

  private close(s: Step, at: string): void {
    Object.assign(s, { done: true, doneAt: at, updatedAt: at, author: this.author });
  }

  private log(dossierId: string, summary: string): string {
    const m = this.meta();
    this.p.history.push({ ...m, dossierId, at: m.createdAt, kind: 'call', outcome: 'reached', summary: `${this.author}: ${summary}` });
    return m.createdAt;
  }

  newStep(dossierId: string, date: string): Step {
    const step: Step = { ...this.meta(), dossierId, kind: 'call', title: '', date, month: '', time: '', durationMin: 0, remindMin: -1, done: false, doneAt: '' };
    this.p.steps.push(step);
    return step;
  }

  /** Log & refile: the earliest open step is done, the dossier goes under `date` (back from the archive if it was there). */
  refile(dossierId: string, date: string): Step {
    const at = this.log(dossierId, `refiled to ${date}`);
    const current = earliestOpenStep(this.open(dossierId));
    if (current) this.close(current, at);
    const d = this.p.dossiers.find((x) => x.id === dossierId)!;
    if (d.status === 'archived') d.status = 'active';
    const next = this.newStep(dossierId, date);
    this.replaces.set(next.id, current ? current.id : `dossier:${dossierId}`);
    return next;
  }

  move(dossierId: string, date: string): void {
    const current = earliestOpenStep(this.open(dossierId));
    if (current) current.date = date;
  }

  archive(dossierId: string): void {
    const at = this.log(dossierId, 'archived');
    for (const s of this.open(dossierId)) this.close(s, at);
    this.p.dossiers.find((x) => x.id === dossierId)!.status = 'archived';
  }

  edit(dossierId: string, territory: string): void {
    this.p.dossiers.find((x) => x.id === dossierId)!.territory = territory;
  }
}

/** A base binder of `n` dossiers: each active one filed under one open call, an archived one with its step closed. */
function baseBinder(n: number, archived: ReadonlySet<number> = new Set()): Portfolio {
  const p = emptyPortfolio();
  for (let i = 0; i < n; i++) {
    const meta = (k: number) => ({ id: ID(k), createdAt: T0, updatedAt: T0, author: 'Анна', syncBase: '' });
    const status = archived.has(i) ? ('archived' as const) : ('active' as const);
    p.dossiers.push({
      ...meta(1 + i), company: i === 0 ? 'ПАО «ВостокАгро»' : `Клиент ${i}`, taxId: '', industry: '', segment: '', territory: 'Москва', vip: false,
      owner: 'Анна', tags: [], customFields: {}, notes: '', status, coveredFor: '', coveredUntil: '',
    });
    p.steps.push({
      ...meta(100 + i), dossierId: ID(1 + i), kind: 'call', title: '', date: '2026-12-01', month: '', time: '', durationMin: 0, remindMin: -1,
      done: status === 'archived', doneAt: status === 'archived' ? T0 : '',
    });
    p.history.push({ ...meta(200 + i), dossierId: ID(1 + i), at: T0, kind: 'call', outcome: 'reached', summary: 'first call' });
  }
  return p;
}

function viaWorkbook(p: Portfolio): Portfolio {
  const r = readPortfolioWorkbook(exportWorkbook(p));
  if (!r.ok) throw new Error(r.fatal.message);
  return r.portfolio;
}

/** What a colleague's binder holds after importing the base: every record stamped with its content. */
function importedCopy(p: Portfolio): Portfolio {
  return applyChanges(emptyPortfolio(), applyMergePlan(emptyPortfolio(), planMerge(emptyPortfolio(), p)).changes);
}

/** The colleague's export without the workbook round trip (the syncBase column as write.ts fills it). */
function exported(p: Portfolio): Portfolio {
  const q = clone(p);
  for (const kind of ['dossiers', 'contacts', 'history', 'steps', 'invoices'] as const) {
    for (const r of q[kind]) if (!r.syncBase) r.syncBase = contentHash(r);
  }
  return q;
}

function importInto(local: Portfolio, incoming: Portfolio, resolutions: MergeResolutions = {}) {
  const plan = planMerge(local, incoming);
  const result = applyMergePlan(local, plan, resolutions);
  return { plan, result, after: applyChanges(local, result.changes) };
}

const openSteps = (p: Portfolio, dossierId: string) => p.steps.filter((s) => s.dossierId === dossierId && !s.done);
const openDates = (p: Portfolio, dossierId: string) => openSteps(p, dossierId).map((s) => s.date).sort();

function handover(base: Portfolio) {
  const anna = new Side(clone(base), 'Anna', 1000, 2);
  const boris = new Side(importedCopy(base), 'Boris', 2000, 3);
  return { anna, boris };
}

describe('next-date conflicts', () => {
  it('two refiles of one dossier: one conflict about its next date, one filing kept, both calls logged', () => {
    const base = baseBinder(1);
    const { anna, boris } = handover(base);
    anna.refile(ID(1), '2026-12-04');
    boris.refile(ID(1), '2026-12-10');
    const incoming = viaWorkbook(exported(boris.p));

    const { plan, after } = importInto(anna.p, incoming);
    // Not "Done at 09:03 vs 09:02": the step both closed is part of the one decision.
    expect(plan.conflicts).toEqual([]);
    expect(plan.filing).toHaveLength(1);
    expect(plan.filing[0]).toMatchObject({
      dossierId: ID(1), company: 'ПАО «ВостокАгро»',
      mine: { status: 'active', next: { date: '2026-12-04' }, by: 'Anna' },
      theirs: { status: 'active', next: { date: '2026-12-10' }, by: 'Boris' },
    });
    expect(plan.created.filter((e) => e.kind === 'steps')).toEqual([]);
    expect(openDates(after, ID(1))).toEqual(['2026-12-04']);
    expect(after.history.map((h) => h.summary).sort()).toEqual(['Anna: refiled to 2026-12-04', 'Boris: refiled to 2026-12-10', 'first call']);

    const theirs = importInto(anna.p, incoming, { filing: { [ID(1)]: 'theirs' } }).after;
    expect(openDates(theirs, ID(1))).toEqual(['2026-12-10']);
    expect(theirs.history).toHaveLength(3);

    // The same workbook again: decided, nothing comes back.
    for (const done of [after, theirs]) {
      const again = importInto(done, incoming);
      expect(again.plan.filing).toEqual([]);
      expect(again.plan.conflicts).toEqual([]);
      expect(again.plan.created).toEqual([]);
      expect(again.result.changes.steps).toEqual([]);
    }
  });

  it('one side moves the step while the other completes it and refiles: one conflict', () => {
    const { anna, boris } = handover(baseBinder(1));
    anna.move(ID(1), '2026-11-28');
    boris.refile(ID(1), '2026-12-10');
    const { plan, after } = importInto(anna.p, exported(boris.p));
    expect(plan.filing.map((c) => [c.mine.next?.date, c.theirs.next?.date])).toEqual([['2026-11-28', '2026-12-10']]);
    expect(plan.conflicts).toEqual([]);
    expect(openDates(after, ID(1))).toEqual(['2026-11-28']);
    const theirs = importInto(anna.p, exported(boris.p), { filing: { [ID(1)]: 'theirs' } }).after;
    expect(openDates(theirs, ID(1))).toEqual(['2026-12-10']);
  });

  it('one side archives while the other refiles: one conflict, never archived with an open step nor active without one', () => {
    for (const archiver of ['anna', 'boris'] as const) {
      const { anna, boris } = handover(baseBinder(1));
      (archiver === 'anna' ? anna : boris).archive(ID(1));
      (archiver === 'anna' ? boris : anna).refile(ID(1), '2026-12-10');
      for (const side of ['mine', 'theirs'] as const) {
        const { plan, after } = importInto(anna.p, exported(boris.p), { filing: { [ID(1)]: side } });
        expect(plan.filing).toHaveLength(1);
        expect(plan.filing[0]!.status).toMatchObject({ mine: archiver === 'anna' ? 'archived' : 'active', theirs: archiver === 'anna' ? 'active' : 'archived' });
        const d = after.dossiers[0]!;
        const keptArchive = (side === 'mine') === (archiver === 'anna');
        expect(d.status).toBe(keptArchive ? 'archived' : 'active');
        expect(openDates(after, ID(1))).toEqual(keptArchive ? [] : ['2026-12-10']);
        expect(after.history).toHaveLength(3);
      }
    }
  });

  it('both bring an archived dossier back under different dates: one conflict', () => {
    const { anna, boris } = handover(baseBinder(1, new Set([0])));
    anna.refile(ID(1), '2026-12-04');
    boris.refile(ID(1), '2026-12-10');
    const { plan, after } = importInto(anna.p, exported(boris.p));
    expect(plan.filing).toHaveLength(1);
    expect(openDates(after, ID(1))).toEqual(['2026-12-04']);
  });

  it('compatible plans are not a conflict: one refiles, the other adds a meeting or edits the card', () => {
    const { anna, boris } = handover(baseBinder(1));
    anna.newStep(ID(1), '2026-12-15');
    anna.edit(ID(1), 'Казань');
    boris.refile(ID(1), '2026-12-10');
    const { plan, after } = importInto(anna.p, exported(boris.p));
    expect(plan.filing).toEqual([]);
    expect(openDates(after, ID(1))).toEqual(['2026-12-10', '2026-12-15']);
    expect(after.dossiers[0]!.territory).toBe('Казань');
  });

  it('the CLI merge keeps the base filing and names the conflict', () => {
    const { anna, boris } = handover(baseBinder(1));
    anna.refile(ID(1), '2026-12-04');
    boris.refile(ID(1), '2026-12-10');
    const r = mergeCommand(exportWorkbook(anna.p), exportWorkbook(exported(boris.p)), { base: 'anna.xlsx', incoming: 'boris.xlsx' });
    expect(r.exitCode).toBe(0);
    expect(r.lines.join('\n')).toContain('conflict (kept base): next date ПАО «ВостокАгро»: base 2026-12-04, incoming 2026-12-10');
    expect(JSON.parse(r.lines.at(-1)!)).toMatchObject({ conflicts: 1 });
    const merged = readPortfolioWorkbook(r.output!);
    if (!merged.ok) throw new Error(merged.fatal.message);
    expect(openDates(merged.portfolio, ID(1))).toEqual(['2026-12-04']);
    expect(merged.portfolio.history).toHaveLength(3);
  });
});

type Op =
  | { op: 'refile'; d: number; day: number }
  | { op: 'move'; d: number; day: number }
  | { op: 'add'; d: number; day: number }
  | { op: 'archive'; d: number }
  | { op: 'edit'; d: number; territory: string };

const DOSSIERS = 3;
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('refile' as const), d: fc.nat(DOSSIERS - 1), day: fc.integer({ min: 2, max: 28 }) }),
  fc.record({ op: fc.constant('move' as const), d: fc.nat(DOSSIERS - 1), day: fc.integer({ min: 2, max: 28 }) }),
  fc.record({ op: fc.constant('add' as const), d: fc.nat(DOSSIERS - 1), day: fc.integer({ min: 2, max: 28 }) }),
  fc.record({ op: fc.constant('archive' as const), d: fc.nat(DOSSIERS - 1) }),
  fc.record({ op: fc.constant('edit' as const), d: fc.nat(DOSSIERS - 1), territory: fc.constantFrom('Казань', 'Тверь') }),
);

function run(side: Side, ops: Op[]): void {
  for (const o of ops) {
    const id = ID(1 + o.d);
    const day = 'day' in o ? `2026-12-${String(o.day).padStart(2, '0')}` : '';
    const status = side.p.dossiers.find((x) => x.id === id)!.status;
    if (o.op === 'refile') side.refile(id, day);
    else if (o.op === 'archive' && status === 'active') side.archive(id);
    else if (o.op === 'edit') side.edit(id, o.territory);
    // Moving or adding a step happens on a filed dossier only (the app offers neither on an archived one).
    else if (o.op === 'move' && status === 'active') side.move(id, day);
    else if (o.op === 'add' && status === 'active') side.newStep(id, day);
  }
}

describe('next-date property', () => {
  it('after any merge of two edited copies of a base, every active dossier is filed once and no logged call is lost', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: DOSSIERS, maxLength: DOSSIERS }),
        fc.array(opArb, { maxLength: 6 }),
        fc.array(opArb, { maxLength: 6 }),
        fc.array(fc.constantFrom('mine' as const, 'theirs' as const), { minLength: DOSSIERS, maxLength: DOSSIERS }),
        (archivedFlags, mineOps, theirOps, sides) => {
          const base = baseBinder(DOSSIERS, new Set(archivedFlags.flatMap((a, i) => (a ? [i] : []))));
          const { anna, boris } = handover(base);
          run(anna, mineOps);
          run(boris, theirOps);
          const incoming = exported(boris.p);
          const filing = Object.fromEntries(sides.map((s, i) => [ID(1 + i), s]));
          const { plan, after } = importInto(anna.p, incoming, { filing });

          const logged = new Set(after.history.map((h) => h.id));
          for (const h of [...anna.p.history, ...boris.p.history]) expect(logged.has(h.id)).toBe(true);

          const decided = new Map(plan.filing.map((c) => [c.dossierId, filing[c.dossierId]!]));
          for (const d of after.dossiers) {
            const open = openSteps(after, d.id);
            if (d.status === 'archived') {
              expect(open).toEqual([]);
              continue;
            }
            // Filed: under one folder, its earliest open step.
            expect(fileKeyOf(open)).toBeDefined();
            // Never filed twice: no step and its replacement both open, no two replacements of one step open.
            const from = new Map([...anna.replaces, ...boris.replaces]);
            const openIds = new Set(open.map((s) => s.id));
            const claims = open.flatMap((s) => (from.has(s.id) ? [from.get(s.id)!] : []));
            expect(new Set(claims).size).toBe(claims.length);
            for (const c of claims) expect(openIds.has(c)).toBe(false);
            // A decided dossier is filed exactly as the chosen side filed it.
            const side = decided.get(d.id);
            if (side) {
              const chosen = side === 'mine' ? anna.p : boris.p;
              expect(open.map((s) => s.id).sort()).toEqual(openSteps(chosen, d.id).map((s) => s.id).sort());
            }
          }
          // The same workbook again decides nothing new.
          const again = planMerge(after, incoming);
          expect(again.filing).toEqual([]);
          expect(again.conflicts).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
