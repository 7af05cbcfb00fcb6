import { beforeEach, describe, expect, it } from 'vitest';
import { allPaperRecords, papersOf } from '../../../renderer/data/papers';
import { dump, freshDb, makePortfolio } from './fixtures';
import type { TicklerDb } from '../../../renderer/data/db';
import { readPortfolio, WRITE_CHUNK, writePortfolio } from '../../../renderer/data/portfolio-repo';
import {
  applyImport,
  markHandedOver,
  reassignDossiers,
  reassignOwner,
  recentRotation,
  replacePortfolio,
} from '../../../renderer/data/sync-repo';
import { undoLast } from '../../../renderer/data/refile';
import { countDossiers, listDossiers } from '../../../renderer/data/search-repo';
import { handedOverTo, handoverCover } from '../../../shared/portfolio/handover';
import { forSnapshot, fromSnapshot } from '../../../renderer/data/sync-snapshot';
import { contentHash } from '../../../shared/merge/content-hash';
import { historySchema, stepSchema } from '../../../shared/model/records';
import { newId } from '../../../shared/model/ids';
import { readPortfolioWorkbook, writePortfolioWorkbook } from '../../../shared/workbook';

let db: TicklerDb;

beforeEach(async () => {
  db = freshDb();
  await writePortfolio(makePortfolio(20, { owner: 'Ivanova' }));
});

