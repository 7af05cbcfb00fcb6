import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { getFolder, getFolderCounts, getMonthFolder, getOverdue, getTodayFolder, moveDossiers } from '../../../renderer/data/binder-repo';
import { archiveDossier, getDossierView, reactivateDossier } from '../../../renderer/data/dossier-repo';
import { undoLast } from '../../../renderer/data/refile';
import { callOn, dossier, freshDb, ME } from './setup-db';

const TODAY = '2026-11-24';

describe("today's folder", () => {
  beforeEach(() => {
    freshDb();
  });

  it('holds what is due today and everything overdue, overdue first, then by hour and company', async () => {
    await dossier('Бета', callOn(TODAY));
    await dossier('Альфа', callOn(TODAY));
    await dossier('Встреча', callOn(TODAY, { kind: 'meeting', time: '10:00' }));
    await dossier('Давний', callOn('2026-11-02'));
    await dossier('Вчера', callOn('2026-11-23'));
    await dossier('Завтра', callOn('2026-11-25'));
    await dossier('Декабрь', { month: '2026-12', kind: 'call' });
    await dossier('Ноябрь без дня', { month: '2026-11', kind: 'call' });
    const archived = await dossier('Архив', callOn(TODAY));
    await archiveDossier(archived, ME);

    const folder = await getTodayFolder(TODAY);
    expect(folder.map((r) => r.company)).toEqual(['Давний', 'Вчера', 'Встреча', 'Альфа', 'Бета']);
    expect((await getOverdue(TODAY)).map((r) => r.company)).toEqual(['Давний', 'Вчера']);
  });

  it('shows a folder, a month insert, and a month with its days', async () => {
    await dossier('Декабрь', { month: '2026-12', kind: 'call' });
    await dossier('Пятое', callOn('2026-12-05'));
    await dossier('Январь', callOn('2027-01-05'));
    expect((await getFolder('2026-12-05')).map((r) => r.company)).toEqual(['Пятое']);
    expect((await getFolder('2026-12')).map((r) => r.company)).toEqual(['Декабрь']);
    expect((await getMonthFolder('2026-12', false)).map((r) => r.company)).toEqual(['Декабрь']);
    expect((await getMonthFolder('2026-12', true)).map((r) => r.company)).toEqual(['Пятое', 'Декабрь']);
  });

  it('counts active dossiers per folder', async () => {
    await dossier('A', callOn(TODAY));
    await dossier('B', callOn(TODAY));
    await dossier('C', { month: '2027-01', kind: 'call' });
    const d = await dossier('D', callOn('2026-11-30'));
    await archiveDossier(d, ME);
    expect(await getFolderCounts()).toEqual(new Map([[TODAY, 2], ['2027-01', 1]]));
  });

  it('archiving closes the open steps, so reactivation files the dossier under the new date', async () => {
    const d = await dossier('Спящий', callOn('2026-11-26'));
    await archiveDossier(d, ME);
    expect((await getDossierView(d))!.steps.filter((s) => !s.done)).toEqual([]);
    await reactivateDossier(d, callOn('2026-12-10'), ME);
    expect((await getFolder('2026-12-10')).map((r) => r.company)).toEqual(['Спящий']);
    expect(await getFolderCounts()).toEqual(new Map([['2026-12-10', 1]]));
    await undoLast();
    await undoLast();
    expect((await getFolder('2026-11-26')).map((r) => r.company)).toEqual(['Спящий']);
  });

  it('moves overflow to a lighter day in one action that undo reverts', async () => {
    const a = await dossier('A', callOn(TODAY));
    const b = await dossier('B', callOn(TODAY));
    await dossier('C', callOn(TODAY));
    const undo = await moveDossiers([a, b], { date: '2026-11-26' }, ME);
    expect(undo.action).toBe('move');
    expect((await getTodayFolder(TODAY)).map((r) => r.company)).toEqual(['C']);
    expect((await getFolder('2026-11-26')).map((r) => r.company)).toEqual(['A', 'B']);
    expect(await getFolderCounts()).toEqual(new Map([[TODAY, 1], ['2026-11-26', 2]]));
    const view = await getDossierView(a);
    expect(view!.steps[0]!.date).toBe('2026-11-26');

    await undoLast();
    expect((await getTodayFolder(TODAY)).map((r) => r.company)).toEqual(['A', 'B', 'C']);
    expect(await getFolderCounts()).toEqual(new Map([[TODAY, 3]]));
  });
});
