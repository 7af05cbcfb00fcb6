import { expect, test } from '@playwright/test';
import { skipOnboarding } from './calendar-seed';
import { storesAt } from '../../renderer/data/migrations';
import { firstRun, MORNING, todayCount } from './first-run';

/**
 * A binder saved by an earlier version (schema 3: contacts, invoices and history logs in
 * tables of their own) is opened by this one: it is upgraded in the browser's own
 * IndexedDB, and the dossier keeps its contact, invoice and history.
 */
test('a binder stored by an earlier version opens with everything in it', async ({ page }) => {
  await page.clock.setFixedTime(MORNING);
  await skipOnboarding(page);
  // A blank page of the app's origin (so the app does not start): the old database goes in first.
  await page.route('**/blank', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }));
  await page.goto('/blank');
  await page.evaluate(async () => {
    const meta = { createdAt: '2026-11-01T08:00:00.000Z', updatedAt: '2026-11-01T08:00:00.000Z', author: 'Anna', syncBase: '' };
    const id = '11111111-1111-4111-8111-111111111111';
    await new Promise<void>((resolve, reject) => {
      // Dexie stores version n as IndexedDB version 10n: this is schema version 3, frozen.
      const req = indexedDB.open('tickler', 30);
      req.onupgradeneeded = () => {
        const db = req.result;
        const store = (name: string, keyPath: string, indexes: [string, boolean?][]) => {
          const s = db.createObjectStore(name, { keyPath });
          for (const [ix, multiEntry] of indexes) s.createIndex(ix, ix, { multiEntry: !!multiEntry });
          return s;
        };
        store('dossiers', 'id', [['fileKey'], ['words', true], ['owner'], ['company'], ['updatedAt'], ['lastContactAt'], ['status']]).put({
          ...meta, id, company: 'ООО Старый Формат', taxId: '', industry: '', segment: '', territory: '', vip: false, owner: 'Anna',
          tags: [], customFields: {}, notes: '', status: 'active', coveredFor: '', coveredUntil: '', fileKey: '2026-11-24',
          nextKind: 'call', nextTime: '', nextTitle: '', lastContactAt: '2026-11-20T10:00:00.000Z', lastSummary: 'Договорились о встрече',
          primaryName: 'Игорь Старов', primaryPhone: '+7 916 000-11-22', words: ['старый', 'формат'], calendarDates: ['2026-11-24'],
        });
        store('contacts', 'id', [['dossierId']]).put({ ...meta, id: '21111111-1111-4111-8111-111111111111', dossierId: id, name: 'Игорь Старов', position: '', phones: ['+7 916 000-11-22'], emails: [], decisionMaker: true, note: '' });
        store('invoices', 'id', [['dossierId'], ['dueOn']]).put({ ...meta, id: '31111111-1111-4111-8111-111111111111', dossierId: id, number: 'A-17', basis: '', amount: 5000, currency: 'RUB', issuedOn: '', dueOn: '2026-12-10', paidOn: '' });
        store('historyLogs', 'dossierId', []).put({ dossierId: id, entries: [{ ...meta, id: '41111111-1111-4111-8111-111111111111', dossierId: id, at: '2026-11-20T10:00:00.000Z', kind: 'call', outcome: 'agreed', summary: 'Договорились о встрече' }] });
        store('steps', 'id', [['dossierId'], ['date'], ['month']]).put({ ...meta, id: '51111111-1111-4111-8111-111111111111', dossierId: id, kind: 'call', title: '', date: '2026-11-24', month: '', time: '', durationMin: 0, remindMin: -1, done: false, doneAt: '' });
        store('folderCounts', 'key', []).put({ key: '2026-11-24', count: 1 });
        store('calendarDays', 'date', []);
        store('kv', 'key', []);
        store('snapshots', 'id', [['createdAt']]);
      };
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error);
    });
  });

  await page.goto('/');
  const row = page.getByTestId('dossier-row').filter({ hasText: 'ООО Старый Формат' });
  await expect(row).toBeVisible();
  await row.getByRole('link', { name: 'ООО Старый Формат' }).click();
  const screen = page.getByTestId('dossier-screen');
  await expect(screen).toContainText('Игорь Старов');
  await expect(screen).toContainText('A-17');
  await expect(screen).toContainText('Договорились о встрече');
  await expect(page.getByText(/Updating how your binder is stored/)).toHaveCount(0);
  // Its search words moved into the search index: the search box finds it.
  await page.goto('/#/dossiers');
  await page.getByRole('searchbox', { name: 'Search dossiers' }).fill('старый');
  await expect(page.getByTestId('dossier-row')).toHaveCount(1);
  await expect(page.getByTestId('dossier-row')).toContainText('ООО Старый Формат');
});

/**
 * The previous schema version at a real binder's size: the demo binder (300 dossiers with
 * their contacts, history, steps, invoices and payment reminders) is written back as
 * version 8 stored it (the calendar as one value per day), then the app opens it. The
 * upgrade must bring back exactly the calendar shards today's writer made, and the binder
 * must read as before.
 */
