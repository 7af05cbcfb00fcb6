import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/dates/calendar-day';
import { generateDemoPortfolio } from '../../../shared/demo/generate-demo-portfolio';
import { emptyPortfolio, type Portfolio } from '../../../shared/model/records';
import { parseOwnerHistoryEntry } from '../../../shared/portfolio/handover';
import type { LoadedWorkbook } from '../../../shared/portfolio/team';
import { inWindow, markHome, prepareHandover, prepareReassignment, recentRotationOf, teamDossiers, type DossierRef } from '../../../shared/portfolio/team-prepare';
import { readPortfolioWorkbook, writePortfolioWorkbook } from '../../../shared/workbook';
import { dossier, step } from '../data/record-factories';

const TODAY = '2026-11-24';
const META = { appVersion: '0.1.0', exportedBy: 'Lead', scope: 'handover', language: 'en' as const };

function team(): LoadedWorkbook[] {
  return [
    { file: 'anna.xlsx', portfolio: generateDemoPortfolio({ dossiers: 30, seed: 1, today: TODAY, owner: 'Anna' }) },
    { file: 'boris.xlsx', portfolio: generateDemoPortfolio({ dossiers: 20, seed: 2, today: TODAY, owner: 'Boris' }) },
  ];
}

function readBack(p: Portfolio): Portfolio {
  const r = readPortfolioWorkbook(writePortfolioWorkbook(p, META));
  if (!r.ok) throw new Error(r.fatal.message);
  return r.portfolio;
}

const LOADED = team();
const ANNA = teamDossiers(LOADED, 'Anna', TODAY);

describe("the team lead's prepared handover and reassignment", () => {
  it("lists a manager's dossiers in filing order and by window: today, overdue, the next 14 days", () => {
    expect(ANNA.length).toBeGreaterThan(0);
    expect(ANNA.every((d) => d.owner === 'Anna' && d.file === 'anna.xlsx')).toBe(true);
    for (let i = 1; i < ANNA.length; i++) expect(ANNA[i - 1]!.fileKey <= ANNA[i]!.fileKey).toBe(true);
    expect(inWindow({ fileKey: TODAY }, 'today', TODAY, 14)).toBe(true);
    expect(inWindow({ fileKey: '2026-11-23' }, 'overdue', TODAY, 14)).toBe(true);
    expect(inWindow({ fileKey: '2026-11-23' }, 'today', TODAY, 14)).toBe(false);
    expect(inWindow({ fileKey: '2026-12-07' }, 'next', TODAY, 14)).toBe(true);
    expect(inWindow({ fileKey: '2026-12-08' }, 'next', TODAY, 14)).toBe(false);
    expect(inWindow({ fileKey: '2026-12' }, 'next', TODAY, 14)).toBe(false);
    expect(inWindow({ fileKey: '2026-12' }, 'all', TODAY, 14)).toBe(true);
  });

  it('the handover workbook read back holds exactly the chosen dossiers, each covered for its owner by the colleague over the leave', () => {
    fc.assert(
      fc.property(fc.subarray(ANNA, { minLength: 1 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 30 }), (chosen, startIn, length) => {
        const from = addDays(TODAY, startIn);
        const until = addDays(from, length);
        const refs: DossierRef[] = chosen.map((d) => ({ file: d.file, id: d.id }));
        const { portfolio, home } = prepareHandover(LOADED, refs, 'Boris', { from, until });
        const back = readBack(portfolio);
        expect(back.dossiers.map((d) => d.id).sort()).toEqual(chosen.map((d) => d.id).sort());
        for (const d of back.dossiers) {
          expect({ owner: d.owner, coveredFor: d.coveredFor, coveredBy: d.coveredBy, coveredFrom: d.coveredFrom, coveredUntil: d.coveredUntil }).toEqual({ owner: 'Anna', coveredFor: 'Anna', coveredBy: 'Boris', coveredFrom: from, coveredUntil: until });
        }
        // Every record of the chosen dossiers travels, and nothing of the others.
        const ids = new Set(chosen.map((d) => d.id));
        const source = LOADED[0]!.portfolio;
        expect(back.steps.length).toBe(source.steps.filter((s) => ids.has(s.dossierId)).length);
        expect(back.history.length).toBe(source.history.filter((h) => ids.has(h.dossierId)).length);
        expect(back.contacts.length).toBe(source.contacts.filter((c) => ids.has(c.dossierId)).length);
        expect([...home.values()].every((h) => h.coveredFor === '' && h.coveredBy === 'Boris' && h.coveredUntil === until)).toBe(true);
      }),
      { numRuns: 15 },
    );
  });

  it("marks the owner's loaded workbook, not the colleague's, so the team table shows who covers", () => {
    const refs = ANNA.slice(0, 2).map((d) => ({ file: d.file, id: d.id }));
    const { home } = prepareHandover(LOADED, refs, 'Boris', { from: TODAY, until: '2026-12-05' });
    const after = markHome(LOADED, refs, home);
    const marked = after[0]!.portfolio.dossiers.filter((d) => d.coveredBy === 'Boris');
    expect(marked.map((d) => d.id).sort()).toEqual(refs.map((r) => r.id).sort());
    expect(after[1]).toBe(LOADED[1]);
  });

  it('the reassignment workbook read back gives the chosen dossiers to the new owner and keeps the earlier owner in the history', () => {
    fc.assert(
      fc.property(fc.subarray(ANNA, { minLength: 1 }), (chosen) => {
        const p = prepareReassignment(LOADED, chosen.map((d) => ({ file: d.file, id: d.id })), 'Boris', TODAY);
        const back = readBack(p);
        expect(back.dossiers.map((d) => d.id).sort()).toEqual(chosen.map((d) => d.id).sort());
        for (const d of back.dossiers) {
          expect(d.owner).toBe('Boris');
          expect(d.ownerHistory?.map(parseOwnerHistoryEntry).at(-1)).toEqual({ day: TODAY, owner: 'Anna' });
          expect(d.coveredFor).toBe('');
        }
      }),
      { numRuns: 10 },
    );
  });

  it('warns about a client rotated less than 12 months ago, not about one rotated a year ago to the day', () => {
    const recent = dossier('Альфа', { ownerHistory: ['2026-03-01 Oleg'] });
    const yearAgo = dossier('Бета', { ownerHistory: ['2025-11-24 Oleg'] });
    const never = dossier('Гамма');
    expect(recentRotationOf([recent, yearAgo, never], TODAY)).toEqual({ lastRotation: '2026-03-01', count: 1 });
    expect(recentRotationOf([yearAgo, never], TODAY)).toBeUndefined();
  });

  it("takes a dossier chosen in both the owner's workbook and a colleague's cover copy once", () => {
    const d = dossier('Дельта', { owner: 'Anna' });
    const s = step(d.id, { date: TODAY });
    const both: LoadedWorkbook[] = [
      { file: 'a.xlsx', portfolio: { ...emptyPortfolio(), dossiers: [d], steps: [s] } },
      { file: 'b.xlsx', portfolio: { ...emptyPortfolio(), dossiers: [{ ...d, coveredFor: 'Anna', coveredBy: 'Boris' }], steps: [s] } },
    ];
    // Listed once, from the first file, as the table counts it once.
    expect(teamDossiers(both, 'Anna', TODAY).map((x) => x.file)).toEqual(['a.xlsx']);
    const p = prepareReassignment(both, [{ file: 'a.xlsx', id: d.id }, { file: 'b.xlsx', id: d.id }], 'Vera', TODAY);
    expect(p.dossiers).toHaveLength(1);
    expect(p.steps).toHaveLength(1);
  });
});
