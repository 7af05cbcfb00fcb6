import fs from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { openSyncAs } from './first-run';
import { readRecord, seedDossiers } from './calendar-seed';

/**
 * Issue 10, item 3: Anna and Boris each log a call on ПАО «ВостокАгро» and refile it from
 * the same workbook (4 Dec and 10 Dec). When Anna imports Boris's workbook the dossier must
 * be filed once, the conflict shown must be its next date, and both calls stay logged.
 */
const NOW = new Date('2026-11-24T09:00:00+03:00');
const SHOTS = '/tmp/shots/merge';

const openAs = (browser: Browser, managerName: string): Promise<Page> => openSyncAs(browser, managerName, NOW);

async function download(page: Page, click: () => Promise<void>, name: string): Promise<string> {
  const pending = page.waitForEvent('download');
  await click();
  const path = `.tmp/refile-${name}-${(await pending).suggestedFilename()}`;
  await (await pending).saveAs(path);
  return path;
}

async function importFile(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-start').click();
  await (await chooser).setFiles({ name: 'from-boris.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: fs.readFileSync(file) });
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  return preview;
}

/** Log & refile in the dossier card, as the manager does after the call. */
async function logAndRefile(page: Page, dossierId: string, summary: string, typed: string) {
  await page.goto(`/#/dossier/${dossierId}`);
  await expect(page.getByTestId('step')).toHaveCount(1);
  await page.keyboard.press('l');
  const refile = page.getByTestId('refile-dialog');
  await refile.getByTestId('refile-summary').fill(summary);
  await refile.getByTestId('typed-date').fill(typed);
  await refile.getByTestId('refile-save').click();
  await expect(refile).toBeHidden();
}

/** Both refile the same dossier from one workbook; returns Anna's page with Boris's workbook's preview open. */
async function bothRefile(browser: Browser, annaLanguage: 'en' | 'ru') {
  const anna = await openAs(browser, 'Anna');
  const { dossierIds } = await seedDossiers(anna, [
    { company: 'ПАО «ВостокАгро»', contact: { name: 'Ирина' }, steps: [{ date: '2026-11-26' }] },
  ]);
  const id = dossierIds[0]!;
  await anna.reload();
  await anna.getByTestId('handover-from').selectOption('Anna');
  await anna.getByTestId('handover-to').fill('Boris');
  await anna.getByTestId('handover-until').fill('2026-12-08');
  const handover = await download(anna, () => anna.getByTestId('handover-run').click(), 'to-boris');

  const boris = await openAs(browser, 'Boris');
  await (await importFile(boris, handover)).getByTestId('import-apply').click();
  await expect(boris.getByText(/Imported:/)).toBeVisible();
  await logAndRefile(boris, id, 'Boris: перенесли на четверг', '10.12.2026');
  await boris.goto('/#/sync');
  const back = await download(boris, () => boris.getByTestId('export-run').click(), 'back');

  await logAndRefile(anna, id, 'Anna: договорились на пятницу', '4.12.2026');
  if (annaLanguage === 'ru') {
    await anna.evaluate(() => {
      const s = JSON.parse(localStorage.getItem('tickler.settings')!);
      localStorage.setItem('tickler.settings', JSON.stringify({ ...s, language: 'ru' }));
    });
  }
  await anna.goto('/#/sync');
  await anna.reload();
  return { anna, id, preview: await importFile(anna, back) };
}

async function openSteps(page: Page, id: string): Promise<string[]> {
  const papers = await readRecord<{ steps: { date: string; done: boolean }[] }>(page, 'papers', id);
  return papers!.steps.filter((s) => !s.done).map((s) => s.date);
}

test('two refiles of one dossier: the preview shows one next-date conflict, the dossier stays filed once', async ({ browser }) => {
  const { anna, id, preview } = await bothRefile(browser, 'en');
  const conflicts = preview.getByRole('tab', { name: /Conflicts/ });
  await expect(conflicts).toContainText('1');
  await conflicts.click();
  const row = preview.getByTestId('filing-conflict');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Next date');
  await expect(row).toContainText('ПАО «ВостокАгро»');
  await expect(row.getByRole('radio', { name: 'Anna: Fri 4 Dec' })).toBeChecked();
  await expect(row.getByRole('radio', { name: 'Boris: Thu 10 Dec' })).not.toBeChecked();
  // The step both closed is not a conflict of its own ("Done at 09:03 vs 09:02").
  await expect(preview).not.toContainText('Done at');
  await expect(preview.getByTestId('preview-item')).toHaveCount(0);
  fs.mkdirSync(SHOTS, { recursive: true });
  await anna.screenshot({ path: `${SHOTS}/import-next-date-conflict-en.png` });

  // The summary repeats the preview's numbers.
  const badge = async (name: RegExp) => (await preview.getByRole('tab', { name }).locator('.badge').textContent())!.trim();
  const [created, updated] = [await badge(/New/), await badge(/Updated/)];
  await preview.getByTestId('import-apply').click();
  await expect(anna.getByText(`Imported: ${created} new, ${updated} updated, conflicts decided: 1; history entries among the new: 1.`)).toBeVisible();

  // Anna's date is kept (the default), once; both calls are in the history.
  expect(await openSteps(anna, id)).toEqual(['2026-12-04']);
  expect((await readRecord<{ fileKey: string }>(anna, 'dossiers', id))!.fileKey).toBe('2026-12-04');
  await anna.goto(`/#/dossier/${id}`);
  await expect(anna.getByTestId('step')).toHaveCount(1);
  await expect(anna.getByTestId('history-entry').filter({ hasText: 'Boris: перенесли на четверг' })).toBeVisible();
  await expect(anna.getByTestId('history-entry').filter({ hasText: 'Anna: договорились на пятницу' })).toBeVisible();
});

test('the manager can keep the colleague’s next date instead (Russian UI)', async ({ browser }) => {
  const { anna, id, preview } = await bothRefile(browser, 'ru');
  await preview.getByRole('tab', { name: /Конфликты/ }).click();
  const row = preview.getByTestId('filing-conflict');
  await expect(row).toContainText('Следующая дата');
  await expect(row.getByRole('radio', { name: 'Anna: пт, 4 дек.' })).toBeChecked();
  fs.mkdirSync(SHOTS, { recursive: true });
  await anna.screenshot({ path: `${SHOTS}/import-next-date-conflict-ru.png` });
  await row.getByRole('radio', { name: 'Boris: чт, 10 дек.' }).check();
  await preview.getByTestId('import-apply').click();
  await expect(anna.getByText(/Импортировано:/)).toBeVisible();
  expect(await openSteps(anna, id)).toEqual(['2026-12-10']);
  expect((await readRecord<{ fileKey: string }>(anna, 'dossiers', id))!.fileKey).toBe('2026-12-10');
});
