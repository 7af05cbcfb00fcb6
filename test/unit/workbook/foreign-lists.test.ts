/**
 * Client lists written by other programs: the header row is found wherever it is, title,
 * blank and totals rows are no clients, "№" is not loaded, a repeated INN is reported, and
 * warnings come grouped. The same list is written by SheetJS, openpyxl and LibreOffice;
 * the writers that are not installed are skipped with the reason printed.
 */
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { emptyPortfolio } from '../../../shared/model/records';
import { validateTaxId } from '../../../shared/model/tax-id';
import { guessColumnMapping, mapForeignRows, readSheetTable, type SheetTables } from '../../../shared/workbook/foreign';
import { groupIssues, groupMessage, makeIssue, rowRanges } from '../../../shared/workbook/issues';
import { runWorkbookJob } from '../../../renderer/workers/workbook-jobs';
import {
  hasSoffice, libreOfficeResave, MANAGER_LIST, openpyxlBytes, openpyxlPython, sheetjsBytes, sheetjsWorkbook,
} from './foreign-fixtures';

if (!openpyxlPython) console.log('openpyxl-written list skipped: no python3 with openpyxl (install python3-openpyxl).');
if (!hasSoffice) console.log('LibreOffice-saved list skipped: `soffice` is not on PATH (install libreoffice-calc-nogui).');

const OPTS = { author: 'Анна', today: '2026-12-01', defaultDate: '2026-12-02', now: '2026-12-01T06:00:00.000Z' };

/** What the manager's list must import as, whoever wrote the file. */
function expectManagerList(tables: SheetTables) {
  expect(tables.fatal).toBeUndefined();
  // The instructions sheet has no header row; the clients' sheet comes first.
  expect(tables.sheets.map((s) => s.name)).toEqual(['Клиенты']);
  const table = tables.sheets[0]!;
  expect(table.headerRow).toBe(3);
  const mapping = guessColumnMapping(table.headers);
  expect(mapping).toEqual({
    0: null, 1: 'company', 2: 'taxId', 3: 'contactName', 4: 'phone', 5: 'email', 6: 'nextDate', 7: 'territory', 8: 'notes',
  });
  const r = mapForeignRows(table, mapping, OPTS);
  const p = r.portfolio;
  expect(p.dossiers.map((d) => d.company)).toEqual(['ООО «Ромашка»', 'АО «Вектор»', 'ИП Сидоров', 'ООО «Берёза»', 'ЗАО «Клён»']);
  expect(p.dossiers.map((d) => d.taxId)).toEqual(['7707083893', '7707083893', '500100732259', '', '1234567890']);
  // "№" is not loaded: no custom field from it, or from anything.
  expect(p.dossiers.map((d) => d.customFields)).toEqual([{}, {}, {}, {}, {}]);
  // Text that looks like a number keeps its zeros; a phone stored as a number is its digits.
  expect(p.dossiers[2]!.notes).toBe('00123');
  expect(p.contacts.find((c) => c.name === 'Анна')?.phones).toEqual(['89161112233']);
  expect(p.contacts.find((c) => c.name === 'Олег Смирнов')?.phones).toEqual(['84951234567']);
  // A date cell, dd.mm.yyyy, ISO text, dd.mm without a year; none: the default date.
  expect(p.steps.map((s) => s.date)).toEqual(['2026-12-03', '2026-12-10', '2026-12-07', '2026-12-05', '2026-12-02']);
  expect(r.skipped.map((i) => `${i.code} ${i.row}`)).toEqual(['totals-row 10']);
  expect(r.errors.map((i) => `${i.code} ${i.row}:${i.column}`)).toEqual(['bad-tax-id 9:C']);
  expect(r.repeats).toEqual([{ taxId: '7707083893', rows: [4, 5], repeatIds: [p.dossiers[1]!.id] }]);
}

