import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { archiveDossier } from '../../../renderer/data/dossier-repo';
import { findDuplicates } from '../../../renderer/data/duplicates-repo';
import { callOn, dossier, freshDb, ME } from './setup-db';

describe('findDuplicates', () => {
  beforeAll(async () => {
    freshDb();
    await dossier('ООО «Ромашка Плюс»', callOn('2026-11-26'), { taxId: '7707083893' });
    await dossier('ООО Ромашка-Юг', callOn('2026-11-27'));
    const old = await dossier('Beta SRL', callOn('2026-11-20'));
    await archiveDossier(old, ME);
  });

  it('finds the same company by its folded name without the legal form, active or archived', async () => {
    const [romashka, beta, none] = await findDuplicates([
      { company: 'Ромашка плюс ПАО', taxId: '' },
      { company: 'BETA S.R.L.'.replace('S.R.L.', 'SRL'), taxId: '' },
      { company: 'ООО Ромашка', taxId: '' },
    ]);
    expect(romashka!.map((m) => [m.company, m.fileKey, m.by])).toEqual([['ООО «Ромашка Плюс»', '2026-11-26', 'company']]);
    expect(beta!.map((m) => [m.company, m.fileKey])).toEqual([['Beta SRL', undefined]]);
    // 'Ромашка' is neither 'Ромашка Плюс' nor 'Ромашка-Юг': a shared word is not a duplicate.
    expect(none).toEqual([]);
  });

  it('finds the same INN whatever the name, once per dossier', async () => {
    const [byInn, both] = await findDuplicates([
      { company: 'Совсем другое название', taxId: '7707 083 893' },
      { company: 'Ромашка Плюс', taxId: '7707083893' },
    ]);
    expect(byInn!.map((m) => [m.company, m.by])).toEqual([['ООО «Ромашка Плюс»', 'taxId']]);
    expect(both).toHaveLength(1);
  });
});
