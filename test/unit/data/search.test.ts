import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { archiveDossier, deleteContact, getDossierView, saveContact, updateDossier } from '../../../renderer/data/dossier-repo';
import { countDossiers, listDossiers, listOwners, searchDossiers } from '../../../renderer/data/search-repo';
import { logAndRefile } from '../../../renderer/data/refile';
import { callOn, dossier, freshDb, ME } from './setup-db';

const names = async (p: Promise<{ company: string }[]>) => (await p).map((r) => r.company);

describe('search and the dossier list', () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    freshDb();
    ids.romashka = await dossier('ООО «Ромашка Плюс»', callOn('2026-11-24'), {
      taxId: '7707083893',
      owner: 'Анна',
      segment: 'large',
      vip: true,
      territory: 'Москва',
      contacts: [{ name: 'Иван Петров', phones: ['8 (916) 123-45-67'], emails: ['ivan@romashka.ru'], decisionMaker: true }],
    });
    ids.romb = await dossier('АО Ромб', callOn('2026-11-20'), { owner: 'Борис', segment: 'small', territory: 'Казань' });
    ids.metall = await dossier('ООО Металлсервис', { month: '2027-01', kind: 'call' }, { owner: 'Анна', segment: 'medium', contacts: [{ name: 'Пётр Сидоров', phones: ['+7 495 111-22-33'] }] });
    ids.archived = await dossier('ООО Ромашка Старая', callOn('2026-11-25'), { owner: 'Борис' });
    await archiveDossier(ids.archived, ME);
    await logAndRefile({ dossierId: ids.romb, entry: { kind: 'call', outcome: 'reached', summary: 'ok', at: '2026-11-21T10:00:00.000Z' }, next: callOn('2026-12-02') }, ME);
  });

  it('finds by a company prefix, ignoring case, legal form and quotes, including archived dossiers', async () => {
    expect(await names(searchDossiers('ром'))).toEqual(['АО Ромб', 'ООО «Ромашка Плюс»', 'ООО Ромашка Старая']);
    expect(await names(searchDossiers('ООО РОМАШ плюс'))).toEqual(['ООО «Ромашка Плюс»']);
    expect(await names(searchDossiers('мет'))).toEqual(['ООО Металлсервис']);
    expect(await searchDossiers('')).toEqual([]);
    expect(await names(searchDossiers('ром', 1))).toHaveLength(1);
  });

  it('finds by a phone in any format and by tax id', async () => {
    for (const q of ['+7 916 123-45-67', '89161234567', '916 123', '(916) 1234567']) {
      expect(await names(searchDossiers(q))).toEqual(['ООО «Ромашка Плюс»']);
    }
    expect(await names(searchDossiers('7707083893'))).toEqual(['ООО «Ромашка Плюс»']);
    expect(await names(searchDossiers('770708'))).toEqual(['ООО «Ромашка Плюс»']);
    expect(await names(searchDossiers('495 111'))).toEqual(['ООО Металлсервис']);
  });

  it('finds a phone by the part a manager remembers: its last 7 or 4 digits', async () => {
    for (const q of ['123-45-67', '1234567', '45-67', '123-45']) {
      expect(await names(searchDossiers(q))).toEqual(['ООО «Ромашка Плюс»']);
    }
    expect(await names(searchDossiers('111-22-33'))).toEqual(['ООО Металлсервис']);
  });

  it('finds by contact name and e-mail, and follows contact edits', async () => {
    expect(await names(searchDossiers('петров'))).toEqual(['ООО «Ромашка Плюс»']);
    expect(await names(searchDossiers('ivan@romashka.ru'))).toEqual(['ООО «Ромашка Плюс»']);
    const c = await saveContact({ dossierId: ids.romb, name: 'Мария Кузнецова', phones: ['+7 843 200-00-00'] }, ME);
    expect(await names(searchDossiers('кузнец'))).toEqual(['АО Ромб']);
    expect((await getDossierView(ids.romb))!.row.primaryName).toBe('Мария Кузнецова');
    await saveContact({ ...c, name: 'Мария Волкова' }, ME);
    expect(await searchDossiers('кузнец')).toEqual([]);
    expect(await names(searchDossiers('волкова'))).toEqual(['АО Ромб']);
    await deleteContact(c.dossierId, c.id, ME);
    expect(await searchDossiers('волкова')).toEqual([]);
    expect((await getDossierView(ids.romb))!.row.primaryName).toBeUndefined();
  });

  it('follows a renamed company', async () => {
    await updateDossier(ids.metall, { company: 'ООО Сталь-Сервис' }, ME);
    expect(await searchDossiers('металл')).toEqual([]);
    expect(await names(searchDossiers('сталь'))).toEqual(['ООО Сталь-Сервис']);
    await updateDossier(ids.metall, { company: 'ООО Металлсервис' }, ME);
  });

  it('lists with filters and sorting, paged', async () => {
    const all = { status: 'all' as const };
    expect(await names(listDossiers(all, { field: 'company', dir: 'asc' }, 0, 10))).toEqual(['АО Ромб', 'ООО «Ромашка Плюс»', 'ООО Металлсервис', 'ООО Ромашка Старая']);
    expect(await names(listDossiers({}, { field: 'fileKey', dir: 'asc' }, 0, 10))).toEqual(['ООО «Ромашка Плюс»', 'АО Ромб', 'ООО Металлсервис']);
    expect(await names(listDossiers(all, { field: 'fileKey', dir: 'asc' }, 0, 10))).toEqual(['ООО «Ромашка Плюс»', 'АО Ромб', 'ООО Металлсервис', 'ООО Ромашка Старая']);
    expect(await names(listDossiers({}, { field: 'fileKey', dir: 'asc' }, 1, 1))).toEqual(['АО Ромб']);
    expect(await names(listDossiers({ owner: 'Анна' }, { field: 'company', dir: 'desc' }, 0, 10))).toEqual(['ООО Металлсервис', 'ООО «Ромашка Плюс»']);
    expect(await names(listDossiers({ vip: true }, { field: 'company', dir: 'asc' }, 0, 10))).toEqual(['ООО «Ромашка Плюс»']);
    expect(await names(listDossiers({ segment: 'small' }, { field: 'company', dir: 'asc' }, 0, 10))).toEqual(['АО Ромб']);
    expect(await names(listDossiers({ status: 'archived' }, { field: 'fileKey', dir: 'asc' }, 0, 10))).toEqual(['ООО Ромашка Старая']);
    expect((await listDossiers({}, { field: 'lastContactAt', dir: 'desc' }, 0, 1))[0]!.company).toBe('АО Ромб');
    expect(await names(listDossiers({ text: 'ром', owner: 'Борис', status: 'all' }, { field: 'company', dir: 'asc' }, 0, 10))).toEqual(['АО Ромб', 'ООО Ромашка Старая']);
  });

  it('counts with the same filters and lists owners', async () => {
    expect(await countDossiers({})).toBe(3);
    expect(await countDossiers({ status: 'all' })).toBe(4);
    expect(await countDossiers({ status: 'archived' })).toBe(1);
    expect(await countDossiers({ owner: 'Борис', status: 'all' })).toBe(2);
    expect(await countDossiers({ text: 'ромашка' })).toBe(1);
    expect(await listOwners()).toEqual(['Анна', 'Борис']);
  });
});
