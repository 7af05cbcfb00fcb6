import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import * as XLSX from 'xlsx';
import { readRecord, seedDossiers, skipOnboarding } from './calendar-seed';

// Tuesday 24 November 2026, 09:00 Moscow.
const NOW = new Date('2026-11-24T09:00:00+03:00');

/** A manager's old client list as people keep it: a title row, Russian headers, dates as dd.mm.yyyy text. */
function oldClientList(): Buffer {
  const rows = [
    ['Мои клиенты на 2026 год'],
    ['Компания', 'ИНН', 'Телефон', 'Контактное лицо', 'Должность', 'Дата следующего звонка'],
    ['ООО «Ромашка»', '7707083893', '+7 (916) 555-10-01', 'Ирина Петрова', 'Главный бухгалтер', '01.12.2026'],
    ['АО «Вектор»', '', '8 495 123-45-67', 'Олег Смирнов', 'Директор', ''],
    ['ИП Сидоров', '', '', 'Пётр Сидоров', '', '27.11.2026'],
    ['Существующий клиент', '', '', 'Анна', '', ''],
    ['', '', '', '', '', ''],
  ];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Клиенты');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

test('an old client list comes in through the column mapping, filed under its next dates', async ({ page }) => {
  await page.clock.setFixedTime(NOW);
  await skipOnboarding(page);
  await page.goto('/#/sync');
  await seedDossiers(page, [{ company: 'Существующий клиент', steps: [{ date: '2026-11-25' }] }]);
  await page.reload();

  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-start').click();
  await (await chooser).setFiles({ name: 'клиенты.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: oldClientList() });

  const step = page.getByTestId('mapping-step');
  await expect(step).toBeVisible();
  // Every column guessed from its Russian header.
  await expect(step.getByLabel('Компания', { exact: true })).toHaveValue('company');
  await expect(step.getByLabel('ИНН')).toHaveValue('taxId');
  await expect(step.getByLabel('Телефон')).toHaveValue('phone');
  await expect(step.getByLabel('Контактное лицо')).toHaveValue('contactName');
  await expect(step.getByLabel('Должность')).toHaveValue('position');
  await expect(step.getByLabel('Дата следующего звонка')).toHaveValue('nextDate');
  // Rows without a date go to the default day (tomorrow unless changed).
  await step.getByTestId('mapping-default-date').fill('2026-11-26');

  const preview = step.getByTestId('mapping-preview');
  await expect(preview).toContainText('ООО «Ромашка»');
  await expect(preview).toContainText('Ирина Петрова');
  await expect(preview).toContainText('1 Dec 2026');
  await expect(preview).toContainText('26 Nov 2026');
  // The client already in the binder is recognised and skipped.
  await expect(step).toContainText('Already in your binder (same tax id, phone, email or company): 1.');
  await page.screenshot({ path: '.tmp/h7-mapping.png' });

  await step.getByTestId('mapping-import').click();
  await expect(page.getByText(/Imported: 3 new/)).toBeVisible();

  // Filed: Ромашка on 1 December, Сидоров on 27 November, Вектор on the default day.
  const ids = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('tickler');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const rows = await new Promise<{ id: string; company: string; fileKey: string; taxId: string; primaryName?: string }[]>((resolve) => {
      const r = db.transaction('dossiers').objectStore('dossiers').getAll();
      r.onsuccess = () => resolve(r.result);
    });
    db.close();
    return rows.map((r) => ({ id: r.id, company: r.company, fileKey: r.fileKey, taxId: r.taxId, primaryName: r.primaryName }));
  });
  const by = (c: string) => ids.find((r) => r.company === c);
  expect(ids.filter((r) => r.company === 'Существующий клиент')).toHaveLength(1);
  expect(by('ООО «Ромашка»')).toMatchObject({ fileKey: '2026-12-01', taxId: '7707083893', primaryName: 'Ирина Петрова' });
  expect(by('ИП Сидоров')?.fileKey).toBe('2026-11-27');
  expect(by('АО «Вектор»')?.fileKey).toBe('2026-11-26');

  // The import can be undone in one click: the list is gone, the binder as before.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Import undone')).toBeVisible();
  expect(await readRecord(page, 'dossiers', by('ООО «Ромашка»')!.id)).toBeUndefined();
  await page.goto('/#/dossiers');
  await expect(page.getByText('Существующий клиент')).toBeVisible();
});

test('a large list is read in the background and can be cancelled, changing nothing', async ({ page }) => {
  await page.clock.setFixedTime(NOW);
  await skipOnboarding(page);
  await page.goto('/#/sync');
  const rows: string[][] = [['Компания', 'Телефон', 'Контактное лицо']];
  for (let i = 0; i < 50_000; i++) rows.push([`ООО Клиент ${i}`, `+7 916 ${1_000_000 + i}`, `Контакт ${i}`]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Клиенты');
  // A file on disk (not an in-memory buffer), as a user picks it.
  const file = test.info().outputPath('big-list.xlsx');
  fs.writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);

  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-start').click();
  await (await chooser).setFiles(file);
  const progress = page.getByTestId('sync-progress');
  await expect(progress.getByRole('progressbar')).toBeVisible();
  // The window answers while the file is parsed: the dialog's own button works.
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Import cancelled: nothing was changed.')).toBeVisible();
  await expect(page.getByTestId('mapping-step')).toHaveCount(0);
  await page.goto('/#/dossiers');
  await expect(page.getByTestId('dossiers-empty')).toBeVisible();
});