test('the demo binder stored by the previous schema version opens with the same calendar, folders and search', async ({ page }) => {
  await firstRun(page, 'demo');
  const today = await todayCount(page);
  await page.route('**/blank', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }));
  await page.goto('/blank');
  const before = await page.evaluate(async (stores) => {
    const open = (version?: number, upgrade?: (db: IDBDatabase) => void) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const req = version === undefined ? indexedDB.open('tickler') : indexedDB.open('tickler', version);
        if (upgrade) req.onupgradeneeded = () => upgrade(req.result);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const now = await open();
    type Text = string | string[];
    type Shard = { date: string; ids: Text; dossierIds: Text; companies: Text; kinds: Text; titles: Text; times: Text; durations: number[]; reminds: number[] };
    type Item = { id: string; dossierId: string; company: string; kind: string; title: string; date: string; time: string; durationMin: number; remindMin: number };
    const data: Record<string, Shard[]> = {};
    for (const name of Array.from(now.objectStoreNames)) {
      data[name] = await new Promise((resolve, reject) => {
        const req = now.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    }
    const version = now.version;
    now.close();
    await new Promise((resolve, reject) => {
      const req = indexedDB.deleteDatabase('tickler');
      req.onsuccess = resolve;
      req.onerror = () => reject(req.error);
    });
    // Version 8's day values: a day's items in display order (untimed first, by hour, ties by id).
    const byDay = new Map<string, Item[]>();
    // A shard's text columns: values joined by U+001F, or a list (calendar-days.ts, unpackColumn).
    const col = (c: Text) => (typeof c === 'string' ? c.split('\u001f') : c);
    for (const s of data.calendarShards!) {
      const [ids, dossierIds, companies, kinds, titles, times] = [s.ids, s.dossierIds, s.companies, s.kinds, s.titles, s.times].map(col) as string[][];
      const items = ids!.map((id, i) => ({ id, dossierId: dossierIds![i]!, company: companies![i]!, kind: kinds![i]!, title: titles![i]!, date: s.date, time: times![i]!, durationMin: s.durations[i]!, remindMin: s.reminds[i]! }));
      byDay.set(s.date, [...(byDay.get(s.date) ?? []), ...items]);
    }
    const days = [...byDay].map(([date, items]) => {
      items.sort((a, b) => (a.time !== b.time ? (a.time < b.time ? -1 : 1) : a.id < b.id ? -1 : 1));
      return { date, items, dossierIds: [...new Set(items.map((i) => i.dossierId))] };
    });
    // Dexie stores version n as IndexedDB version 10n; its store syntax: key first, '*' multiEntry, '[a+b]' compound.
    const keyPath = (spec: string) => (spec.startsWith('[') ? spec.slice(1, -1).split('+') : spec);
    const old = await open(80, (db) => {
      for (const [name, spec] of Object.entries(stores)) {
        const [key, ...indexes] = spec.split(',').map((s) => s.trim());
        const store = db.createObjectStore(name, { keyPath: keyPath(key!) });
        for (const ix of indexes) store.createIndex(ix.replace('*', ''), keyPath(ix.replace('*', '')), { multiEntry: ix.startsWith('*') });
      }
    });
    // Version 8's receivables rows carried no dossier fields (rows indexed since carry them).
    const valuesOf = (name: string): unknown[] =>
      name === 'calendarDays' ? days : name === 'receivables' ? (data[name] ?? []).map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'dossier'))) : (data[name] ?? []);
    const tx = old.transaction(Object.keys(stores), 'readwrite');
    for (const name of Object.keys(stores)) for (const value of valuesOf(name)) tx.objectStore(name).put(value);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    old.close();
    const company = (data.dossiers as unknown as { company: string }[])[0]!.company;
    return { version, shards: data.calendarShards!, dossiers: data.dossiers!.length, days: days.length, company };
  }, storesAt(8));
  expect(before.dossiers).toBeGreaterThanOrEqual(300);
  expect(before.days).toBeGreaterThan(10);

  await page.goto('/');
  await expect(page.getByTestId('today-load')).toBeVisible({ timeout: 30_000 });
  expect(await todayCount(page)).toBe(today);
  const after = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('tickler');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const shards = await new Promise<unknown[]>((resolve, reject) => {
      const req = db.transaction('calendarShards').objectStore('calendarShards').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const stores = Array.from(db.objectStoreNames);
    db.close();
    return { version: db.version, shards, stores };
  });
  expect(after.version).toBe(before.version);
  expect(after.stores).not.toContain('calendarDays');
  expect(after.shards).toEqual(before.shards);
  // The calendar shows the month's load, and search finds a dossier by a word of its company.
  await page.goto('/#/calendar');
  await expect(page.locator('.cal-load').first()).toBeVisible();
  await page.goto('/#/dossiers');
  const word = before.company.replace(/["«»]/g, ' ').split(/\s+/).filter((w) => w.length >= 4).at(-1)!;
  await page.getByRole('searchbox', { name: 'Search dossiers' }).fill(word);
  await expect(page.getByTestId('dossier-row').filter({ hasText: before.company }).first()).toBeVisible();
});
