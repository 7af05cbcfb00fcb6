import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { getFolder, getFolderCounts } from '../../../renderer/data/binder-repo';
import { addStep, createDossiers, getDossierView, updateDossier } from '../../../renderer/data/dossier-repo';
import { logAndRefile, undoLast } from '../../../renderer/data/refile';
import { callOn, dossier, freshDb, ME } from './setup-db';

const TODAY = '2026-11-24';

describe('the dossier card', () => {
  beforeEach(() => {
    freshDb();
  });

  it('shows the last 50 contacts newest first, the total, open steps in filing order then the last 10 done', async () => {
    const id = await dossier('Лямбда', callOn(TODAY), {
      contacts: [{ name: 'Бухгалтер' }, { name: 'Директор', decisionMaker: true }],
    });
    for (let i = 0; i < 60; i++) {
      const at = new Date(Date.UTC(2026, 9, 1, 9, i)).toISOString();
      await logAndRefile({ dossierId: id, entry: { kind: 'call', outcome: 'reached', summary: `звонок ${i}`, at }, next: callOn(TODAY) }, ME);
    }
    await addStep(id, { month: '2027-02', kind: 'meeting' }, ME);
    await addStep(id, { date: '2026-12-01', kind: 'email', time: '10:00' }, ME);
    const view = (await getDossierView(id))!;
    expect(view.historyTotal).toBe(60);
    expect(view.history).toHaveLength(50);
    expect(view.history[0]!.summary).toBe('звонок 59');
    expect(view.history[49]!.summary).toBe('звонок 10');
    expect(view.contacts.map((c) => c.name)).toEqual(['Директор', 'Бухгалтер']);
    expect(view.row.primaryName).toBe('Директор');
    const open = view.steps.filter((s) => !s.done);
    expect(open.map((s) => s.date || s.month)).toEqual([TODAY, '2026-12-01', '2027-02']);
    expect(view.steps.filter((s) => s.done)).toHaveLength(10);
    expect(await getDossierView('no-such-id')).toBeUndefined();
  });

  it('creates the day’s new calls in one action, each filed under its date', async () => {
    const ids = await createDossiers(
      Array.from({ length: 20 }, (_, i) => ({ company: `Новый ${i}`, segment: 'small' as const, next: callOn('2026-11-25') })),
      ME,
    );
    expect(ids).toHaveLength(20);
    expect(await getFolder('2026-11-25')).toHaveLength(20);
    expect(await getFolderCounts()).toEqual(new Map([['2026-11-25', 20]]));
  });

  it('refuses a dossier without a company and keeps nothing of the batch', async () => {
    await expect(createDossiers([{ company: 'Хороший', next: callOn(TODAY) }, { company: '', next: callOn(TODAY) }], ME)).rejects.toThrow();
    expect(await getFolderCounts()).toEqual(new Map());
  });

  it('edits the card without touching the filing', async () => {
    const id = await dossier('Мю', callOn(TODAY));
    await updateDossier(id, { vip: true, notes: 'важный', status: 'archived' } as never, ME);
    const row = (await getDossierView(id))!.row;
    expect(row).toMatchObject({ vip: true, notes: 'важный', status: 'active', fileKey: TODAY });
  });

  it('a profile edit is undone like any other change, VIP criteria and all', async () => {
    const id = await dossier('Ню', callOn(TODAY));
    await updateDossier(id, { okved: '46.90', territory: 'Казань', annualRevenue: 5e8, headcount: 40, registeredOn: '2026-03-01', vipCriteria: ['group-member', 'Друг директора'], vip: true }, ME);
    expect((await getDossierView(id))!.row).toMatchObject({ okved: '46.90', vipCriteria: ['group-member', 'Друг директора'], vip: true });
    expect(await undoLast()).toMatchObject({ action: 'edit', subject: 'Ню' });
    const row = (await getDossierView(id))!.row;
    expect(row.okved).toBeUndefined();
    expect(row).toMatchObject({ territory: '', vip: false });
  });

  it('an undo stack stored before its fields were renamed (images, table) still undoes after the update', async () => {
    const db = freshDb();
    const id = await dossier('Кси', callOn(TODAY));
    await updateDossier(id, { notes: 'новая заметка' }, ME);
    // The entry as the previous release stored it.
    const top = (await db.kv.where('key').startsWith('undo:').last())!;
    const { priors, ...rest } = top.value as { priors: { kind: string }[] };
    await db.kv.put({ key: top.key, value: { ...rest, images: priors.map(({ kind, ...r }) => ({ table: kind, ...r })) } });
    expect(await undoLast()).toMatchObject({ action: 'edit', subject: 'Кси' });
    expect((await getDossierView(id))!.row.notes).toBe('');
  });

  it('a new owner typed in the card is a reassignment: the owner it leaves goes into the owner history', async () => {
    const id = await dossier('Ню', callOn(TODAY));
    await updateDossier(id, { owner: 'Анна' }, ME);
    await updateDossier(id, { owner: 'Борис' }, ME);
    await updateDossier(id, { notes: 'без смены' }, ME);
    const row = (await getDossierView(id))!.row;
    expect(row.owner).toBe('Борис');
    expect(row.ownerHistory).toHaveLength(1);
    expect(row.ownerHistory![0]).toMatch(/^\d{4}-\d{2}-\d{2} Анна$/);
  });
});
