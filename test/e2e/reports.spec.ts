import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { seedDossiers, skipOnboarding } from './calendar-seed';

// Tuesday 24 November 2026, 09:00 Moscow.
const NOW = new Date('2026-11-24T09:00:00+03:00');

async function openSync(page: Page) {
  await page.clock.setFixedTime(NOW);
  await skipOnboarding(page);
  await page.goto('/#/today');
  await seedDossiers(page, [
    { company: 'Romashka LLC', contact: { name: 'Irina Petrova', phone: '+7 916 555-10-01' }, history: [{ at: '2026-11-20T10:00:00.000Z', summary: 'Asked for the price list' }], steps: [{ date: '2026-11-24', time: '10:30' }] },
    { company: 'Overdue Trading', contact: { name: 'Oleg' }, steps: [{ date: '2026-11-20' }] },
    { company: 'Next Week Ltd', steps: [{ date: '2026-12-01' }] },
  ]);
  await page.goto('/#/sync');
  await page.reload();
  await expect(page.getByRole('heading', { name: /Excel/ })).toBeVisible();
}

function sheetRows(file: string): string[][] {
  const wb = XLSX.read(fs.readFileSync(file), { type: 'buffer' });
  return XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, raw: false, defval: '' });
}

test("today's call sheet holds today's and overdue dossiers, with an empty Outcome column", async ({ page }) => {
  await openSync(page);
  const download = page.waitForEvent('download');
  await page.getByTestId('report-call-sheet').click();
  const file = await (await download).path();
  expect((await download).suggestedFilename()).toBe('tickler-call-sheet-2026-11-24.xlsx');
  const rows = sheetRows(file);
  expect(rows[0]).toEqual(['Time', 'Company', 'Contact', 'Phone', 'Last contact', 'Last conversation', 'Next step', 'Next date', 'Outcome']);
  const companies = rows.slice(1).map((r) => r[1]);
  expect(companies).toContain('Romashka LLC');
  expect(companies).toContain('Overdue Trading');
  expect(companies).not.toContain('Next Week Ltd');
  const romashka = rows.find((r) => r[1] === 'Romashka LLC')!;
  expect(romashka[0]).toBe('10:30');
  expect(romashka[2]).toBe('Irina Petrova');
  expect(romashka[5]).toBe('Asked for the price list');
  expect(romashka[8]).toBe('');
  await page.screenshot({ path: '.tmp/h7-sync.png' });
});

test('a damaged file shows a clear error and changes nothing', async ({ page }) => {
  await openSync(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-start').click();
  // A workbook cut off half-way (an interrupted download or copy).
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Company', 'Phone'], ['Romashka LLC', '+7 916 555-10-01']]), 'Clients');
  const full = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
  await (await chooser).setFiles({ name: 'portfolio.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: full.subarray(0, Math.floor(full.length / 2)) });
  const dialog = page.getByTestId('import-fatal');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('alert')).toContainText('The workbook is damaged and cannot be read');
  await expect(dialog).toContainText('Nothing was changed.');
  await page.screenshot({ path: '.tmp/h7-damaged.png' });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.goto('/#/today');
  await expect(page.getByText('Romashka LLC')).toBeVisible();
  await expect(page.getByText('Overdue Trading')).toBeVisible();
});

test('a backup restores the portfolio after a confirmation, and the restore itself can be undone', async ({ page }) => {
  await openSync(page);
  const pending = page.waitForEvent('download');
  await page.getByTestId('backup-now').click();
  const backup = `.tmp/h7-${(await pending).suggestedFilename()}`;
  await (await pending).saveAs(backup);
  await expect(page.getByText(/Backup saved/)).toBeVisible();
  await expect(page.getByText(/Last backup:/)).toBeVisible();

  // A dossier added after the backup…
  await seedDossiers(page, [{ company: 'Added Later LLC', steps: [{ date: '2026-11-24' }] }]);
  // …is gone once the backup is restored.
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('restore-file').click();
  await (await chooser).setFiles(backup);
  const confirm = page.getByTestId('restore-confirm');
  await expect(confirm).toContainText('3 dossiers');
  await confirm.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText(/Portfolio restored from/)).toBeVisible();
  await page.goto('/#/today');
  await expect(page.getByText('Romashka LLC')).toBeVisible();
  await expect(page.getByText('Added Later LLC')).toHaveCount(0);

  // The pre-restore snapshot brings it back.
  await page.goto('/#/sync');
  await page.getByTestId('snapshot-list').getByRole('button', { name: 'Restore' }).first().click();
  await expect(page.getByText(/Portfolio restored from Before restoring/)).toBeVisible();
  await page.goto('/#/today');
  await expect(page.getByText('Added Later LLC')).toBeVisible();
});
