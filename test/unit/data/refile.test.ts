import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { getFolder, getFolderCounts, getTodayFolder } from '../../../renderer/data/binder-repo';
import type { TicklerDb } from '../../../renderer/data/db';
import { addStep, deleteStep, getDossierView, reactivateDossier, saveContact, updateStep } from '../../../renderer/data/dossier-repo';
import { logAndRefile, moveStep, undoLast } from '../../../renderer/data/refile';
import { getDb } from '../../../renderer/data/db';
import { callOn, dossier, freshDb, ME } from './setup-db';
import { allPaperRecords } from '../../../renderer/data/papers';

const TODAY = '2026-11-24';

async function snapshot(db: TicklerDb) {
  const [dossiers, { steps, history, contacts }, counts] = await Promise.all([
    db.dossiers.toArray(),
    allPaperRecords(db),
    db.folderCounts.toArray(),
  ]);
  return { dossiers, steps, history, contacts, counts };
}

describe('log a contact and refile', () => {
  let db: TicklerDb;
  beforeEach(() => {
    db = freshDb();
  });

  it('appends the history entry, completes the step and files the dossier under the agreed date', async () => {
    const id = await dossier('ООО Ромашка', callOn(TODAY), { contacts: [{ name: 'Иван Петров', phones: ['8 916 123-45-67'] }] });
    const undo = await logAndRefile(
      { dossierId: id, entry: { kind: 'call', outcome: 'agreed', summary: 'Договорились о встрече', at: '2026-11-24T09:15:00.000Z' }, next: { date: '2026-11-27', kind: 'meeting', time: '11:00', title: 'Встреча в офисе' } },
      ME,
    );
    expect(undo).toMatchObject({ action: 'refile', subject: 'ООО Ромашка' });
    expect(await getTodayFolder(TODAY)).toEqual([]);
    const [row] = await getFolder('2026-11-27');
    expect(row).toMatchObject({ company: 'ООО Ромашка', nextKind: 'meeting', nextTime: '11:00', nextTitle: 'Встреча в офисе', lastSummary: 'Договорились о встрече', lastContactAt: '2026-11-24T09:15:00.000Z', primaryName: 'Иван Петров', primaryPhone: '+7 916 123-45-67' });
    const view = await getDossierView(id);
    expect(view!.history.map((h) => h.summary)).toEqual(['Договорились о встрече']);
    expect(view!.historyTotal).toBe(1);
    expect(view!.steps.map((s) => [s.date, s.done])).toEqual([['2026-11-27', false], [TODAY, true]]);
    expect(await getFolderCounts()).toEqual(new Map([['2026-11-27', 1]]));
  });

  it('files under a month folder', async () => {
    const id = await dossier('Бета', callOn(TODAY));
    await logAndRefile({ dossierId: id, entry: { kind: 'call', outcome: 'callback', summary: 'Перезвонить в феврале' }, next: { month: '2027-02', kind: 'call' } }, ME);
    expect((await getFolder('2027-02')).map((r) => r.company)).toEqual(['Бета']);
  });

  it('archives when there is no next step, and reactivation files it again', async () => {
    const id = await dossier('Гамма', callOn(TODAY));
    const undo = await logAndRefile({ dossierId: id, entry: { kind: 'call', outcome: 'declined', summary: 'Отказ' }, next: null }, ME);
    expect(undo.action).toBe('archive');
    expect((await db.dossiers.get(id))!.status).toBe('archived');
    expect(await getFolderCounts()).toEqual(new Map());
    await reactivateDossier(id, callOn('2026-12-01'), ME);
    expect((await getFolder('2026-12-01')).map((r) => r.company)).toEqual(['Гамма']);
  });

  it('undo restores exactly the rows, steps, history and counters as they were', async () => {
    const id = await dossier('Дельта', callOn(TODAY), { contacts: [{ name: 'Ольга' }] });
    const before = await snapshot(db);
    await logAndRefile({ dossierId: id, entry: { kind: 'call', outcome: 'reached', summary: 'Поговорили' }, next: callOn('2026-12-10') }, ME);
    expect(await undoLast()).toMatchObject({ action: 'refile', subject: 'Дельта' });
    const after = await snapshot(db);
    expect(after).toEqual(before);
    // The creation is still on the stack; undoing it removes the dossier entirely.
    expect(await undoLast()).toMatchObject({ action: 'create' });
    expect(await snapshot(db)).toEqual({ dossiers: [], steps: [], history: [], contacts: [], counts: [] });
    expect(await undoLast()).toBeNull();
  });

  it('undoing a creation also removes what was added to the dossier since', async () => {
    const id = await dossier('Каппа', callOn(TODAY));
    await saveContact({ dossierId: id, name: 'Позже добавленный' }, ME);
    await addStep(id, { date: '2026-12-01', kind: 'email' }, ME);
    expect(await undoLast()).toMatchObject({ action: 'create', subject: 'Каппа' });
    expect(await snapshot(db)).toEqual({ dossiers: [], steps: [], history: [], contacts: [], counts: [] });
  });

  it('keeps at most 20 undo entries', async () => {
    const id = await dossier('Эпсилон', callOn(TODAY));
    for (let i = 0; i < 25; i++) {
      await logAndRefile({ dossierId: id, entry: { kind: 'call', outcome: 'no_answer', summary: `#${i}` }, next: callOn(TODAY) }, ME);
    }
    // The oldest entries are gone from the store, not only out of reach.
    expect(await getDb().kv.where('key').startsWith('undo:').count()).toBe(20);
    let undone = 0;
    while (await undoLast()) undone++;
    expect(undone).toBe(20);
    expect((await getDossierView(id))!.historyTotal).toBe(5);
  });

  it('moving a step (calendar drag) refiles the dossier', async () => {
    const id = await dossier('Зета', callOn(TODAY));
    const step = (await getDossierView(id))!.steps[0]!;
    await moveStep(step, { date: '2026-11-30', time: '15:30', durationMin: 60 }, ME);
    expect(await getFolder('2026-11-30')).toMatchObject([{ company: 'Зета', nextTime: '15:30' }]);
    await moveStep(step, { month: '2027-03' }, ME);
    expect(await getFolderCounts()).toEqual(new Map([['2027-03', 1]]));
    await undoLast();
    await undoLast();
    expect(await getFolderCounts()).toEqual(new Map([[TODAY, 1]]));
  });

  it('files by the earliest open step when there are several', async () => {
    const id = await dossier('Эта', callOn('2026-12-15'));
    const extra = await addStep(id, { date: '2026-12-01', kind: 'email' }, ME);
    expect((await db.dossiers.get(id))!.fileKey).toBe('2026-12-01');
    await updateStep(extra, { date: '2026-12-20' }, ME);
    expect((await db.dossiers.get(id))!.fileKey).toBe('2026-12-15');
    await deleteStep(extra, ME);
    expect(await getFolderCounts()).toEqual(new Map([['2026-12-15', 1]]));
  });

  it('refuses to leave an active dossier unfiled', async () => {
    const id = await dossier('Тета', callOn(TODAY));
    const step = (await getDossierView(id))!.steps[0]!;
    await expect(deleteStep(step, ME)).rejects.toThrow(/last planned step/);
    await expect(updateStep(step, { done: true }, ME)).rejects.toThrow(/without a next step/);
    await expect(logAndRefile({ dossierId: id, entry: { kind: 'call', outcome: 'reached', summary: '' }, next: { date: '24.11.2026', kind: 'call' } }, ME)).rejects.toThrow(/Not a date/);
    // Nothing of the refused writes was stored.
    const view = await getDossierView(id);
    expect(view!.historyTotal).toBe(0);
    expect(view!.steps.map((s) => s.done)).toEqual([false]);
    expect(await getFolderCounts()).toEqual(new Map([[TODAY, 1]]));
  });
});
