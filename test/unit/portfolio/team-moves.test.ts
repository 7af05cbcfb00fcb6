import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/dates/calendar-day';
import { generateDemoPortfolio } from '../../../shared/demo/generate-demo-portfolio';
import type { Portfolio } from '../../../shared/model/records';
import { buildTeamLines, type LoadedWorkbook, type ManagerLine } from '../../../shared/portfolio/team';
import { applyReassignments, inWindow, markHome, prepareHandover, prepareReassignments, splitAmong, teamDossiers } from '../../../shared/portfolio/team-prepare';
import { readPortfolioWorkbook, writePortfolioWorkbook } from '../../../shared/workbook';

/**
 * What the team view shows after the lead prepares a move must be what the team's binders
 * show once the prepared workbooks are imported: the view is the lead's forecast of them.
 */
const TODAY = '2026-11-24';
const META = { appVersion: '0.1.0', exportedBy: 'Lead', scope: 'reassign', language: 'en' as const };

function readBack(p: Portfolio): Portfolio {
  const r = readPortfolioWorkbook(writePortfolioWorkbook(p, META));
  if (!r.ok) throw new Error(r.fatal.message);
  return r.portfolio;
}

function team(seed: number): LoadedWorkbook[] {
  return [
    { file: 'anna.xlsx', portfolio: generateDemoPortfolio({ dossiers: 24, seed, today: TODAY, owner: 'Anna' }) },
    { file: 'boris.xlsx', portfolio: generateDemoPortfolio({ dossiers: 12, seed: seed + 1, today: TODAY, owner: 'Boris' }) },
    { file: 'vera.xlsx', portfolio: generateDemoPortfolio({ dossiers: 10, seed: seed + 2, today: TODAY, owner: 'Vera' }) },
  ];
}

/** An import as the receiving binder does it: the incoming dossiers and all their records replace any copy here (of `ids`: the giver's binder drops them). */
function imported(here: Portfolio, incoming: Portfolio, ids: ReadonlySet<string> = new Set(incoming.dossiers.map((d) => d.id))): Portfolio {
  const keep = <T extends { dossierId: string }>(xs: T[], add: T[]) => [...xs.filter((x) => !ids.has(x.dossierId)), ...add];
  return {
    ...here,
    dossiers: [...here.dossiers.filter((d) => !ids.has(d.id)), ...incoming.dossiers],
    contacts: keep(here.contacts, incoming.contacts),
    history: keep(here.history, incoming.history),
    steps: keep(here.steps, incoming.steps),
    invoices: keep(here.invoices, incoming.invoices),
    payments: keep(here.payments, incoming.payments),
  };
}

const counts = (lines: ManagerLine[]) => Object.fromEntries(lines.map((l) => [l.owner, { overdue: l.overdue, days: l.days, receivables: l.receivables }]));
/** Each manager's list, window "next 14 days", holds what their line counts (overdue and the days). */
function listAgrees(loaded: LoadedWorkbook[]) {
  for (const l of buildTeamLines(loaded, TODAY, 'RUB')) {
    const listed = teamDossiers(loaded, l.owner, TODAY).filter((d) => inWindow(d, 'next', TODAY, 14));
    expect(listed.length, l.owner).toBe(windowLoad(l));
  }
}
const windowLoad = (l: ManagerLine | undefined) => (l ? l.overdue + l.days.reduce((a, b) => a + b, 0) : 0);

