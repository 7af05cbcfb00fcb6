import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import * as XLSX from 'xlsx';
import { readRecord, seedDossiers, skipOnboarding } from './calendar-seed';
import { validateTaxId } from '../../shared/model/tax-id';
import { MANAGER_LIST, sheetjsBytes } from '../unit/workbook/foreign-fixtures';

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
  await expect(step.getByTestId('mapping-duplicates')).toContainText('“Существующий клиент” looks like “Существующий клиент” already in your binder (same company name)');
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

// A client list exported by another program, as in issue 10: the instructions sheet first,
// then a merged title, a blank row, Russian headers with "№" on row 3, INN as number and as
// text (one INN on two rows), a blank row in the list, 13 INNs failing the check digit and
// a totals row "Итого клиентов:" with =COUNTA under it.
const SHOTS = '/tmp/shots/foreign';
const DEC_1 = new Date('2026-12-01T09:00:00+03:00');

function exportedList(): Buffer {
  const [info, clients] = MANAGER_LIST;
  const rows = [...clients!.rows];
  const totals = rows.pop()!;
  for (let n = 7707083800; rows.length < 21; n++) {
    // Twelve more clients whose INN fails the check digit (an old list typed by hand).
    if (!validateTaxId(String(n)).ok) rows.push([rows.length - 3, `ООО «Клиент ${rows.length}»`, String(n), '', '', '', '', '', '']);
  }
  rows.push(totals);
  return Buffer.from(sheetjsBytes([info!, { ...clients!, rows }]));
}

async function importFile(page: import('@playwright/test').Page, file: { name: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-start').click();
  await (await chooser).setFiles({ ...file, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

async function dossierRows(page: import('@playwright/test').Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('tickler');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const rows = await new Promise<{ company: string; taxId: string; fileKey: string; customFields: Record<string, string> }[]>((resolve) => {
      const r = db.transaction('dossiers').objectStore('dossiers').getAll();
      r.onsuccess = () => resolve(r.result);
    });
    db.close();
    return rows.map(({ company, taxId, fileKey, customFields }) => ({ company, taxId, fileKey, customFields }));
  });
}

test('a list exported by another program (title, blank row, headers on row 3, totals) is mapped in Russian, duplicates and warnings shown before anything is written', async ({ page }) => {
  await page.clock.setFixedTime(DEC_1);
  await skipOnboarding(page, { language: 'ru' });
  await page.goto('/#/sync');
  await seedDossiers(page, [{ company: 'ООО «Старый клиент»', taxId: '500100732259', steps: [{ date: '2026-12-04' }] }]);
  await page.reload();
  await importFile(page, { name: 'База клиентов.xlsx', buffer: exportedList() });

  const step = page.getByTestId('mapping-step');
  await expect(step).toBeVisible();
  await expect(page.getByText(/Что-то пошло не так|Cannot read/)).toHaveCount(0);
  await expect(step.getByTestId('mapping-header-row')).toHaveText('Лист «Клиенты», названия столбцов в строке 3');
  // "№" is the other program's row count: not loaded.
  await expect(step.getByLabel('№')).toHaveValue('');
  await expect(step.getByLabel('Наименование организации')).toHaveValue('company');
  await expect(step.getByLabel('Дата след. звонка')).toHaveValue('nextDate');

  const dups = step.getByTestId('mapping-duplicates');
  await expect(dups).toContainText('Похоже на дубликаты: 2.');
  await expect(dups).toContainText('ИНН 7707083893 в строках 4, 5');
  await expect(dups).toContainText('«ИП Сидоров» похоже на «ООО «Старый клиент»», которое уже есть в картотеке (тот же ИНН)');
  const warnings = step.getByTestId('mapping-warnings');
  await expect(warnings.getByRole('listitem')).toHaveText([
    'Строка итогов, а не клиент: строка 22; пропущена.',
    'ИНН не проходят проверку контрольного числа (13): строки 9–21; сохранены как есть.',
  ]);
  await expect(step.getByTestId('mapping-import')).toHaveText('Загрузить досье: 15');
  await page.screenshot({ path: `${SHOTS}/mapping-ru.png` });
  await step.getByTestId('mapping-keep-duplicates').check();
  await expect(step.getByTestId('mapping-import')).toHaveText('Загрузить досье: 17');
  await step.getByRole('radio', { name: /Пропустить их/ }).check();
  // Nothing is written while the mapping is open.
  expect((await dossierRows(page)).map((d) => d.company)).toEqual(['ООО «Старый клиент»']);
  await step.getByTestId('mapping-preview').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/mapping-ru-preview.png` });

  await step.getByTestId('mapping-import').click();
  await expect(page.getByText(/Импортировано: новых 15/)).toBeVisible();
  const rows = await dossierRows(page);
  expect(rows).toHaveLength(16);
  expect(rows.map((r) => r.company)).not.toContain('Итого клиентов:');
  expect(rows.map((r) => r.company)).not.toContain('5');
  expect(rows.filter((r) => r.taxId === '7707083893').map((r) => r.company)).toEqual(['ООО «Ромашка»']);
  expect(rows.find((r) => r.company === 'ООО «Ромашка»')).toMatchObject({ fileKey: '2026-12-03', customFields: {} });
  expect(rows.find((r) => r.company === 'ООО «Берёза»')?.fileKey).toBe('2026-12-05');
});

test('the same list in English: grouped warnings in the UI language', async ({ page }) => {
  await page.clock.setFixedTime(DEC_1);
  await skipOnboarding(page);
  await page.goto('/#/sync');
  await importFile(page, { name: 'clients.xlsx', buffer: exportedList() });
  const step = page.getByTestId('mapping-step');
  await expect(step.getByTestId('mapping-warnings').getByRole('listitem')).toHaveText([
    'A totals row, not a client: row 22, left out.',
    '13 INNs fail the check digit: rows 9–21, kept as typed.',
  ]);
  await expect(step.getByTestId('mapping-duplicates')).toContainText('INN 7707083893 is on rows 4, 5');
  await expect(step.getByTestId('mapping-import')).toHaveText('Import 16 dossiers');
  await page.screenshot({ path: `${SHOTS}/mapping-en.png` });
});

for (const lang of ['en', 'ru'] as const) {
  test(`random bytes named .xlsx: "not an Excel workbook" (${lang}), no column mapping, nothing changed`, async ({ page }) => {
    await page.clock.setFixedTime(DEC_1);
    await skipOnboarding(page, { language: lang });
    await page.goto('/#/sync');
    let seed = 5;
    const garbage = Buffer.from(Uint8Array.from({ length: 6000 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >>> 16 & 0xff));
    await importFile(page, { name: 'clients.xlsx', buffer: garbage });
    const fatal = page.getByTestId('import-fatal');
    await expect(fatal.getByRole('alert')).toHaveText(lang === 'ru' ? 'Это не книга Excel (.xlsx).' : 'This is not an Excel workbook (.xlsx).');
    await expect(fatal).toContainText(lang === 'ru' ? 'Ничего не изменилось.' : 'Nothing was changed.');
    await expect(page.getByTestId('mapping-step')).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/not-a-workbook-${lang}.png` });
    expect(await dossierRows(page)).toEqual([]);
  });
}

