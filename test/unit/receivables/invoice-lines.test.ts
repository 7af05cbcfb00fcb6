/*
 * The fixture test/fixtures/invoices-ru.xlsx was written by /usr/bin/python3 with openpyxl:
 *   ws['A1'] = 'Реестр неоплаченных счетов на 01.12.2026'; ws.merge_cells('A1:G1'); ws.append([])
 *   ws.append(['Контрагент','ИНН','Номер счёта','Дата','Сумма','Валюта','Срок оплаты'])
 *   ws.append(['ООО "Ромашка"','7707083893','17','05.11.2026','150 000,00','RUB','05.12.2026'])
 *   ws.append(['Бета Групп АО','','А-18','10.11.2026','2500.5','EUR','30'])
 *   ws.append(['Неизвестная фирма','','19','10.11.2026','100','RUB','10.12.2026'])
 *   ws.append(['Итого','','','','=SUM(E4:E6)','',''])
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { guessInvoiceMapping, guessPastedMapping, pastedRows, readInvoiceLines, withDossier, type DossierKey } from '../../../shared/receivables/invoice-lines';
import { parseAmount } from '../../../shared/receivables/parse-amount';
import { readSheetTable } from '../../../shared/workbook/foreign';

const romashka: DossierKey = { id: 'd1', company: 'Ромашка ООО', taxId: '7707 083893', numbers: ['16'] };
const beta: DossierKey = { id: 'd2', company: 'АО «Бета Групп»', taxId: '', numbers: [] };
const other: DossierKey = { id: 'd3', company: 'Ромашка-Юг', taxId: '7707083894', numbers: [] };
const dossiers = [other, romashka, beta];

describe('amounts as accounting programs write them', () => {
  it('reads grouping and decimal separators of ru, ro and en', () => {
    expect(parseAmount('150 000,00')).toBe(150000);
    expect(parseAmount('150\u00a0000,5')).toBe(150000.5);
    expect(parseAmount('15.000,00')).toBe(15000);
    expect(parseAmount('15,000.00')).toBe(15000);
    expect(parseAmount('1,234')).toBe(1234);
    expect(parseAmount('2500.5')).toBe(2500.5);
    expect(parseAmount('1 500 ₽')).toBe(1500);
    expect(parseAmount('abc')).toBeNaN();
  });
  it('property: any amount in cents written the ru, ro or en way reads back', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), fc.constantFrom('ru-RU', 'ro-RO', 'en-US'), (cents, locale) => {
      const text = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, useGrouping: true }).format(cents / 100);
      expect(Math.round(parseAmount(text) * 100)).toBe(cents);
    }));
  });
});

describe('pasted invoices', () => {
  it('maps columns by what the cells look like and matches by INN, then by the company without its legal form', () => {
    const rows = pastedRows('ООО Ромашка\t7707083893\t17\t01.12.2026\t150 000,00\tRUB\t30\r\nБета Групп\t\t18\t02.12.2026\t1 000,50\tRUB\t14\n\n');
    const mapping = guessPastedMapping(rows);
    expect(mapping).toEqual({ 0: 'company', 1: 'taxId', 2: 'number', 3: 'issuedOn', 4: 'amount', 5: 'currency', 6: 'termsDays' });
    const lines = readInvoiceLines(rows, mapping, dossiers, { currency: 'RUB' });
    expect(lines).toMatchObject([
      { line: 1, dossierId: 'd1', number: '17', amount: 150000, currency: 'RUB', issuedOn: '2026-12-01', dueOn: '2026-12-31', terms: '30', issue: undefined },
      { line: 2, dossierId: 'd2', number: '18', amount: 1000.5, dueOn: '2026-12-16', issue: undefined },
    ]);
  });

  it('reads a column by its filled cells: an INN given on one line of three still makes the INN column', () => {
    const rows = pastedRows(['Ромашка\t7707083893\t17\t01.11.2026\t150 000,00\tRUB\t30', 'Бета\t\t18\t20.11.2026\t1 000,50\tRUB\t10', 'Гамма\t\t19\t01.11.2026\t500,00\tRUB\t14'].join('\n'));
    expect(guessPastedMapping(rows)).toEqual({ 0: 'company', 1: 'taxId', 2: 'number', 3: 'issuedOn', 4: 'amount', 5: 'currency', 6: 'termsDays' });
  });

  it('says why a line cannot be added; a dossier chosen by hand fixes an unknown client', () => {
    const rows = pastedRows(['Ромашка\t\t16\t01.12.2026\t10\tRUB\t30', 'Гамма\t\t20\t01.12.2026\t10\tRUB\t30', 'Бета Групп\t\t\t01.12.2026\t10\tRUB\t30', 'Бета Групп\t\t21\t01.12.2026\tx\tRUB\t30', 'Бета Групп\t\t22\t\t10\tRUB\t'].join('\n'));
    const mapping = { 0: 'company', 1: 'taxId', 2: 'number', 3: 'issuedOn', 4: 'amount', 5: 'currency', 6: 'termsDays' } as const;
    const lines = readInvoiceLines(rows, mapping, dossiers, { currency: 'RUB' });
    expect(lines.map((l) => l.issue)).toEqual(['duplicate', 'no-client', 'no-number', 'bad-amount', 'bad-date']);
    expect(withDossier(lines[1]!, beta)).toMatchObject({ dossierId: 'd2', issue: undefined });
  });
});

describe('invoices from a foreign spreadsheet', () => {
  it('reads the openpyxl file: header under a merged title, text amounts and dates, days of credit in the due column, no totals row', () => {
    const table = readSheetTable(new Uint8Array(readFileSync('test/fixtures/invoices-ru.xlsx'))).sheets[0]!;
    expect(table.headerRow).toBe(3);
    const mapping = guessInvoiceMapping(table.headers);
    expect(mapping).toEqual({ 0: 'company', 1: 'taxId', 2: 'number', 3: 'issuedOn', 4: 'amount', 5: 'currency', 6: 'dueOn' });
    const lines = readInvoiceLines(table.rows, mapping, dossiers, { currency: 'RUB', skip: table.formulaRows, firstLine: table.headerRow });
    expect(lines).toMatchObject([
      { line: 4, dossierId: 'd1', number: '17', amount: 150000, issuedOn: '2026-11-05', dueOn: '2026-12-05', issue: undefined },
      { line: 5, dossierId: 'd2', number: 'А-18', amount: 2500.5, currency: 'EUR', dueOn: '2026-12-10', terms: '30', issue: undefined },
      { line: 6, issue: 'no-client' },
    ]);
    expect(lines).toHaveLength(3);
  });

  it('maps English and Romanian headers too', () => {
    expect(guessInvoiceMapping(['Customer', 'Tax ID', 'Invoice No', 'Date', 'Amount', 'Currency', 'Due date'])).toEqual({ 0: 'company', 1: 'taxId', 2: 'number', 3: 'issuedOn', 4: 'amount', 5: 'currency', 6: 'dueOn' });
    expect(guessInvoiceMapping(['Client', 'CUI', 'Nr. factură', 'Data', 'Valoare', 'Monedă', 'Scadența'])).toEqual({ 0: 'company', 1: 'taxId', 2: 'number', 3: 'issuedOn', 4: 'amount', 5: 'currency', 6: 'dueOn' });
  });
});
