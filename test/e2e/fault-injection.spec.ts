import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { generateDemoPortfolio } from '../../shared/demo/generate-demo-portfolio';
import { writePortfolioWorkbook } from '../../shared/workbook';
import { asOnboarded, MORNING } from './first-run';
import { seedDossiers, type SeedDossier } from './calendar-seed';

/**
 * Fault injection (issue 12): each case breaks something under the app (the disk fills up,
 * the window closes mid-write, the database is deleted, a stored value is damaged, the
 * settings fail their schema) and asserts that nothing the manager had is lost.
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A portfolio workbook of `n` demo dossiers, as another binder would export it. */
function demoWorkbook(n: number): Buffer {
  const p = generateDemoPortfolio({ dossiers: n, today: '2026-11-24', owner: 'Anna', seed: 7 });
  return Buffer.from(writePortfolioWorkbook(p, { appVersion: '0.1.0', exportedBy: 'Boris', scope: 'all', language: 'en' }));
}

const MINE: SeedDossier[] = [
  { company: 'Vector LLC', contact: { name: 'Irina' }, history: [{ at: '2026-11-10T10:00:00.000Z', summary: 'Sent the offer' }], steps: [{ date: '2026-11-24' }] },
  { company: 'Zeta Steel', contact: { name: 'Pavel' }, steps: [{ date: '2026-11-26' }] },
  { company: 'Omega Foods', history: [{ at: '2026-11-12T10:00:00.000Z', summary: 'Asked for a discount' }], steps: [{ date: '2026-12-01' }] },
];

/** What the binder holds, read straight from IndexedDB: counts, and the companies with their history. */
async function binder(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('tickler');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
        req.onerror = () => reject(req.error);
      });
    const dossiers = await all<{ id: string; company: string; fileKey?: string }>('dossiers');
    const papers = await all<{ dossierId: string; history: unknown }>('papers');
    const counts = await all<{ count: number }>('folderCounts');
    db.close();
    // A damaged value reads as "damaged", not as a crash of the check.
    const history = new Map(papers.map((p) => [p.dossierId, Array.isArray(p.history) ? p.history.map((h: { summary: string }) => h.summary) : 'damaged']));
    return {
      dossiers: dossiers.length,
      papers: papers.length,
      filed: counts.reduce((s, c) => s + c.count, 0),
      active: dossiers.filter((d) => d.fileKey).length,
      companies: Object.fromEntries(dossiers.map((d) => [d.company, history.get(d.id) ?? []])),
    };
  });
}

/** My three dossiers are all there with their history. */
function expectMine(b: Awaited<ReturnType<typeof binder>>): void {
  expect(b.companies['Vector LLC']).toEqual(['Sent the offer']);
  expect(b.companies['Zeta Steel']).toEqual([]);
  expect(b.companies['Omega Foods']).toEqual(['Asked for a discount']);
}

/** Anna's binder with her three dossiers, opened once more so the app has counted them. */
async function openMyBinder(page: Page, route = '/#/sync') {
  await asOnboarded(page, 'Anna', MORNING);
  await page.goto(route);
  await expect(page.locator('.sidebar')).toBeVisible();
  await seedDossiers(page, MINE);
  await page.reload();
  await expect(page.locator('.sidebar')).toBeVisible();
  await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('tickler.binderMarker') ?? 'null')?.dossiers)).toBe(3);
}

async function chooseImport(page: Page, data: Buffer, name = 'colleague.xlsx') {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-start').click();
  await (await chooser).setFiles({ name, mimeType: XLSX, buffer: data });
  await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 90_000 });
  await page.getByTestId('import-apply').click();
}

/**
 * Fills the origin's quota. CDP's Storage.overrideQuotaForOrigin first; Chromium 156
 * acknowledges it without applying it (navigator.storage.estimate() keeps the old quota and
 * writes go through), so the page's IndexedDB then fails the way a full disk makes it fail:
 * every put throws a DOMException named QuotaExceededError, and the transaction aborts.
 */