describe('a bulk reassignment to several managers', () => {
  const loaded = team(31);
  const anna = teamDossiers(loaded, 'Anna', TODAY);
  const plan = splitAmong(anna, ['Boris', 'Vera'], () => 0);
  const moves = prepareReassignments(loaded, plan, TODAY);

  it('writes one workbook per receiver holding only that receiver\'s dossiers, with everything the import needs', () => {
    expect(moves.map((m) => m.to)).toEqual(['Boris', 'Vera']);
    expect(moves.reduce((n, m) => n + m.portfolio.dossiers.length, 0)).toBe(anna.length);
    const source = loaded[0]!.portfolio;
    for (const m of moves) {
      const back = readBack(m.portfolio);
      const ids = new Set(plan.get(m.to)!.map((r) => r.id));
      expect(new Set(back.dossiers.map((d) => d.id))).toEqual(ids);
      expect(back.dossiers.every((d) => d.owner === m.to && d.ownerHistory?.at(-1) === `${TODAY} Anna`)).toBe(true);
      // Steps, contacts, history, invoices and payments of exactly those dossiers travel with them.
      for (const part of ['steps', 'contacts', 'history', 'invoices', 'payments'] as const) {
        const want = (source[part] as { id: string; dossierId: string }[]).filter((x) => ids.has(x.dossierId)).map((x) => x.id).sort();
        expect((back[part] as { id: string }[]).map((x) => x.id).sort(), part).toEqual(want);
      }
      expect(back.holidays).toEqual(source.holidays);
    }
  });

  it('splits by load: the receiver with less work gets more dossiers', () => {
    const refs = Array.from({ length: 6 }, (_, i) => ({ file: 'a', id: String(i) }));
    const split = splitAmong(refs, ['Boris', 'Vera'], (r) => (r === 'Boris' ? 4 : 0));
    expect(split.get('Vera')!.map((r) => r.id)).toEqual(['0', '1', '2', '3', '5']);
    expect(split.get('Boris')!.map((r) => r.id)).toEqual(['4']);
    expect(splitAmong(refs, [], () => 0).size).toBe(0);
  });

  it('moves the load in the view at once: the giver is left with none of it, each receiver gains theirs', () => {
    const before = new Map(buildTeamLines(loaded, TODAY, 'RUB').map((l) => [l.owner, l]));
    const after = new Map(buildTeamLines(applyReassignments(loaded, moves), TODAY, 'RUB').map((l) => [l.owner, l]));
    expect(windowLoad(after.get('Anna'))).toBe(0);
    expect(windowLoad(after.get('Boris')) + windowLoad(after.get('Vera'))).toBe(windowLoad(before.get('Anna')) + windowLoad(before.get('Boris')) + windowLoad(before.get('Vera')));
    expect(teamDossiers(applyReassignments(loaded, moves), 'Vera', TODAY).filter((d) => d.file === 'anna.xlsx').length).toBe(plan.get('Vera')!.length);
  });
});

