import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { dossier, entry, step } from './record-factories';
import { getStepsInRange } from '../../../renderer/data/calendar-repo';
import { createDb } from '../../../renderer/data/db';
import { getDossierView } from '../../../renderer/data/dossier-repo';
import { allHistory } from '../../../renderer/data/history-log';
import { setDb } from '../../../renderer/data/db';


/** A database as version 1 of the app stored it (the schema below is version 1's, frozen). */
async function storeAsVersion1(name: string, tables: Record<string, unknown[]>): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores({
    dossiers: 'id, fileKey, *words, owner, company, updatedAt, lastContactAt, status',
    contacts: 'id, dossierId', history: 'id, [dossierId+at], at', steps: 'id, dossierId, date, month',
    invoices: 'id, dossierId, dueOn', folderCounts: 'key', kv: 'key', snapshots: 'id, createdAt',
  });
  for (const [table, rows] of Object.entries(tables)) await v1.table(table).bulkAdd(rows);
  v1.close();
}

describe('schema upgrade from version 1', () => {
  it('builds the calendar days and packs the history into one log per dossier, losing nothing', async () => {
    const name = `v1-${Math.random()}`;
    const a = dossier('Alfa LLC', { fileKey: '2026-11-24' });
    const gone = dossier('Archived Ltd', { status: 'archived' });
    const history = [
      entry(a.id, '2026-11-20T09:00:00.000Z', 'second'),
      entry(a.id, '2026-11-10T09:00:00.000Z', 'first'),
      entry(gone.id, '2026-10-01T09:00:00.000Z', 'long ago'),
    ];
    await storeAsVersion1(name, {
      dossiers: [a, gone],
      steps: [
        step(a.id, { id: 'u-1', date: '2026-11-24', time: '10:00' }),
        step(a.id, { id: 'u-done', date: '2026-11-24', done: true }),
        step(gone.id, { id: 'u-gone', date: '2026-11-24' }),
      ],
      history,
    });
    const db = createDb(name);
    setDb(db);
    expect((await getStepsInRange('2026-11-01', '2026-11-30', db)).map((i) => [i.id, i.company])).toEqual([['u-1', 'Alfa LLC']]);
    expect(await db.steps.count()).toBe(3);
    expect(await db.dossiers.count()).toBe(2);
    expect((await allHistory(db)).map((h) => h.id).sort()).toEqual(history.map((h) => h.id).sort());
    expect((await getDossierView(a.id))!.history.map((h) => h.summary)).toEqual(['second', 'first']);
    expect(db.tables.map((t) => t.name)).not.toContain('history');
    db.close();
  });
});
