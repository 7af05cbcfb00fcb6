/**
 * A binder stored by every earlier schema version opens in this one with nothing lost:
 * every dossier, contact, history entry, step and invoice, and derived stores (rows,
 * folder counters, calendar shards, search index, the papers' folder index) equal to what
 * today's bulk writer derives from the same records.
 *
 * Each older database is written with raw table operations in the shape that version
 * stored (its stores accumulated from the migration files, its values laid out by hand
 * below), then opened by createDb, which runs every upgrade from there.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { generateDemoPortfolio } from '../../../shared/demo/generate-demo-portfolio';
import type { Portfolio } from '../../../shared/model/records';
import { createDb, setDb, type CalendarItem, type CalendarShard, type DossierPapers, type DossierRow, type TicklerDb } from '../../../renderer/data/db';
import { MIGRATIONS, storesAt } from '../../../renderer/data/migrations';
import { itemsOf } from '../../../renderer/data/calendar-days';
import { readPortfolio, writePortfolio } from '../../../renderer/data/portfolio-repo';
import { searchDossiers } from '../../../renderer/data/search-repo';
import { listReceivables } from '../../../renderer/data/receivables-repo';
import { undoLast } from '../../../renderer/data/refile';
import { contact, entry, invoice, dossier as row, step } from './record-factories';
import { baseDossier } from '../../../renderer/data/derive-row';
import type { WordBucket } from '../../../renderer/data/stored-rows';

const TODAY = '2026-11-24';

/** The demo binder plus the cases it lacks: an archived dossier with an open step, one filed in a month folder. */
function fixture(): Portfolio {
  const p = generateDemoPortfolio({ dossiers: 120, today: TODAY, seed: 7 });
  const gone = baseDossier(row('Archived Ltd', { status: 'archived' }));
  const month = baseDossier(row('Sometime SRL'));
  return {
    ...p,
    dossiers: [...p.dossiers, gone, month],
    contacts: [...p.contacts, contact(gone.id, 'Ștefan Ionescu'), contact(month.id, 'Ана Ёлкина')],
    history: [...p.history, entry(gone.id, '2026-10-01T09:00:00.000Z', 'long ago'), entry(gone.id, '2026-09-01T09:00:00.000Z', 'longer ago')],
    steps: [...p.steps, step(gone.id, { date: '2026-11-24', time: '10:00' }), step(month.id, { month: '2026-12' }), step(month.id, { date: '2026-11-02', done: true })],
    invoices: [...p.invoices, invoice(gone.id, '2026-12-01')],
  };
}

/** What today's code stores for the portfolio: the reference every upgrade must reach. */
interface Stored {
  rows: DossierRow[];
  papers: DossierPapers[];
  folderCounts: { key: string; count: number }[];
  calendarShards: CalendarShard[];
  wordBuckets: unknown[];
  wordEntries: string[];
  receivables: unknown[];
  receivableDays: unknown[];
}

async function storedOf(db: TicklerDb): Promise<Stored> {
  const byId = <T extends { id: string }>(xs: T[]): T[] => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
  const papers = (await db.papers.toArray()).map((p) => ({
    ...p, contacts: byId(p.contacts), invoices: byId(p.invoices), payments: byId(p.payments ?? []), steps: byId(p.steps), openKeys: [...p.openKeys].sort(),
  }));
  return {
    rows: await db.dossiers.toArray(),
    papers,
    folderCounts: await db.folderCounts.toArray(),
    calendarShards: await db.calendarShards.toArray(),
    wordBuckets: await db.wordBuckets.toArray(),
    wordEntries: (await db.wordBuckets.toArray()).flatMap((b) => b.entries).sort(),
    receivables: await db.receivables.toArray(),
    receivableDays: await db.receivableDays.toArray(),
  };
}

const portfolio = fixture();
let n = 0;

async function reference(): Promise<Stored> {
  const db = createDb(`upgrade-ref-${n++}`);
  setDb(db);
  await writePortfolio(portfolio);
  const stored = await storedOf(db);
  db.close();
  return stored;
}

/**
 * The calendar as versions 2 to 9 stored it, one value per day: the day's items in display
 * order (untimed first, then by hour, ties by id) and its distinct dossiers in that order.
 */
