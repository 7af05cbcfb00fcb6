import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { getFolderCounts } from '../../../renderer/data/binder-repo';
import { createDossiers } from '../../../renderer/data/dossier-repo';
import { applyMonthOpening, pendingMonthOpenings, proposeMonthOpening } from '../../../renderer/data/month-opening-repo';
import { undoLast } from '../../../renderer/data/refile';
import { defaultSettings } from '../../../shared/model/settings';
import { callOn, freshDb, ME } from './setup-db';

// December 2026: 1st is a Tuesday; 23 working days Mon-Fri.
const settings = { ...defaultSettings(), capacity: 2 };
const TODAY = '2026-12-01';

describe('opening a month folder', () => {
  beforeEach(() => {
    freshDb();
  });

  it('lists month folders that are due and still hold dossiers', async () => {
    await createDossiers(
      [
        { company: 'Ноябрь', next: { month: '2026-11', kind: 'call' } },
        { company: 'Декабрь', next: { month: '2026-12', kind: 'call' } },
        { company: 'Январь', next: { month: '2027-01', kind: 'call' } },
      ],
      ME,
    );
    expect(await pendingMonthOpenings(TODAY)).toEqual(['2026-11', '2026-12']);
  });

  it('spreads the month over working days from today, under capacity, lightest days first', async () => {
    // Today (Tue 1st) is already full; Wed 2nd has one.
    await createDossiers([callOn('2026-12-01'), callOn('2026-12-01'), callOn('2026-12-02')].map((next, i) => ({ company: `День ${i}`, next })), ME);
    const monthIds = await createDossiers(Array.from({ length: 5 }, (_, i) => ({ company: `Месяц ${i}`, vip: i === 4, next: { month: '2026-12', kind: 'call' as const } })), ME);

    const proposal = await proposeMonthOpening('2026-12', settings, TODAY);
    expect(proposal.overflow).toEqual([]);
    const dates = proposal.assignments.map((a) => a.date);
    expect(dates).toEqual(['2026-12-03', '2026-12-04', '2026-12-07', '2026-12-08', '2026-12-09']);
    // VIP clients get the earliest days.
    expect(proposal.assignments[0]!.dossierId).toBe(monthIds[4]);

    await applyMonthOpening(proposal.assignments, ME);
    const counts = await getFolderCounts();
    expect(counts.get('2026-12')).toBeUndefined();
    for (const d of dates) expect(counts.get(d)).toBe(1);
    expect(await pendingMonthOpenings(TODAY)).toEqual([]);

    await undoLast();
    expect((await getFolderCounts()).get('2026-12')).toBe(5);
  });

  it('reports the dossiers that do not fit under capacity', async () => {
    await createDossiers(Array.from({ length: 5 }, (_, i) => ({ company: `М ${i}`, next: { month: '2026-12', kind: 'call' as const } })), ME);
    const proposal = await proposeMonthOpening('2026-12', { ...settings, capacity: 1, workingWeek: [1] }, TODAY);
    // Mondays left in December 2026 from the 1st: 7, 14, 21, 28: one dossier over.
    expect(proposal.assignments.map((a) => a.date).slice(0, 4)).toEqual(['2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28']);
    expect(proposal.overflow).toHaveLength(1);
  });
});