describe('a client list exported by another program', () => {
  it('written by SheetJS: header on row 3 under a merged title, totals row left out', () => {
    expectManagerList(readSheetTable(sheetjsBytes(MANAGER_LIST)));
  });

  it('kept in test/fixtures as openpyxl wrote it', () => {
    expectManagerList(readSheetTable(new Uint8Array(readFileSync('test/fixtures/client-list-ru.xlsx'))));
  });

  it.skipIf(!openpyxlPython)('written by openpyxl (formulas without cached values, datetime cells)', () => {
    expectManagerList(readSheetTable(openpyxlBytes(MANAGER_LIST)));
  });

  it.skipIf(!openpyxlPython || !hasSoffice)('re-saved by LibreOffice (the count now cached in the company column)', { timeout: 180_000 }, () => {
    const bytes = libreOfficeResave(openpyxlBytes(MANAGER_LIST, 'lo-source'), 'lo-source');
    // LibreOffice computed the COUNTA: the company cell of the totals row reads 5.
    const wb = XLSX.read(bytes, { type: 'array', dense: true });
    const totals = (wb.Sheets['Клиенты'] as unknown as { '!data': XLSX.CellObject[][] })['!data'][9]!;
    expect(totals[1]).toMatchObject({ v: 5, f: 'COUNTA(B4:B9)' });
    expectManagerList(readSheetTable(bytes));
  });

  it('as ODS and as XLS written by SheetJS', () => {
    expectManagerList(readSheetTable(sheetjsBytes(MANAGER_LIST, 'ods')));
    expectManagerList(readSheetTable(sheetjsBytes(MANAGER_LIST, 'biff8')));
  });

  it('as a CSV Russian Excel saves (Windows-1251, semicolons, title line above the header)', () => {
    const ws = sheetjsWorkbook(MANAGER_LIST).Sheets['Клиенты']!;
    const text = XLSX.utils.sheet_to_csv(ws, { FS: ';' });
    const cp1251 = new Uint8Array(XLSX.utils.sheet_to_csv(ws, { FS: ';' }).length);
    // Encode to Windows-1251 (TextEncoder only writes UTF-8): Cyrillic А-я are 0xC0-0xFF, Ёё 0xA8/0xB8.
    const bytes = Uint8Array.from([...text].map((ch) => {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) return c;
      if (c >= 0x410 && c <= 0x44f) return c - 0x350;
      const extra: Record<string, number> = { Ё: 0xa8, ё: 0xb8, '«': 0xab, '»': 0xbb, '№': 0xb9, '—': 0x97 };
      return extra[ch] ?? 0x3f;
    }));
    expect(cp1251.length).toBeGreaterThan(0);
    const tables = readSheetTable(bytes);
    expect(tables.fatal).toBeUndefined();
    const table = tables.sheets[0]!;
    expect(table.headerRow).toBe(3);
    const r = mapForeignRows(table, guessColumnMapping(table.headers), OPTS);
    // The formula is lost in a CSV: the totals row is told by its label.
    expect(r.portfolio.dossiers.map((d) => d.company)).toEqual(['ООО «Ромашка»', 'АО «Вектор»', 'ИП Сидоров', 'ООО «Берёза»', 'ЗАО «Клён»']);
    expect(r.skipped.map((i) => i.row)).toEqual([10]);
  });

  it('finds the header by what it names, not by being the first row with two cells', () => {
    const rows = [
      ['Отчёт', 'сформирован 01.12.2026'],
      ['Менеджер:', 'Иванов'],
      ['Клиент', 'ИНН', 'Телефон', 'Дата следующего звонка'],
      ['ООО «Ромашка»', '7707083893', '+7 916 555-10-01', '03.12.2026'],
    ];
    const { sheets } = readSheetTable(sheetjsBytes([{ name: 'Лист1', rows }]));
    expect(sheets[0]!.headerRow).toBe(3);
    expect(sheets[0]!.rows).toHaveLength(1);
  });

  it('keeps unknown columns as custom fields, and a column set to "do not load" out', () => {
    const table = readSheetTable(sheetjsBytes([{ name: 'Лист1', rows: [['№', 'Компания', 'Источник'], [1, 'Альфа', 'выставка']] }])).sheets[0]!;
    const mapping = guessColumnMapping(table.headers);
    expect(mapping).toEqual({ 0: null, 1: 'company', 2: 'custom' });
    expect(mapForeignRows(table, mapping, OPTS).portfolio.dossiers[0]!.customFields).toEqual({ Источник: 'выставка' });
    expect(mapForeignRows(table, { ...mapping, 2: null }, OPTS).portfolio.dossiers[0]!.customFields).toEqual({});
    expect(mapForeignRows(table, { ...mapping, 0: 'custom' }, OPTS).portfolio.dossiers[0]!.customFields).toEqual({ '№': '1', Источник: 'выставка' });
  });

  it('groups warnings: 40 bad INNs are one line with their rows, in English and Russian', () => {
    const rows: (string | number)[][] = [['Компания', 'ИНН', 'Следующий звонок']];
    for (let n = 7707083800; rows.length <= 40; n++) {
      if (!validateTaxId(String(n)).ok) rows.push([`ООО Клиент ${rows.length}`, String(n), 'когда-нибудь']);
    }
    rows.push(['ООО Верный', '7707083893', '']);
    const table = readSheetTable(sheetjsBytes([{ name: 'Лист1', rows }])).sheets[0]!;
    const r = mapForeignRows(table, guessColumnMapping(table.headers), OPTS);
    const groups = groupIssues(r.errors);
    expect(groups.map((g) => groupMessage(g, 'en'))).toEqual([
      '40 INNs fail the check digit: rows 2–41, kept as typed.',
      '40 next dates are not a date: rows 2–41, filed under the default date.',
    ]);
    expect(groupMessage(groups[0]!, 'ru')).toBe('ИНН не проходят проверку контрольного числа (40): строки 2–41; сохранены как есть.');
  });

  it('writes row ranges compactly', () => {
    expect(rowRanges([7, 4, 5, 6, 9, 11, 12])).toBe('4–7, 9, 11, 12');
    expect(rowRanges([1, 3, 5, 7, 9, 11, 13, 15, 17, 19])).toBe('1, 3, 5, 7, 9, 11, 13, 15, …');
    expect(groupMessage(groupIssues([makeIssue('totals-row', { sheet: 'Л', row: 12 })])[0]!, 'en')).toBe('A totals row, not a client: row 12, left out.');
  });
});