function calendarDaysV8(shards: readonly CalendarShard[]): { date: string; items: CalendarItem[]; dossierIds: string[] }[] {
  const byDay = new Map<string, CalendarItem[]>();
  for (const s of shards) byDay.set(s.date, [...(byDay.get(s.date) ?? []), ...itemsOf(s)]);
  const order = (a: CalendarItem, b: CalendarItem) => (a.time !== b.time ? (a.time < b.time ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return [...byDay].map(([date, items]) => {
    items.sort(order);
    return { date, items, dossierIds: [...new Set(items.map((i) => i.dossierId))] };
  });
}

/**
 * The search index as versions 6 to 10 filed it: a bucket per first two letters, its
 * entries in sealed fragments of 100 (seq an id) and an open head (seq '') for the rest.
 */
function wordBucketsV10(entries: readonly string[]): WordBucket[] {
  const byPrefix = new Map<string, string[]>();
  for (const e of entries) {
    const prefix = e.slice(0, Math.min(2, e.indexOf('\u0001')));
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), e]);
  }
  return [...byPrefix].flatMap(([prefix, list]) => {
    const sealed = Math.floor(list.length / 100);
    const out: WordBucket[] = Array.from({ length: sealed }, (_, i) => ({ prefix, seq: `0000000${i}-sealed`, entries: list.slice(i * 100, (i + 1) * 100) }));
    return list.length > sealed * 100 ? [...out, { prefix, seq: '', entries: list.slice(sealed * 100) }] : out;
  });
}

const sometime = (ref: Stored) => ref.rows.find((r) => r.company === 'Sometime SRL')!;

/**
 * The undo stack as versions before 12 kept it, one kv value listing the actions oldest
 * first: an archive with nothing to restore, then an edit of Sometime SRL's notes.
 */
function undoStackBefore12(ref: Stored): unknown[] {
  const at = '2026-11-24T09:00:00.000Z';
  const row = sometime(ref);
  return [
    { label: 'archive: Archived Ltd', action: 'archive', subject: 'Archived Ltd', at, priors: [] },
    { label: 'edit: Sometime SRL', action: 'edit', subject: 'Sometime SRL', at, priors: [{ kind: 'dossiers', id: row.id, dossierId: row.id, before: { ...row, notes: 'before the edit' } }] },
  ];
}

const withoutKeys = <T extends object>(o: T, ...keys: string[]): T => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k))) as T;

/** The receivables rows as version 8 indexed them: without the dossier's fields. */
const receivablesV8 = (ref: Stored) => ref.receivables.map((r) => withoutKeys(r as object, 'dossier'));

/** The values a binder of `version` holds, table by table, for the reference's records. */
function tablesAt(version: number, ref: Stored): Record<string, unknown[]> {
  const { contacts, history, steps, invoices } = portfolio;
  const logs = [...new Set(history.map((h) => h.dossierId))].map((id) => ({
    dossierId: id,
    entries: ref.papers.find((p) => p.dossierId === id)!.history,
  }));
  // Version 1 rows had no calendarDates (version 2 added them), and no calendar days existed.
  const rows = version === 1 ? ref.rows.map((r) => withoutKeys(r, 'calendarDates')) : ref.rows;
  const common = { dossiers: rows, folderCounts: ref.folderCounts, kv: [{ key: 'settings-seen', value: true }, { key: 'undo-stack', value: undoStackBefore12(ref) }] };
  const calendar: Record<string, unknown[]> = version >= 2 ? { calendarDays: calendarDaysV8(ref.calendarShards) } : {};
  // Payments joined the papers in version 8.
  const papersV7 = ref.papers.map((p) => withoutKeys(p, 'payments'));
  switch (version) {
    case 1:
      return { ...common, contacts, history, steps, invoices };
    case 2:
      // Version 2 copied the entries into logs and left the old table in place until version 3.
      return { ...common, ...calendar, contacts, history, historyLogs: logs, steps, invoices };
    case 3:
      return { ...common, ...calendar, contacts, historyLogs: logs, steps, invoices };
    case 4:
    case 5: {
      // Papers without steps: those stayed in their table until version 6.
      const papers = ref.papers.map((p) => withoutKeys(p, 'steps', 'openKeys', 'payments'));
      return { ...common, ...calendar, papers, steps };
    }
    case 6:
    case 7:
      return { ...common, ...calendar, papers: papersV7, wordBuckets: wordBucketsV10(ref.wordEntries) };
    case 8:
    case 9:
    case 10:
    case 11: {
      // Version 8 built its receivables index from the papers (rows without the dossier's
      // fields: rows indexed since carry them); version 9 kept the day values beside their shards until 10.
      const v8 = { ...common, ...calendar, papers: ref.papers, wordBuckets: wordBucketsV10(ref.wordEntries), receivables: receivablesV8(ref), receivableDays: ref.receivableDays };
      if (version === 8) return v8;
      if (version === 9) return { ...v8, calendarShards: ref.calendarShards };
      const v10 = { ...withoutKeys(v8, 'calendarDays'), calendarShards: ref.calendarShards };
      // Version 11 filed the search words as today's writer does.
      return version === 10 ? v10 : { ...v10, wordBuckets: ref.wordBuckets };
    }
    default:
      throw new Error(`no layout for version ${version}`);
  }
}