test('an empty workbook, sheets without a header row, a password-protected file: each its own message; CSV and ODS from other programs still map', async ({ page }) => {
  await page.clock.setFixedTime(DEC_1);
  await skipOnboarding(page, { language: 'ru' });
  await page.goto('/#/sync');
  const fatal = page.getByTestId('import-fatal');
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0, 60, 63, 120, 109, 108]));
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(512).fill(7));
  const cases: [string, Buffer, RegExp][] = [
    ['пустая.xlsx', Buffer.from(sheetjsBytes([{ name: 'Лист1', rows: [] }])), /^Книга пустая/],
    ['цифры.xlsx', Buffer.from(sheetjsBytes([{ name: 'Лист1', rows: [[1, 2, 3], [4, 5, 6]] }])), /^Ни на одном листе нет строки с названиями столбцов/],
    ['с паролем.xlsx', Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer), /^Книга защищена паролем/],
  ];
  for (const [name, buffer, message] of cases) {
    await importFile(page, { name, buffer });
    await expect(fatal.getByRole('alert')).toHaveText(message);
    await fatal.getByRole('button', { name: 'Закрыть' }).click();
    await expect(fatal).toBeHidden();
  }
  expect(await dossierRows(page)).toEqual([]);

  const ws = XLSX.utils.aoa_to_sheet(MANAGER_LIST[1]!.rows.map((r) => r.map((c) => (c !== null && typeof c === 'object' ? ('date' in c ? '03.12.2026' : '') : c))));
  const ods = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(ods, ws, 'Клиенты');
  const files: [string, Buffer][] = [
    ['клиенты.csv', Buffer.from(`\uFEFF${XLSX.utils.sheet_to_csv(ws, { FS: ';' })}`, 'utf8')],
    ['клиенты.ods', XLSX.write(ods, { type: 'buffer', bookType: 'ods' }) as Buffer],
  ];
  for (const [name, buffer] of files) {
    await importFile(page, { name, buffer });
    const step = page.getByTestId('mapping-step');
    await expect(step.getByTestId('mapping-header-row')).toContainText('в строке 3');
    await expect(step.getByTestId('mapping-import')).toHaveText('Загрузить досье: 4');
    await step.getByRole('button', { name: 'Отмена' }).click();
  }
});
