import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { updateDossier } from '../../../renderer/data/dossier-repo';
import { countDossiers, listDossiers, searchDossiers } from '../../../renderer/data/search-repo';
import { callOn, dossier, freshDb, ME } from './setup-db';

const TODAY = '2026-11-24';
const SORT = { field: 'company', dir: 'asc' } as const;

describe('the profile in search and the list filter', () => {
  beforeEach(() => {
    freshDb();
  });

  it('finds a dossier by its ОКВЭД code and territory, and filters the list by industry class and territory', async () => {
    const a = await dossier('Альфа Опт', callOn(TODAY));
    const b = await dossier('Бета Софт', callOn(TODAY));
    await dossier('Гамма', callOn(TODAY));
    await updateDossier(a, { okved: '46.90.1', territory: 'Новосибирск' }, ME);
    await updateDossier(b, { okved: '62.01', territory: 'Казань' }, ME);
    expect((await searchDossiers('46.90', 10)).map((r) => r.id)).toEqual([a]);
    expect((await searchDossiers('62', 10)).map((r) => r.id)).toEqual([b]);
    expect((await searchDossiers('казань', 10)).map((r) => r.id)).toEqual([b]);
    expect((await listDossiers({ industry: '46' }, SORT, 0, 10)).map((r) => r.id)).toEqual([a]);
    expect(await countDossiers({ industry: '46' })).toBe(1);
    expect((await listDossiers({ territory: 'новосиб' }, SORT, 0, 10)).map((r) => r.id)).toEqual([a]);
    expect(await countDossiers({ territory: 'НОВОСИБ' })).toBe(1);
    expect(await countDossiers({ industry: '01' })).toBe(0);
  });
});