async function fillQuota(page: Page): Promise<(full: boolean) => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(page.url()).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  const quota = await page.evaluate(async () => (await navigator.storage.estimate()).quota ?? 0);
  if (quota <= 1) return async (full) => void (await cdp.send('Storage.overrideQuotaForOrigin', full ? { origin, quotaSize: 1 } : { origin }));
  console.log(`Storage.overrideQuotaForOrigin not applied by this Chromium (quota still ${quota}): a full disk is injected into IndexedDB's writes instead.`);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  // In the window and in every worker (the import writes from its own): each has its own IndexedDB API.
  const patch = (full: boolean) => {
    const g = globalThis as unknown as { __quotaFull?: boolean; __quotaPatched?: boolean };
    g.__quotaFull = full;
    if (g.__quotaPatched) return;
    g.__quotaPatched = true;
    for (const name of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[name];
      IDBObjectStore.prototype[name] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (g.__quotaFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.apply(this, args);
      };
    }
  };
  let current = true;
  page.on('worker', (w) => void w.evaluate(patch, current).catch(() => undefined));
  const set = async (full: boolean) => {
    current = full;
    await page.evaluate(patch, full);
    await Promise.all(page.workers().map((w) => w.evaluate(patch, full).catch(() => undefined)));
  };
  await set(true);
  return set;
}

/** After a restore from the recovery screen: the manager's 3 dossiers are back, filed, and stay so after a reload. */
async function expectRestoredAcrossReload(page: Page): Promise<void> {
  await expect(page.locator('.sidebar')).toBeVisible({ timeout: 30_000 });
  const b = await binder(page);
  expect(b.dossiers).toBe(3);
  expect(b.filed).toBe(3);
  expectMine(b);
  await page.reload();
  await expect(page.getByTestId('recovery')).toHaveCount(0);
}

test('the disk fills up during an import: a clear message, nothing half-written, and the retry works', async ({ page }) => {
  test.setTimeout(120_000);
  const file = demoWorkbook(400);
  await openMyBinder(page);
  const setFull = await fillQuota(page);

  await chooseImport(page, file);
  await expect(page.getByText(/The disk is full .*nothing was saved\. Free some space, then try again\./)).toBeVisible({ timeout: 30_000 });
  let b = await binder(page);
  expect(b.dossiers).toBe(3);
  expect(b.papers).toBe(3);
  expect(b.filed).toBe(3);
  expectMine(b);

  // Space freed: the same import goes through.
  await setFull(false);
  await page.getByRole('button', { name: 'Close' }).first().click();
  await chooseImport(page, file);
  // The toast repeats the preview's counts (every new record, not only dossiers); the binder is checked below.
  await expect(page.getByText(/Imported: [\d,  ]+ new/)).toBeVisible({ timeout: 30_000 });
  b = await binder(page);
  expect(b.dossiers).toBe(403);
  expect(b.papers).toBe(403);
  expect(b.filed).toBe(b.active);
  expectMine(b);
});

test('the window closes in the middle of an import: reopened, the import is there whole or not at all', async ({ page, context }) => {
  test.setTimeout(180_000);
  const file = demoWorkbook(2000);
  await openMyBinder(page);
  await chooseImport(page, file);
  // The progress of the database write: the import's one transaction is running.
  await expect(page.getByTestId('sync-progress')).toContainText('Saving…', { timeout: 30_000 });
  await page.close({ runBeforeUnload: false });

  const again = await context.newPage();
  await again.goto('/#/today');
  await expect(again.locator('.sidebar')).toBeVisible();
  const b = await binder(again);
  expect([3, 2003]).toContain(b.dossiers);
  expect(b.papers).toBe(b.dossiers);
  expect(b.filed).toBe(b.active);
  expectMine(b);
  await expect(again.getByTestId('recovery')).toHaveCount(0);
});