describe('a file that holds no client list says why, in the UI language', () => {
  const importOf = (data: Uint8Array) => runWorkbookJob({ kind: 'import', data, local: emptyPortfolio() }, () => {});
  const fatalOf = (data: Uint8Array) => {
    const r = importOf(data);
    return r.kind === 'fatal' ? r.fatal.code : r.kind;
  };

  it('random bytes named .xlsx are not an Excel workbook (not 132 rows of garbage to map)', () => {
    let seed = 7;
    const random = Uint8Array.from({ length: 8192 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >>> 16 & 0xff);
    expect(fatalOf(random)).toBe('not-a-workbook');
    expect(readSheetTable(random).fatal?.code).toBe('not-a-workbook');
  });

  it('an empty workbook, and one whose sheets have no header row', () => {
    const empty = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(empty, XLSX.utils.aoa_to_sheet([]), 'Лист1');
    expect(fatalOf(new Uint8Array(XLSX.write(empty, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer))).toBe('empty-workbook');
    const numbers = sheetjsBytes([{ name: 'Данные', rows: [[1, 2, 3], [4, 5, 6]] }, { name: 'Заметки', rows: [['просто текст'], ['и ещё']] }]);
    expect(fatalOf(numbers)).toBe('no-header-row');
    expect(fatalOf(new TextEncoder().encode('a;b;c\n1;2;3\n'))).toBe('no-header-row');
  });

  it('a password-protected workbook', () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0, 60, 63, 120, 109, 108]));
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(512).fill(7));
    const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number> as number[]);
    expect(fatalOf(bytes)).toBe('encrypted');
  });

  it('the list of issue 10 goes to the mapping instead of failing', () => {
    expect(fatalOf(sheetjsBytes(MANAGER_LIST))).toBe('foreign');
  });
});
