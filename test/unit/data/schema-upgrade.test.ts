import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { contact, dossier, entry, invoice, step } from './record-factories';
import { getStepsInRange } from '../../../renderer/data/calendar-repo';
import { createDb, needsUpgrade } from '../../../renderer/data/db';
import { getDossierView } from '../../../renderer/data/dossier-repo';
import { allPaperRecords } from '../../../renderer/data/papers';
import { fileIntoPapers } from '../../../renderer/data/migrations/file-into-papers';
import { PAPERS_V4 } from '../../../renderer/data/migrations/v4-papers';
import { setDb } from '../../../renderer/data/db';
import { searchDossiers } from '../../../renderer/data/search-repo';
import { proposeMonthOpening } from '../../../renderer/data/month-opening-repo';


/** Earlier versions' schemas, frozen: what a binder saved by those versions holds. */
const V1 = {
  dossiers: 'id, fileKey, *words, owner, company, updatedAt, lastContactAt, status',
  contacts: 'id, dossierId', history: 'id, [dossierId+at], at', steps: 'id, dossierId, date, month',
  invoices: 'id, dossierId, dueOn', folderCounts: 'key', kv: 'key', snapshots: 'id, createdAt',
};
const V3 = { ...V1, history: null, calendarDays: 'date', historyLogs: 'dossierId' };
const V5 = { ...V3, contacts: null, invoices: null, historyLogs: null, papers: 'dossierId' };

/** A database as that version of the app stored it. */
async function storeAs(name: string, version: number, schema: Record<string, string | null>, tables: Record<string, unknown[]>): Promise<void> {
  const old = new Dexie(name);
  old.version(version).stores(Object.fromEntries(Object.entries(schema).filter(([, spec]) => spec !== null)) as Record<string, string>);
  for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkAdd(rows);
  old.close();
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
    await storeAs(name, 1, V1, {
      contacts: [contact(a.id, 'Иван Петров')],
      invoices: [invoice(a.id, '2026-12-01')],
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
    expect((await allPaperRecords(db)).steps.map((s) => s.id).sort()).toEqual(['u-1', 'u-done', 'u-gone']);
    expect(await db.dossiers.count()).toBe(2);
    expect((await allPaperRecords(db)).history.map((h) => h.id).sort()).toEqual(history.map((h) => h.id).sort());
    const view = (await getDossierView(a.id))!;
    expect(view.history.map((h) => h.summary)).toEqual(['second', 'first']);
    expect(view.contacts.map((c) => c.name)).toEqual(['Иван Петров']);
    expect(view.invoices.map((i) => i.dueOn)).toEqual(['2026-12-01']);
    expect(db.tables.map((t) => t.name)).not.toContain('history');
    db.close();
  });
});

describe('schema upgrade from version 3', () => {
  it('files each dossier\'s contacts, invoices and history into its papers, losing nothing', async () => {
    const name = `v3-${Math.random()}`;
    // Rows as v3 stored them: their search words in the multiEntry index.
    const a = dossier('Alfa LLC', { fileKey: '2026-11-24', words: ['alfa', 'иван', 'петров'] });
    const b = dossier('Beta SRL', { fileKey: '2026-11-25', words: ['beta', 'анна'] });
    const c = dossier('Gamma', { fileKey: '2026-11-26', words: ['gamma'] });
    const contacts = [contact(a.id, 'Иван Петров'), contact(a.id, 'Ion Popescu'), contact(b.id, 'Анна')];
    const invoices = [invoice(a.id, '2026-12-01'), invoice(c.id, '2026-12-05')];
    const logs = [
      { dossierId: a.id, entries: [entry(a.id, '2026-11-10T09:00:00.000Z', 'first'), entry(a.id, '2026-11-20T09:00:00.000Z', 'second')] },
      { dossierId: c.id, entries: [entry(c.id, '2026-11-01T09:00:00.000Z', 'only')] },
    ];
    await storeAs(name, 3, V3, { dossiers: [a, b, c], contacts, invoices, historyLogs: logs });

    expect(await needsUpgrade(name)).toBe(true);
    const db = createDb(name);
    setDb(db);
    await db.open();
    expect(await needsUpgrade(name)).toBe(false);
    expect(await needsUpgrade(`never-created-${Math.random()}`)).toBe(false);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['calendarShards', 'dossiers', 'folderCounts', 'kv', 'papers', 'receivableDays', 'receivables', 'snapshots', 'wordBuckets']);
    const papers = await allPaperRecords(db);
    expect(papers.contacts.map((x) => x.id).sort()).toEqual(contacts.map((x) => x.id).sort());
    expect(papers.invoices).toEqual(expect.arrayContaining(invoices));
    expect(papers.history.map((h) => h.summary).sort()).toEqual(['first', 'only', 'second']);
    const view = (await getDossierView(a.id))!;
    expect(view.contacts.map((x) => x.name).sort()).toEqual(['Ion Popescu', 'Иван Петров']);
    expect(view.history.map((h) => h.summary)).toEqual(['second', 'first']);
    expect((await getDossierView(b.id))!.contacts.map((x) => x.name)).toEqual(['Анна']);
    expect((await getDossierView(c.id))!.invoices.map((x) => x.dueOn)).toEqual(['2026-12-05']);
    // v6 filed the stored words into the search index.
    expect((await searchDossiers('петр')).map((r) => r.company)).toEqual(['Alfa LLC']);
    expect((await searchDossiers('a')).map((r) => r.company)).toEqual(['Alfa LLC']);
    expect((await searchDossiers('ан')).map((r) => r.company)).toEqual(['Beta SRL']);
    db.close();
  });
});

