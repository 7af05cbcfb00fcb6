import fs from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { openSyncAs } from './first-run';
import { readRecord, seedDossiers } from './calendar-seed';

/**
 * Scenario 5, the leave handover, between two browser contexts (two separate binders):
 * Anna exports her dossiers due during the leave for Boris; Boris imports them, logs a
 * call and moves a date, exports; Anna imports Boris's workbook on her return.
 */
const NOW = new Date('2026-11-24T09:00:00+03:00');

const openAs = (browser: Browser, managerName: string): Promise<Page> => openSyncAs(browser, managerName, NOW);

async function importFile(page: Page, file: string, name: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-start').click();
  await (await chooser).setFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: fs.readFileSync(file) });
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  return preview;
}

/** Moves a dossier's only open step to another day, as the manager does it in the dossier card. */
async function changeStepDate(page: Page, dossierId: string, typed: string) {
  await page.goto(`/#/dossier/${dossierId}`);
  await page.getByTestId('step').getByRole('button', { name: 'Change date' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('typed-date').fill(typed);
  await dialog.getByRole('button', { name: /Save/ }).click();
  await expect(dialog).toBeHidden();
}

/** A look at the screen as the manager sees it (not committed; looked at by hand). */
async function shoot(page: Page, name: string) {
  if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/${name}.png` });
}

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const pending = page.waitForEvent('download');
  await click();
  const d = await pending;
  const path = `.tmp/h7-${d.suggestedFilename()}`;
  await d.saveAs(path);
  return path;
}

test('leave handover: Boris covers Anna, is reminded at its end, and his work comes back into her binder with one action', async ({ browser }) => {
  // Two binders, three workbooks and an import with a conflict: longer than one screen's test.
  test.setTimeout(150_000);
  // Anna's binder: two dossiers due during her leave, one far beyond it.
  const anna = await openAs(browser, 'Anna');
  const seeded = await seedDossiers(anna, [
    { company: 'Vector LLC', contact: { name: 'Irina' }, history: [{ at: '2026-11-10T10:00:00.000Z', summary: 'Sent the offer' }], steps: [{ date: '2026-11-26' }] },
    { company: 'Zeta Steel', contact: { name: 'Pavel' }, steps: [{ date: '2026-11-27' }] },
    { company: 'Far Future Inc', steps: [{ date: '2027-03-01' }] },
  ]);
  const [vectorId, zetaId] = seeded.dossierIds as [string, string];
  // Anna's holidays travel with her workbook: Boris's "+3 working days" must skip them too.
  await anna.evaluate(() => {
    const settings = JSON.parse(localStorage.getItem('tickler.settings')!);
    localStorage.setItem('tickler.settings', JSON.stringify({ ...settings, holidays: ['2026-12-31'] }));
  });
  await anna.reload();

  // The team lead's flow: Anna's dossiers due until she is back, for Boris.
  await anna.getByTestId('handover-from').selectOption('Anna');
  await anna.getByTestId('handover-to').fill('Boris');
  await anna.getByTestId('handover-until').fill('2026-12-08');
  const handover = await download(anna, () => anna.getByTestId('handover-run').click());
  expect(handover).toContain('handover-Anna-to-Boris');
  await expect(anna.getByText(/Handover for 2 dossiers saved/)).toBeVisible();
  // Anna's own binder says where the two are: with Boris until the last day of her leave.
  await anna.goto('/#/dossiers');
  await expect(anna.getByTestId('handed-over')).toHaveCount(2);
  await expect(anna.getByTestId('handed-over').first()).toHaveText('with Boris until 7 Dec');
  await anna.getByTestId('filter-handed-over').check();
  await expect(anna.getByTestId('dossier-row')).toHaveCount(2);
  await shoot(anna, 'list-badge');
  await anna.goto(`/#/dossier/${vectorId}`);
  await expect(anna.getByTestId('handed-over')).toHaveText('with Boris until 7 Dec');
  await anna.goto('/#/sync');

  // Boris imports it into his own (empty) binder.
  const boris = await openAs(browser, 'Boris');
  const preview = await importFile(boris, handover, 'handover.xlsx');
  await expect(preview.getByRole('tab', { name: /New/ })).toHaveAttribute('aria-selected', 'true');
  await expect(preview).toContainText('Vector LLC');
  await expect(preview).toContainText('Zeta Steel');
  await expect(preview).not.toContainText('Far Future Inc');
  // The summary repeats the preview's count of new records (2 dossiers, their contacts, steps and call).
  await expect(preview.getByRole('tab', { name: /New/ }).locator('.badge')).toHaveText('7');
  await preview.getByTestId('import-apply').click();
  await expect(boris.getByText(/Imported: 7 new, 0 updated, conflicts decided: 0/)).toBeVisible();
  const covered = await readRecord<{ owner: string; coveredFor: string; coveredUntil: string }>(boris, 'dossiers', vectorId);
  expect(covered).toMatchObject({ owner: 'Anna', coveredFor: 'Anna', coveredBy: 'Boris', coveredFrom: '2026-11-24', coveredUntil: '2026-12-07' });
  expect(await boris.evaluate(() => JSON.parse(localStorage.getItem('tickler.settings')!).holidays)).toEqual(['2026-12-31']);
  await boris.goto(`/#/dossier/${vectorId}`);
  await expect(boris.getByText('Covering for Anna until 7 Dec')).toBeVisible();

  // Boris works: a call on Vector logged and refiled to 3 December in the app; Zeta moved to 30 November.
  await boris.keyboard.press('l');
  const refile = boris.getByTestId('refile-dialog');
  await refile.getByTestId('refile-summary').fill('Boris: agreed on the delivery');
  await refile.getByTestId('typed-date').fill('3.12.2026');
  await refile.getByTestId('refile-save').click();
  await expect(refile).toBeHidden();
  await changeStepDate(boris, zetaId, '30.11.2026');
  // Before the cover's last day Today says nothing about handing back.
  await boris.goto('/#/today');
  await expect(boris.getByRole('heading', { name: /Today/ })).toBeVisible();
  await expect(boris.getByTestId('hand-back')).toHaveCount(0);

  // The cover's last day: Today reminds Boris, and one action saves the hand-back.
  await boris.clock.setSystemTime(new Date('2026-12-07T09:00:00+03:00'));
  await boris.goto('/#/sync');
  await boris.goto('/#/today');
  const reminder = boris.getByTestId('hand-back');
  await expect(reminder).toHaveText(/Hand back 2 dossiers to Anna \(cover ended on 7 Dec\)/);
  await shoot(boris, 'today-hand-back');
  const back = await download(boris, () => reminder.getByTestId('hand-back-run').click());
  expect(back).toContain('hand-back-Boris-to-Anna');
  await expect(boris.getByText(/Hand-back of 2 dossiers saved/)).toBeVisible();
  await expect(reminder).toHaveCount(0);

  // Meanwhile Anna also moved Zeta (to 28 November): that one is a conflict.
  await changeStepDate(anna, zetaId, '28.11.2026');
  await anna.goto('/#/sync');

  const returned = await importFile(anna, back, 'from-boris.xlsx');
  await expect(returned.getByTestId('import-returning')).toContainText('Returning from cover: these dossiers were covered by Boris. The import ends the cover of 2 dossiers');
  const conflicts = returned.getByRole('tab', { name: /Conflicts/ });
  await expect(conflicts).toContainText('1');
  await conflicts.click();
  // Both moved the same call: that is the dossier's next date, one decision.
  const zetaConflict = returned.getByTestId('filing-conflict');
  await expect(zetaConflict).toHaveCount(1);
  await expect(zetaConflict).toContainText('Zeta Steel');
  await expect(zetaConflict.getByRole('radio', { name: 'Anna: Sat 28 Nov' })).toBeChecked();
  await expect(zetaConflict.getByRole('radio', { name: 'Boris: Mon 30 Nov' })).toBeVisible();
  await expect(returned.getByTestId('preview-item')).toHaveCount(0);
  await anna.screenshot({ path: '.tmp/h7-handover-conflict.png' });
  await returned.getByRole('tab', { name: /New/ }).click();
  await expect(returned).toContainText('Boris: agreed on the delivery');
  await returned.getByTestId('import-apply').click();
  await expect(anna.getByText(/Imported:/)).toBeVisible();

  // Boris's call is in Anna's history with Boris as its author; his new date applies;
  // the dossiers are Anna's again, not "covered"; Anna's own Zeta date was kept (mine by default).
  const vector = await readRecord<{ fileKey: string; owner: string; coveredFor: string; coveredBy?: string; coveredUntil: string; lastSummary: string }>(anna, 'dossiers', vectorId);
  expect(vector).toMatchObject({ fileKey: '2026-12-03', owner: 'Anna', coveredFor: '', coveredUntil: '', lastSummary: 'Boris: agreed on the delivery' });
  expect(vector?.coveredBy).toBeUndefined();
  const zeta = await readRecord<{ fileKey: string }>(anna, 'dossiers', zetaId);
  expect(zeta?.fileKey).toBe('2026-11-28');
  await anna.goto(`/#/dossier/${vectorId}`);
  const entry = anna.getByTestId('history-entry').filter({ hasText: 'Boris: agreed on the delivery' });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText('Boris');
  // Anna's own history is still there next to Boris's call.
  await expect(anna.getByTestId('history-entry').filter({ hasText: 'Sent the offer' })).toBeVisible();
  await expect(anna.getByTestId('handed-over')).toHaveCount(0);

  // Importing the same workbook again changes nothing: no duplicates, no conflicts left.
  await anna.goto('/#/sync');
  const again = await importFile(anna, back, 'from-boris.xlsx');
  await expect(again.getByTestId('import-apply')).toBeDisabled();
  await expect(again.getByRole('tab', { name: /Conflicts/ })).toContainText('0');
});

test('a bulk reassignment warns about a recent rotation and is undone with Ctrl+Z', async ({ browser }) => {
  const anna = await openAs(browser, 'Anna');
  const seeded = await seedDossiers(anna, [
    { company: 'Vector LLC', steps: [{ date: '2026-11-26' }] },
    { company: 'Zeta Steel', steps: [{ date: '2026-11-27' }] },
  ]);
  const [vectorId] = seeded.dossierIds as [string];
  // Vector came to Anna from Oleg in June: rotated less than a year ago.
  await anna.evaluate(async (id) => {
    const open = indexedDB.open('tickler');
    const db = await new Promise<IDBDatabase>((ok) => (open.onsuccess = () => ok(open.result)));
    const tx = db.transaction('dossiers', 'readwrite');
    const store = tx.objectStore('dossiers');
    const get = store.get(id);
    await new Promise((ok) => (get.onsuccess = ok));
    store.put({ ...get.result, ownerHistory: ['2026-06-01 Oleg'] });
    await new Promise((ok) => (tx.oncomplete = ok));
    db.close();
  }, vectorId);
  await anna.reload();
  await anna.getByTestId('reassign-from').selectOption('Anna');
  await anna.getByTestId('reassign-to').fill('Ivan');
  await anna.getByRole('button', { name: 'Reassign' }).click();
  const dialog = anna.getByRole('dialog');
  await expect(dialog.getByTestId('rotation-warning')).toHaveText(/1 of these dossiers changed owner less than 12 months ago \(last on 1 Jun 2026\)/);
  await shoot(anna, 'reassign-warning');
  await dialog.getByRole('button', { name: 'Reassign' }).click();
  await expect(anna.getByText('2 dossiers reassigned to Ivan.')).toBeVisible();
  expect(await readRecord<{ owner: string; ownerHistory: string[] }>(anna, 'dossiers', vectorId)).toMatchObject({ owner: 'Ivan', ownerHistory: ['2026-06-01 Oleg', '2026-11-24 Anna'] });

  // Ctrl+Z, away from any text field, takes the whole reassignment back.
  await anna.getByRole('heading', { name: /Excel/ }).click();
  await anna.keyboard.press('Control+z');
  await expect(anna.getByText('Undone: reassigning 2 dossiers')).toBeVisible();
  expect(await readRecord<{ owner: string; ownerHistory: string[] }>(anna, 'dossiers', vectorId)).toMatchObject({ owner: 'Anna', ownerHistory: ['2026-06-01 Oleg'] });
  const zeta = await readRecord<{ owner: string; ownerHistory?: string[] }>(anna, 'dossiers', seeded.dossierIds[1]!);
  expect(zeta).toMatchObject({ owner: 'Anna' });
  expect(zeta?.ownerHistory).toBeUndefined();
});