describe('applyImport', () => {
  it('is all or nothing: a failure after the first chunk leaves the database exactly as it was', async () => {
    const before = await dump(db);
    // More dossiers than one bulk-write chunk, so the failure comes after records were written.
    const incoming = makePortfolio(WRITE_CHUNK + 50, { owner: 'Petrov', prefix: 'New' });
    let calls = 0;
    await expect(
      applyImport(incoming, {
        onProgress: () => {
          if (++calls === 1) throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(calls).toBe(1);
    expect(await dump(db)).toEqual(before);
  });

  it('refuses changes that would leave an active dossier unfiled, new or stored, and stores nothing', async () => {
    const before = await dump(db);
    // A new dossier without any step (in the first chunk), then a stored one whose only open step is closed.
    const fresh = makePortfolio(WRITE_CHUNK + 5, { owner: 'Petrov', prefix: 'New' });
    const lonely = { ...fresh, steps: fresh.steps.filter((s) => s.dossierId !== fresh.dossiers[3]!.id) };
    await expect(applyImport(lonely)).rejects.toThrow(/without a next step/);
    // The same in the third chunk, once the writes of the first two are under way.
    const more = makePortfolio(2 * WRITE_CHUNK + 5, { owner: 'Petrov', prefix: 'More' });
    const lateLonely = { ...more, steps: more.steps.filter((s) => s.dossierId !== more.dossiers[2 * WRITE_CHUNK + 2]!.id) };
    await expect(applyImport(lateLonely)).rejects.toThrow(/without a next step/);
    expect(await dump(db)).toEqual(before);
    const stored = await readPortfolio({ kind: 'all' });
    const closed = stored.steps.filter((s) => s.dossierId === stored.dossiers[0]!.id).map((s) => ({ ...s, done: true }));
    await expect(applyImport({ ...stored, dossiers: [], contacts: [], history: [], invoices: [], steps: closed })).rejects.toThrow(/without a next step/);
    expect(await dump(db)).toEqual(before);
  });

  it('adds new dossiers with their rows and folder counts', async () => {
    const incoming = makePortfolio(3, { owner: 'Petrov', prefix: 'New' });
    const result = await applyImport(incoming);
    expect(result.dossiers).toBe(3);
    expect(await db.dossiers.count()).toBe(23);
    const row = await db.dossiers.get(incoming.dossiers[0]!.id);
    expect(row?.fileKey).toBe(incoming.steps[0]!.date);
    const counted = (await db.folderCounts.toArray()).reduce((s, c) => s + c.count, 0);
    expect(counted).toBe(23);
  });

  it('never overwrites a stored history entry, and appends the new ones', async () => {
    const stored = ((await allPaperRecords(db)).history)[0]!;
    const tampered = { ...stored, summary: 'rewritten in Excel' };
    const added = historySchema.parse({
      id: newId(), createdAt: '2026-11-20T10:00:00.000Z', updatedAt: '2026-11-20T10:00:00.000Z', author: 'Petrov',
      dossierId: stored.dossierId, at: '2026-11-20T10:00:00.000Z', kind: 'call', outcome: 'agreed', summary: 'B called',
    });
    await applyImport({ dossiers: [], contacts: [], history: [tampered, added], steps: [], invoices: [], payments: [], holidays: [] });
    const log = (await allPaperRecords(db)).history;
    expect(log.filter((h) => h.id === stored.id).map((h) => h.summary)).toEqual([stored.summary]);
    expect(log.find((h) => h.id === added.id)?.author).toBe('Petrov');
    // The dossier's row shows the newest contact.
    expect((await db.dossiers.get(stored.dossierId))?.lastSummary).toBe('B called');
  });

  it('records the exchanged content as syncBase where the plan did not set one', async () => {
    const p = await readPortfolio({ kind: 'all' });
    const d = { ...p.dossiers[0]!, notes: 'edited by B' };
    const step = stepSchema.parse({ ...p.steps.find((s) => s.dossierId === d.id)!, date: '2026-12-10' });
    const given = { ...p.contacts.find((c) => c.dossierId === d.id)!, syncBase: 'fromplan' };
    await applyImport({ dossiers: [d], contacts: [given], history: [], steps: [step], invoices: [], payments: [], holidays: [] });
    const stored = (await db.dossiers.get(d.id))!;
    expect(stored.notes).toBe('edited by B');
    expect(stored.syncBase).toBe(contentHash(d));
    expect((await papersOf(db, d.id)).steps.find((s) => s.id === step.id)?.syncBase).toBe(contentHash(step));
    expect(stored.fileKey).toBe('2026-12-10');
    expect((await papersOf(db, d.id)).contacts.find((c) => c.id === given.id)?.syncBase).toBe('fromplan');
  });
});

describe('restoring a workbook backup (the format of backups before stream copies, and of "Back up now")', () => {
  it('restores exactly the records, rows and counters of before the import', async () => {
    const before = await dump(db);
    const workbook = writePortfolioWorkbook(forSnapshot(await readPortfolio({ kind: 'all' })), {
      appVersion: 'test', exportedBy: 'Ivanova', scope: 'snapshot', language: 'en',
    });

    const p = await readPortfolio({ kind: 'all' });
    await applyImport(makePortfolio(5, { prefix: 'Added' }));
    await applyImport({ ...p, dossiers: p.dossiers.map((d) => ({ ...d, owner: 'Petrov' })), history: [] });
    expect(await dump(db)).not.toEqual(before);

    const read = readPortfolioWorkbook(workbook);
    if (!read.ok) throw new Error(read.fatal.message);
    await replacePortfolio(fromSnapshot(read.portfolio));
    expect(await dump(db)).toEqual(before);
  });
});

describe('bulk reassignment', () => {
  it('moves every dossier of one owner as one entry on the undo stack (Ctrl+Z), which moves exactly those back', async () => {
    const before = await dump(db);
    const ids = await reassignOwner('Ivanova', 'Sidorov', 'Lead', '2026-12-01');
    expect(ids).toHaveLength(20);
    expect(await db.dossiers.where('owner').equals('Sidorov').count()).toBe(20);
    // The binder is untouched: same folders, same counts.
    const counts = await db.folderCounts.toArray();
    expect(counts.reduce((s, c) => s + c.count, 0)).toBe(20);
    expect(await undoLast()).toMatchObject({ action: 'reassign', subject: '20' });
    expect(await dump(db)).toEqual(before);
  });

  it('keeps the owner each dossier left in its owner history and ends any cover', async () => {
    const [first] = await db.dossiers.limit(1).primaryKeys();
    await db.dossiers.update(first!, { coveredFor: 'Ivanova', coveredUntil: '2026-12-20', coveredFrom: '2026-12-01' });
    await reassignDossiers([first!], 'Sidorov', 'Lead', '2026-12-01');
    await reassignDossiers([first!], 'Petrov', 'Lead', '2027-01-15');
    expect(await db.dossiers.get(first!)).toMatchObject({
      owner: 'Petrov', ownerHistory: ['2026-12-01 Ivanova', '2027-01-15 Sidorov'], coveredFor: '', coveredUntil: '',
    });
    expect((await db.dossiers.get(first!))?.coveredFrom).toBeUndefined();
  });

  it('names the last rotation of dossiers rotated less than 12 months ago, and none a year on', async () => {
    const ids = await db.dossiers.limit(3).primaryKeys();
    await reassignDossiers(ids.slice(0, 1), 'Sidorov', 'Lead', '2026-03-10');
    await reassignDossiers(ids.slice(1, 2), 'Sidorov', 'Lead', '2026-06-01');
    expect(await recentRotation(ids, '2026-12-01')).toEqual({ lastRotation: '2026-06-01', count: 2 });
    expect(await recentRotation(ids, '2027-03-10')).toEqual({ lastRotation: '2026-06-01', count: 1 });
    expect(await recentRotation(ids, '2027-06-01')).toBeUndefined();
  });
});

describe('the handover in the owner\'s binder', () => {
  it('marks the dossiers given away with who holds them until when, as one undoable action', async () => {
    const before = await dump(db);
    const ids = await db.dossiers.limit(2).primaryKeys();
    expect(await markHandedOver(ids, handoverCover('Ivanova', 'Boris', '2026-12-01', '2026-12-12').home, 'Ivanova')).toBe(2);
    const marked = await db.dossiers.get(ids[0]!);
    expect(handedOverTo(marked!)).toEqual({ to: 'Boris', until: '2026-12-12' });
    expect(marked).toMatchObject({ owner: 'Ivanova', coveredFor: '', coveredFrom: '2026-12-01' });
    // The list's "handed over" filter finds exactly them.
    expect(await countDossiers({ handedOver: true })).toBe(2);
    expect((await listDossiers({ handedOver: true }, { field: 'company', dir: 'asc' }, 0, 10)).map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(await undoLast()).toMatchObject({ action: 'handover', subject: '2' });
    expect(await dump(db)).toEqual(before);
  });
});
