import 'fake-indexeddb/auto';
import { allPaperRecords } from '../../../renderer/data/papers';
import { createDb, setDb, type TicklerDb } from '../../../renderer/data/db';
import {
  contactSchema,
  dossierSchema,
  historySchema,
  stepSchema,
  type Portfolio,
} from '../../../shared/model/records';
import { newId } from '../../../shared/model/ids';

let dbCount = 0;

/** A fresh, empty database for one test (fake-indexeddb), made the app's database. */
export function freshDb(): TicklerDb {
  const db = createDb(`sync-test-${++dbCount}-${Date.now()}`);
  setDb(db);
  return db;
}

const meta = (author: string, at = '2026-11-01T09:00:00.000Z') => ({ id: newId(), createdAt: at, updatedAt: at, author });

/**
 * `n` active dossiers, each with a contact, `historyPer` history entries and one open
 * call step on a November day (so they sit in day folders and the counters move).
 */
export function makePortfolio(n: number, opts: { owner?: string; historyPer?: number; prefix?: string } = {}): Portfolio {
  const owner = opts.owner ?? 'Ivanova';
  const p: Portfolio = { dossiers: [], contacts: [], history: [], steps: [], invoices: [], payments: [], holidays: [] };
  for (let i = 0; i < n; i++) {
    const d = dossierSchema.parse({ ...meta(owner), company: `${opts.prefix ?? 'Company'} ${i}`, owner });
    p.dossiers.push(d);
    p.contacts.push(contactSchema.parse({ ...meta(owner), dossierId: d.id, name: `Contact ${i}`, phones: ['+79990000000'] }));
    for (let h = 0; h < (opts.historyPer ?? 1); h++) {
      p.history.push(historySchema.parse({ ...meta(owner), dossierId: d.id, at: `2026-10-${String((h % 28) + 1).padStart(2, '0')}T10:00:00.000Z`, kind: 'call', outcome: 'reached', summary: `Call ${h} with ${i}` }));
    }
    p.steps.push(stepSchema.parse({ ...meta(owner), dossierId: d.id, kind: 'call', date: `2026-11-${String((i % 28) + 1).padStart(2, '0')}` }));
  }
  return p;
}

/** Everything stored, sorted by id, for exact before/after comparisons. */
export async function dump(db: TicklerDb) {
  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
  const papers = await allPaperRecords(db);
  return {
    dossiers: byId(await db.dossiers.toArray()),
    contacts: byId(papers.contacts),
    history: byId(papers.history),
    steps: byId(papers.steps),
    invoices: byId(papers.invoices),
    folderCounts: [...(await db.folderCounts.toArray())].sort((a, b) => a.key.localeCompare(b.key)),
    calendarShards: await db.calendarShards.toArray(),
    // What search finds, however the buckets happen to be split.
    searchEntries: [...new Set((await db.wordBuckets.toArray()).flatMap((b) => b.entries))].sort(),
  };
}