test('a deleted database with the marker present stops on the recovery screen, and a backup restores everything', async ({ page }) => {
  await openMyBinder(page);
  const pending = page.waitForEvent('download');
  await page.getByTestId('backup-now').click();
  const backup = await pending;
  const backupPath = `.tmp/fault-${backup.suggestedFilename()}`;
  await backup.saveAs(backupPath);

  // The storage is wiped under the app (Electron has done it on upgrade and on a full disk).
  await page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase('tickler');
    req.onsuccess = resolve;
    req.onerror = () => reject(req.error);
  }));
  await page.reload();
  const recovery = page.getByTestId('recovery');
  await expect(recovery).toBeVisible();
  await expect(recovery).toContainText('held 3 dossiers');
  // No first run over it, and no binder screens to write into an empty database.
  await expect(page.getByTestId('onboarding')).toHaveCount(0);
  await expect(page.locator('.sidebar')).toHaveCount(0);

  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('recovery-restore-file').click();
  await (await chooser).setFiles({ name: backup.suggestedFilename(), mimeType: XLSX, buffer: fs.readFileSync(backupPath) });
  const confirm = page.getByTestId('recovery-confirm');
  await expect(confirm).toContainText('3 dossiers, 2 contact history entries');
  await expect(confirm.getByTestId('restore-problems')).toContainText('No problems found');
  await confirm.getByRole('button', { name: 'Restore' }).click();

  await expectRestoredAcrossReload(page);
  await expect(page.locator('.sidebar')).toBeVisible();
});

test('a damaged stored value breaks one screen, not the window, and loses nothing else', async ({ page }) => {
  await openMyBinder(page, '/#/today');
  const zeta = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('tickler');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const rows = await new Promise<{ id: string; company: string }[]>((resolve) => {
      const req = db.transaction('dossiers').objectStore('dossiers').getAll();
      req.onsuccess = () => resolve(req.result);
    });
    const id = rows.find((r) => r.company === 'Zeta Steel')!.id;
    // Its papers come back as something that is not papers (a torn write, a bad tool).
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('papers', 'readwrite');
      tx.objectStore('papers').put({ dossierId: id, contacts: 'damaged', invoices: 7, steps: null, openKeys: [], history: {} });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return id;
  });

  await page.goto(`/#/dossier/${zeta}`);
  const broken = page.getByTestId('screen-error');
  await expect(broken).toBeVisible();
  await expect(broken).toContainText('This screen stopped working');
  await expect(broken.getByRole('button', { name: 'Reload' })).toBeVisible();
  await expect(broken.locator('details pre')).toBeHidden();
  // The rest of the window works.
  await page.getByRole('link', { name: /Today/ }).click();
  await expect(page.getByTestId('screen-error')).toHaveCount(0);
  await expect(page.getByTestId('today-load')).toBeVisible();
  // Nothing was written over the damaged value, and every other dossier is whole.
  const b = await binder(page);
  expect(b.dossiers).toBe(3);
  expect(b.companies['Zeta Steel']).toBe('damaged');
  expect(b.companies['Vector LLC']).toEqual(['Sent the offer']);
  expect(b.companies['Omega Foods']).toEqual(['Asked for a discount']);
  await page.getByRole('link', { name: /Dossiers/ }).click();
  await expect(page.getByTestId('dossier-row')).toHaveCount(3);
});

test('settings that fail their schema keep the manager in the binder, never in the first run', async ({ page }) => {
  await openMyBinder(page, '/#/today');
  // One bad value: the other settings survive.
  await page.evaluate(() => localStorage.setItem('tickler.settings', JSON.stringify({ onboarded: true, managerName: 'Anna', language: 'en', capacity: 'lots' })));
  await page.reload();
  await expect(page.getByTestId('today-load')).toBeVisible();
  await page.goto('/#/settings');
  await expect(page.getByLabel('Your name')).toHaveValue('Anna');

  // A settings file that is not even JSON resets everything, `onboarded` and the name too:
  // the binder still skips the first run (no demo offered); only the name is asked again.
  await page.evaluate(() => localStorage.setItem('tickler.settings', '{"onboarded": tru'));
  await page.goto('/#/today');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Who is working in this binder?' })).toBeVisible();
  await expect(page.getByTestId('start-demo')).toHaveCount(0);
  await expect(page.getByTestId('start-empty')).toHaveCount(0);
  await page.getByLabel('Your name').fill('Anna');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('today-load')).toBeVisible();
  await expect(page.getByTestId('onboarding')).toHaveCount(0);
  const b = await binder(page);
  expect(b.dossiers).toBe(3);
  expectMine(b);
  // And the binder is taken as set up from now on.
  expect(JSON.parse((await page.evaluate(() => localStorage.getItem('tickler.settings')))!).onboarded).toBe(true);
});

