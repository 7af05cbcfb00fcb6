/**
 * Seeds dossiers straight into the app's IndexedDB for the calendar, reminder and print
 * specs: the app opens the database first (so Dexie owns the schema), then records and the
 * derived values (row fields, folder counters, calendar days, the papers, the search
 * index; see renderer/data/db.ts) go in through the raw IndexedDB API, and the page reloads.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';

export interface SeedStep {
  date: string;
  time?: string;
  kind?: 'call' | 'meeting' | 'email' | 'letter' | 'task' | 'payment';
  title?: string;
  durationMin?: number;
  remindMin?: number;
}
export interface SeedDossier {
  company: string;
  taxId?: string;
  notes?: string;
  contact?: { name: string; position?: string; phone?: string };
  history?: { at: string; summary: string; kind?: string; outcome?: string }[];
  steps: SeedStep[];
  segment?: 'large' | 'medium' | 'small';
  /** A handover: worked on behalf of this manager until `coveredUntil`. */
  coveredFor?: string;
  coveredUntil?: string;
}

export interface Seeded {
  dossierIds: string[];
  stepIds: string[][];
}

export async function seedDossiers(page: Page, dossiers: SeedDossier[]): Promise<Seeded> {
  const meta = { createdAt: '2026-11-01T08:00:00.000Z', updatedAt: '2026-11-01T08:00:00.000Z', author: 'Anna', syncBase: '' };
  const records = dossiers.map((d) => {
    const id = randomUUID();
    const steps = d.steps.map((s) => ({
      ...meta, id: randomUUID(), dossierId: id, kind: s.kind ?? 'call', title: s.title ?? '', date: s.date, month: '',
      time: s.time ?? '', durationMin: s.durationMin ?? 0, remindMin: s.remindMin ?? -1, done: false, doneAt: '',
    }));
    const contacts = d.contact
      ? [{ ...meta, id: randomUUID(), dossierId: id, name: d.contact.name, position: d.contact.position ?? '', phones: d.contact.phone ? [d.contact.phone] : [], emails: [], decisionMaker: true, note: '' }]
      : [];
    const history = (d.history ?? []).map((h) => ({
      ...meta, id: randomUUID(), dossierId: id, at: h.at, kind: h.kind ?? 'call', outcome: h.outcome ?? 'reached', summary: h.summary,
    }));
    const next = [...steps].sort((a, b) => (a.date + a.time < b.date + b.time ? -1 : 1))[0]!;
    const last = [...history].sort((a, b) => (a.at < b.at ? 1 : -1))[0];
    const row = {
      ...meta, id, company: d.company, taxId: d.taxId ?? '', industry: '', segment: d.segment ?? '', territory: '', vip: false, owner: 'Anna',
      tags: [], customFields: {}, notes: d.notes ?? '', status: 'active', coveredFor: d.coveredFor ?? '', coveredUntil: d.coveredUntil ?? '',
      fileKey: next.date, nextKind: next.kind, nextTime: next.time, nextTitle: next.title,
      lastContactAt: last?.at ?? '', lastSummary: last?.summary ?? '',
      primaryName: contacts[0]?.name, primaryPhone: contacts[0]?.phones[0],
      words: d.company.toLowerCase().split(/\s+/),
      calendarDates: [...new Set(steps.map((s) => s.date))].sort(),
    };
    return { row, steps, contacts, history };
  });
  await page.evaluate(async (recs) => {
    // The app creates its database when it starts: wait for it (opening a database that is
    // not there yet would create an empty one under the app's name).
    let db: IDBDatabase | undefined;
    for (let i = 0; i < 200 && !db; i++) {
      if ((await indexedDB.databases()).some((d) => d.name === 'tickler')) {
        const opened = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('tickler');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        if (opened.objectStoreNames.contains('wordBuckets')) db = opened;
        else opened.close();
      }
      if (!db) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (!db) throw new Error('the app did not create its database');
    const tx = db.transaction(['dossiers', 'papers', 'folderCounts', 'calendarShards', 'wordBuckets'], 'readwrite');
    // The app's calendar-days.ts shardOf, written out: this runs in the page, apart from the app's modules.
    const shardOf = (id: string) => {
      let h = 0x811c9dc5;
      for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
      return (h >>> 0) % 16;
    };
    const counts = new Map<string, number>();
    const buckets = new Map<string, string[]>();
    type Item = { id: string; dossierId: string; company: string; kind: string; title: string; date: string; time: string; durationMin: number; remindMin: number };
    const days = new Map<string, Item[]>();
    for (const r of recs) {
      tx.objectStore('dossiers').put(r.row);
      for (const w of r.row.words) buckets.set(w.slice(0, 2), [...(buckets.get(w.slice(0, 2)) ?? []), `${w}\u0001${r.row.id}`]);
      for (const s of r.steps) {
        const item = { id: s.id, dossierId: s.dossierId, company: r.row.company, kind: s.kind, title: s.title, date: s.date, time: s.time, durationMin: s.durationMin, remindMin: s.remindMin };
        const key = `${s.date}|${shardOf(s.dossierId)}`;
        days.set(key, [...(days.get(key) ?? []), item]);
      }
      const history = [...r.history].sort((a, b) => (a.at < b.at ? -1 : 1));
      const openKeys = [...new Set(r.steps.map((s) => s.date))];
      tx.objectStore('papers').put({ dossierId: r.row.id, contacts: r.contacts, invoices: [], steps: r.steps, openKeys, history });
      counts.set(r.row.fileKey, (counts.get(r.row.fileKey) ?? 0) + 1);
    }
    for (const [key, count] of counts) tx.objectStore('folderCounts').put({ key, count });
    for (const [prefix, entries] of buckets) tx.objectStore('wordBuckets').put({ prefix, seq: '', entries });
    for (const [key, items] of days) {
      items.sort((a, b) => (a.time !== b.time ? (a.time < b.time ? -1 : 1) : a.id < b.id ? -1 : 1));
      const [date, shard] = key.split('|');
      // As calendar-days.ts stores a shard: its items as columns, text joined by U+001F (the seed's text never holds it).
      const text = (f: (i: Item) => string) => items.map(f).join('\u001f');
      tx.objectStore('calendarShards').put({
        date, shard: Number(shard), count: items.length, ids: text((i) => i.id), dossierIds: text((i) => i.dossierId), companies: text((i) => i.company),
        kinds: text((i) => i.kind), titles: text((i) => i.title), times: text((i) => i.time), durations: items.map((i) => i.durationMin),
        reminds: items.map((i) => i.remindMin), dossiers: new Set(items.map((i) => i.dossierId)).size,
      });
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, records);
  return { dossierIds: records.map((r) => r.row.id), stepIds: records.map((r) => r.steps.map((s) => s.id)) };
}

/** Reads one stored record by store and key (what the app persisted). */
export async function readRecord<T>(page: Page, store: string, key: string): Promise<T | undefined> {
  return page.evaluate(
    async ({ store, key }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('tickler');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const value = await new Promise<unknown>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).get(key);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      db.close();
      return value as never;
    },
    { store, key },
  );
}

/** Skips first-run onboarding: the manager is set up. */
export async function skipOnboarding(page: Page, extra: Record<string, unknown> = {}): Promise<void> {
  await page.addInitScript((settings) => {
    window.localStorage.setItem('tickler.settings', JSON.stringify(settings));
  }, { onboarded: true, managerName: 'Anna', language: 'en', ...extra });
}