async function storeAs(name: string, version: number, tables: Record<string, unknown[]>): Promise<void> {
  const old = new Dexie(name);
  old.version(version).stores(storesAt(version));
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, values] of Object.entries(tables)) await old.table(table).bulkAdd(values);
  });
  old.close();
}

describe('opening a binder stored by an earlier schema version', () => {
  const current = MIGRATIONS[MIGRATIONS.length - 1]!.version;
  const older = MIGRATIONS.map((m) => m.version).filter((v) => v < current);

  it('covers every earlier version', () => {
    expect(older).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it.each(older)('from version %i keeps every record and derives what today\'s writer derives', async (version) => {
    const ref = await reference();
    const name = `upgrade-from-${version}-${n++}`;
    await storeAs(name, version, tablesAt(version, ref));

    const db = createDb(name);
    setDb(db);
    await db.open();
    expect(db.verno).toBe(current);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['calendarShards', 'dossiers', 'folderCounts', 'kv', 'papers', 'receivableDays', 'receivables', 'snapshots', 'wordBuckets']);

    const got = await storedOf(db);
    expect(got.rows).toEqual(ref.rows);
    expect(got.papers).toEqual(ref.papers);
    expect(got.folderCounts).toEqual(ref.folderCounts);
    expect(got.calendarShards).toEqual(ref.calendarShards);
    expect(got.wordEntries).toEqual(ref.wordEntries);
    // Filed in groups by the words' third letter (version 11), as today's writer files them.
    expect((got.wordBuckets as WordBucket[]).filter((b) => !b.seq.startsWith('\u0002')).map((b) => b.seq)).toEqual([]);
    // The rows keep no dossier fields (no upgrade adds them); the screen reads them from the dossiers.
    expect(got.receivables).toEqual(receivablesV8(ref));
    const overdue = await listReceivables({ view: 'overdue', today: TODAY, limit: 10_000 });
    expect(overdue.length).toBeGreaterThan(0);
    const companyOf = new Map(ref.rows.map((r) => [r.id, r.company]));
    for (const item of overdue) expect(item.company).toBe(companyOf.get(item.dossierId));
    expect(got.receivableDays).toEqual(ref.receivableDays);
    expect(await db.kv.get('settings-seen')).toEqual({ key: 'settings-seen', value: true });

    // Every record comes back out, as the export reads them.
    const back = await readPortfolio({ kind: 'all' });
    const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();
    expect(ids(back.dossiers)).toEqual(ids(portfolio.dossiers));
    expect(ids(back.contacts)).toEqual(ids(portfolio.contacts));
    expect(ids(back.history)).toEqual(ids(portfolio.history));
    expect(ids(back.steps)).toEqual(ids(portfolio.steps));
    expect(ids(back.invoices)).toEqual(ids(portfolio.invoices));
    const byId = new Map(portfolio.history.map((h) => [h.id, h]));
    for (const h of back.history) expect(h).toEqual(byId.get(h.id));

    // The search finds a contact's name (a word of the search index).
    expect((await searchDossiers('елкина')).map((r) => r.company)).toEqual(['Sometime SRL']);

    // The undo stack (one value until version 12, one per action since) undoes newest first.
    expect(await db.kv.get('undo-stack')).toBeUndefined();
    expect(await undoLast()).toMatchObject({ action: 'edit', subject: 'Sometime SRL' });
    expect((await db.dossiers.get(sometime(ref).id))!.notes).toBe('before the edit');
    expect(await undoLast()).toMatchObject({ action: 'archive', subject: 'Archived Ltd' });
    expect(await undoLast()).toBeNull();
    db.close();
  });
});
