import { expect, test } from '@playwright/test';
import { skipOnboarding } from './calendar-seed';
import { MORNING } from './first-run';

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