/** The newest snapshot's stream copy as a file's bytes: what Electron writes as a daily backup (.json.gz). */
async function newestCopy(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('tickler');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const rows = await new Promise<{ id: string; blob?: Blob }[]>((resolve) => {
      const req = db.transaction('snapshots').objectStore('snapshots').getAll();
      req.onsuccess = () => resolve(req.result);
    });
    db.close();
    const copies = rows.filter((r) => r.blob);
    if (copies.length !== 1) throw new Error(`${copies.length} copies stored`);
    return Array.from(new Uint8Array(await copies[0]!.blob!.arrayBuffer()));
  });
  return Buffer.from(bytes);
}

test('a stream copy (the daily backup) restores a wiped binder on the recovery screen; a cut one is refused and changes nothing', async ({ page }) => {
  test.setTimeout(120_000);
  await openMyBinder(page);
  // The import's snapshot is a copy of my three dossiers.
  await chooseImport(page, demoWorkbook(5));
  await expect(page.getByText(/Imported: [\d,  ]+ new/)).toBeVisible({ timeout: 30_000 });
  const copy = await newestCopy(page);
  expect(copy.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
  const name = 'tickler-daily-2026-11-24T09-00-00-000Z-d3.json.gz';

  const restoreFile = async (button: string, buffer: Buffer) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId(button).click();
    await (await chooser).setFiles({ name, mimeType: 'application/gzip', buffer });
  };
  // The header at its start still reads; the cut shows while restoring, which then changes nothing.
  await restoreFile('restore-file', copy.subarray(0, copy.length - 64));
  await page.getByTestId('restore-confirm').getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText('This backup is damaged (cut short or changed since it was written), so it cannot be restored. Your portfolio was not changed.')).toBeVisible({ timeout: 30_000 });
  expect((await binder(page)).dossiers).toBe(8);

  await page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase('tickler');
    req.onsuccess = resolve;
    req.onerror = () => reject(req.error);
  }));
  await page.reload();
  await expect(page.getByTestId('recovery')).toBeVisible();
  await restoreFile('recovery-restore-file', copy);
  const confirm = page.getByTestId('recovery-confirm');
  await expect(confirm).toContainText('3 dossiers with their contact history');
  await confirm.getByRole('button', { name: 'Restore' }).click();
  await expectRestoredAcrossReload(page);
});

test('the import is cancelled while it saves: nothing of it is stored, and the binder works on', async ({ page }) => {
  test.setTimeout(180_000);
  const file = demoWorkbook(2000);
  await openMyBinder(page);
  await chooseImport(page, file);
  // The import worker's one transaction is running; Cancel stops the worker, which aborts it.
  const progress = page.getByTestId('sync-progress');
  await expect(progress).toContainText('Saving…', { timeout: 30_000 });
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Import cancelled: nothing was changed.')).toBeVisible();
  const b = await binder(page);
  expect(b.dossiers).toBe(3);
  expect(b.papers).toBe(3);
  expect(b.filed).toBe(3);
  expectMine(b);
  // The same file imports whole afterwards.
  await chooseImport(page, file);
  await expect(page.getByText(/Imported: [\d,  ]+ new/)).toBeVisible({ timeout: 60_000 });
  expect((await binder(page)).dossiers).toBe(2003);
});