describe("the team view's counts after a prepared move equal the binders the prepared workbooks produce", () => {
  it('for any bulk reassignment: the giver\'s binder without the dossiers, each receiver\'s with its workbook imported', () => {
    const loaded = team(7);
    const anna = teamDossiers(loaded, 'Anna', TODAY);
    fc.assert(
      fc.property(fc.subarray(anna, { minLength: 1 }), fc.subarray(['Boris', 'Vera', 'Gleb'], { minLength: 1 }), fc.nat(6), (chosen, receivers, bias) => {
        const moves = prepareReassignments(loaded, splitAmong(chosen, receivers, (r) => (r === 'Boris' ? bias : 0)), TODAY);
        const view = buildTeamLines(applyReassignments(loaded, moves), TODAY, 'RUB');
        const gone = new Set(chosen.map((d) => d.id));
        const giver = loaded[0]!.portfolio;
        const binders: LoadedWorkbook[] = [
          { file: 'anna', portfolio: imported(giver, { ...giver, dossiers: [], contacts: [], history: [], steps: [], invoices: [], payments: [] }, gone) },
          ...loaded.slice(1).map((l) => ({ file: l.file, portfolio: l.portfolio })),
        ];
        for (const m of moves) {
          const mine = binders.find((b) => b.portfolio.dossiers.some((d) => d.owner === m.to));
          const back = readBack(m.portfolio);
          if (mine) mine.portfolio = imported(mine.portfolio, back);
          else binders.push({ file: m.to, portfolio: back });
        }
        expect(counts(view)).toEqual(counts(buildTeamLines(binders, TODAY, 'RUB')));
        listAgrees(applyReassignments(loaded, moves));
      }),
      { numRuns: 25 },
    );
  });

  it("for a handover: the colleague's days of the leave carry the dossiers, the owner's are freed, as in the two binders", () => {
    const loaded = team(3);
    const anna = teamDossiers(loaded, 'Anna', TODAY);
    fc.assert(
      fc.property(fc.subarray(anna, { minLength: 1 }), fc.integer({ min: -3, max: 5 }), fc.integer({ min: 0, max: 16 }), (chosen, start, length) => {
        const leave = { from: addDays(TODAY, start), until: addDays(TODAY, start + length) };
        const { portfolio, home } = prepareHandover(loaded, chosen, 'Boris', leave);
        const view = markHome(loaded, chosen, home);
        const lines = new Map(buildTeamLines(view, TODAY, 'RUB').map((l) => [l.owner, l]));
        // The binders: Anna's marked by her handover, Boris's with the copy imported.
        const binders = [view[0]!, { file: 'boris', portfolio: imported(loaded[1]!.portfolio, readBack(portfolio)) }, loaded[2]!];
        expect(counts([...lines.values()])).toEqual(counts(buildTeamLines(binders, TODAY, 'RUB')));
        listAgrees(view);
        // A dossier filed on a day of the leave is Boris's work that day, not Anna's.
        for (const d of chosen) {
          const day = d.fileKey < TODAY ? TODAY : d.fileKey;
          const i = Math.round((Date.parse(d.fileKey) - Date.parse(TODAY)) / 86_400_000);
          if (i >= 14 || !/^\d{4}-\d{2}-\d{2}$/.test(d.fileKey)) continue;
          const covered = leave.from <= day && day <= leave.until;
          if (covered) expect(i < 0 ? lines.get('Boris')!.overdue : lines.get('Boris')!.days[i]).toBeGreaterThan(0);
        }
        const before = new Map(buildTeamLines(loaded, TODAY, 'RUB').map((l) => [l.owner, l]));
        expect(windowLoad(lines.get('Anna')) + windowLoad(lines.get('Boris'))).toBe(windowLoad(before.get('Anna')) + windowLoad(before.get('Boris')));
      }),
      { numRuns: 25 },
    );
  });

  it('counts a dossier held in two loaded workbooks once', () => {
    const [anna, boris] = team(5);
    const d = anna!.portfolio.dossiers[0]!;
    const copy = { ...boris!, portfolio: imported(boris!.portfolio, { ...anna!.portfolio, dossiers: [d] , steps: anna!.portfolio.steps.filter((s) => s.dossierId === d.id), invoices: [], payments: [], contacts: [], history: [] }) };
    expect(counts(buildTeamLines([anna!, copy], TODAY, 'RUB'))).toEqual(counts(buildTeamLines([anna!, boris!], TODAY, 'RUB')));
  });
});

describe('a very large loaded workbook', () => {
  it('is counted whole: 300,000 steps are no trouble for the copy-once pass', () => {
    const [anna] = team(9);
    const d = anna!.portfolio.dossiers[0]!;
    const s = anna!.portfolio.steps.find((x) => x.dossierId === d.id && !x.done)!;
    const steps = Array.from({ length: 300_000 }, (_, i) => ({ ...s, id: `s${i}`, date: addDays(TODAY, 40) }));
    const big = { file: 'big.xlsx', portfolio: { ...anna!.portfolio, steps: [...anna!.portfolio.steps, ...steps] } };
    // Twice, so the second copy takes the filtering path too.
    expect(counts(buildTeamLines([big, big], TODAY, 'RUB'))).toEqual(counts(buildTeamLines([anna!], TODAY, 'RUB')));
  });
});
