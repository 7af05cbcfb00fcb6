import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { guessColumnMapping, mapForeignRows, readSheetTable } from '../../../shared/workbook/foreign';

function oldList(): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet([
    ['Клиенты Иванова на 2026 год'],
    ['Наименование', 'ИНН', 'Контактное лицо', 'Должность', 'Тел.', 'E-mail', 'Дата следующего звонка', 'Регион', 'Примечание', 'Источник'],
    ['ООО «Ромашка»', 7707083893, 'Иван Иванов', 'директор', '8 (916) 123-45-67, 8 495 000 00 00', 'ivan@romashka.ru', { t: 'n', v: 46381, z: 'dd.mm.yyyy' }, 'Москва', 'любит звонки утром', 'выставка'],
    ['ИП Петров', '', 'Пётр', '', '+7 903 000-00-01', '', '25.12.2026', 'Тула', '', ''],
    [],
    ['', '1234', 'без компании', '', '', '', '', '', '', ''],
    ['Альфа', '500100732259', '', '', '', '', 'когда-нибудь', '', '', ''],
  ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Клиенты');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('onboarding a foreign client list', () => {
  it('guesses the usual Russian and English headers', () => {
    expect(guessColumnMapping([
      'Компания', 'ИНН', 'Телефон', 'Почта', 'ФИО', 'Должность', 'Следующий контакт', 'ОКВЭД', 'Город', 'Сегмент', 'Комментарий', 'Менеджер', 'Что-то ещё',
    ])).toEqual({
      0: 'company', 1: 'taxId', 2: 'phone', 3: 'email', 4: 'contactName', 5: 'position', 6: 'nextDate', 7: 'industry',
      8: 'territory', 9: 'segment', 10: 'notes', 11: 'owner', 12: 'custom',
    });
    expect(guessColumnMapping(['Company', 'Tax ID', 'Phone', 'E-mail', 'Contact', 'Position', 'Next call', 'Industry', 'Territory', 'Notes', 'Owner'])).toEqual({
      0: 'company', 1: 'taxId', 2: 'phone', 3: 'email', 4: 'contactName', 5: 'position', 6: 'nextDate', 7: 'industry', 8: 'territory', 9: 'notes', 10: 'owner',
    });
    expect(guessColumnMapping(['Организация', 'INN', 'Тел.', 'Контактное лицо', 'Дата следующего звонка', 'Примечание', 'Ответственный'])).toEqual({
      0: 'company', 1: 'taxId', 2: 'phone', 3: 'contactName', 4: 'nextDate', 5: 'notes', 6: 'owner',
    });
  });

  it('reads the table under a title row and files every client under its next call date', () => {
    const { sheets, fatal } = readSheetTable(oldList());
    expect(fatal).toBeUndefined();
    const table = sheets[0]!;
    expect(table.headerRow).toBe(2);
    expect(table.rows[0]![1]).toBe('7707083893');
    expect(table.rows[0]![6]).toBe('2026-12-25');

    const mapping = guessColumnMapping(table.headers);
    const { portfolio, errors } = mapForeignRows(table, mapping, { author: 'Анна', today: '2026-11-24', defaultDate: '2026-11-25' });
    expect(portfolio.dossiers.map((d) => d.company)).toEqual(['ООО «Ромашка»', 'ИП Петров', 'Альфа']);
    expect(portfolio.dossiers[0]).toMatchObject({ taxId: '7707083893', territory: 'Москва', notes: 'любит звонки утром', owner: 'Анна', customFields: { Источник: 'выставка' } });
    expect(portfolio.contacts[0]).toMatchObject({ name: 'Иван Иванов', position: 'директор', phones: ['8 (916) 123-45-67', '8 495 000 00 00'], emails: ['ivan@romashka.ru'] });
    expect(portfolio.steps.map((s) => [s.kind, s.date, s.done])).toEqual([
      ['call', '2026-12-25', false], ['call', '2026-12-25', false], ['call', '2026-11-25', false],
    ]);
    expect(portfolio.steps.every((s, i) => s.dossierId === portfolio.dossiers[i]!.id)).toBe(true);
    expect(errors.map((e) => `${e.code} ${e.sheet}!${e.row}:${e.column}`)).toEqual(['required Клиенты!6:A', 'bad-next-date Клиенты!7:G']);
  });

  it('reports bytes that are no spreadsheet instead of throwing', () => {
    const r = readSheetTable(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]));
    expect(r.sheets).toEqual([]);
    // A zip that breaks off: a damaged workbook, said so.
    expect(r.fatal?.code).toBe('damaged');
    expect(readSheetTable(new Uint8Array([0, 1, 2, 3, 0xff, 0xfe])).fatal?.code).toBe('not-a-workbook');
  });
});