describe('schema upgrade from version 5', () => {
  it('files the steps into the papers and the search words into the search index', async () => {
    const name = `v5-${Math.random()}`;
    const a = dossier('Alfa LLC', { fileKey: '2026-12', words: ['alfa', 'иван'] });
    const b = dossier('Beta SRL', { fileKey: '2026-11-25', words: ['beta'] });
    const history = [entry(a.id, '2026-11-10T09:00:00.000Z', 'first')];
    await storeAs(name, 5, V5, {
      dossiers: [a, b],
      papers: [{ dossierId: a.id, contacts: [contact(a.id, 'Иван Петров')], invoices: [], history }],
      steps: [
        step(a.id, { id: 'a-month', date: '', month: '2026-12' }),
        step(a.id, { id: 'a-done', date: '2026-11-01', done: true }),
        step(b.id, { id: 'b-day', date: '2026-11-25' }),
      ],
    });
    const db = createDb(name);
    setDb(db);
    await db.open();
    expect(db.tables.map((t) => t.name)).not.toContain('steps');
    const pa = (await db.papers.get(a.id))!;
    expect(pa.steps.map((s) => s.id).sort()).toEqual(['a-done', 'a-month']);
    expect(pa.openKeys).toEqual(['2026-12']);
    expect(pa.history.map((h) => h.summary)).toEqual(['first']);
    expect((await db.papers.get(b.id))!).toMatchObject({ contacts: [], history: [], openKeys: ['2026-11-25'] });
    expect((await getDossierView(a.id))!.steps.map((s) => s.id)).toEqual(['a-month', 'a-done']);
    // The month opening finds a's month step through the papers' new index.
    const proposal = await proposeMonthOpening('2026-12', { capacity: 20, workingWeek: [1, 2, 3, 4, 5], holidays: [], extraWorkingDays: [] }, '2026-12-01');
    expect(proposal.assignments.map((x) => [x.dossierId, x.stepId])).toEqual([[a.id, 'a-month']]);
    expect((await searchDossiers('ива')).map((r) => r.company)).toEqual(['Alfa LLC']);
    db.close();
  });
});

describe('filing records into the papers, range by range', () => {
  it('writes each dossier\'s papers once, whichever range its records fall in, orphans included', async () => {
    const db = new Dexie(`pack-${Math.random()}`);
    db.version(1).stores({ dossiers: 'id', contacts: 'id, dossierId', invoices: 'id, dossierId', historyLogs: 'dossierId', papers: 'dossierId' });
    const ds = ['a', 'b', 'c', 'd', 'e'].map((x) => dossier(`Firm ${x}`));
    const orphanFirst = '00000000-0000-4000-8000-000000000000';
    const orphanLast = 'ffffffff-ffff-4fff-bfff-ffffffffffff';
    const contacts = [...ds.map((d) => contact(d.id, `Contact of ${d.company}`)), contact(orphanFirst, 'Early orphan'), contact(orphanLast, 'Late orphan')];
    const invoices = [invoice(ds[1]!.id, '2026-12-01'), invoice(ds[4]!.id, '2026-12-02')];
    const logs = [ds[0]!, ds[2]!, ds[4]!].map((d) => ({ dossierId: d.id, entries: [entry(d.id, '2026-11-01T09:00:00.000Z', d.company)] }));
    await db.table('dossiers').bulkAdd(ds);
    await db.table('contacts').bulkAdd(contacts);
    await db.table('invoices').bulkAdd(invoices);
    await db.table('historyLogs').bulkAdd(logs);

    await db.transaction('rw', db.tables, () => fileIntoPapers(db, PAPERS_V4, 2));
    const papers = await db.table('papers').toArray();
    expect(papers).toHaveLength(7);
    for (const d of ds) {
      const p = papers.find((x) => x.dossierId === d.id)!;
      expect(p.contacts.map((c: { name: string }) => c.name)).toEqual([`Contact of ${d.company}`]);
      expect(p.history.map((h: { summary: string }) => h.summary)).toEqual(logs.some((l) => l.dossierId === d.id) ? [d.company] : []);
    }
    expect(papers.flatMap((p) => p.invoices.map((i: { dueOn: string }) => i.dueOn)).sort()).toEqual(['2026-12-01', '2026-12-02']);
    expect(papers.find((p) => p.dossierId === orphanFirst)?.contacts).toHaveLength(1);
    expect(papers.find((p) => p.dossierId === orphanLast)?.contacts).toHaveLength(1);
    db.close();
  });
});
