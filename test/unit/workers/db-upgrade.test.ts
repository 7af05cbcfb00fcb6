import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { dossier } from '../data/record-factories';
import { createDb } from '../../../renderer/data/db';
import { upgradeDatabase } from '../../../renderer/workers/db-upgrade-client';

/** Version 6's stores, frozen. */
const V6 = {
  dossiers: 'id, fileKey, owner, company, updatedAt, lastContactAt',
  papers: 'dossierId, *openKeys',
  wordBuckets: '[prefix+seq]',
  steps: 'id, dossierId, date, month',
  folderCounts: 'key',
  calendarDays: 'date',
  kv: 'key',
  snapshots: 'id, createdAt',
};

describe('upgradeDatabase', () => {
  it('leaves a version 6 binder stored at the current version with its dossiers, so the window opens it without an upgrade', async () => {
    const name = `v6-${Math.random()}`;
    const old = new Dexie(name);
    old.version(6).stores(V6);
    const a = dossier('Alfa LLC', { fileKey: '2026-11-24' });
    await old.table('dossiers').add(a);
    await old.table('folderCounts').add({ key: '2026-11-24', count: 1 });
    old.close();

    await upgradeDatabase(name);

    const stored = new Dexie(name);
    await stored.open();
    expect(stored.verno).toBe(createDb(name).verno);
    expect(stored.tables.map((t) => t.name)).not.toContain('steps');
    expect(await stored.table('dossiers').get(a.id)).toMatchObject({ company: 'Alfa LLC' });
    stored.close();
  });
});
