import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { planMerge } from '../../../shared/merge';
import { issueLine, issueMessage } from '../../../shared/workbook/issues';
import { readPortfolioWorkbook } from '../../../shared/workbook/read';
import { readSheetTable } from '../../../shared/workbook/foreign';
import { ID, PersonEdit, exportWorkbook, smallPortfolio } from './fixtures';

function fatalCode(bytes: Uint8Array): string {
  const r = readPortfolioWorkbook(bytes);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.fatal.code;
}

function readOk(bytes: Uint8Array) {
  const r = readPortfolioWorkbook(bytes, { now: '2026-11-24T12:00:00.000Z' });
  if (!r.ok) throw new Error(r.fatal.message);
  return r;
}

function sheetWorkbook(sheets: Record<string, unknown[][]>): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('fatal problems name the reason', () => {
  it('random bytes and a text file are "not a workbook"', () => {
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    expect(fatalCode(random)).toBe('not-a-workbook');
    expect(fatalCode(new TextEncoder().encode('Компания;ИНН\nРомашка;7707083893\n'))).toBe('not-a-workbook');
    expect(fatalCode(new Uint8Array())).toBe('not-a-workbook');
  });

  it('a truncated xlsx is "damaged"', () => {
    const bytes = exportWorkbook(smallPortfolio());
    expect(fatalCode(bytes.slice(0, Math.floor(bytes.length / 2)))).toBe('damaged');
  });

  it('a password-protected workbook (an encrypted package in a compound file) is "encrypted"', () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0, 60, 63, 120, 109, 108]));
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(512).fill(7));
    const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number> as number[]);
    const r = readPortfolioWorkbook(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.fatal.code).toBe('encrypted');
      expect(issueMessage(r.fatal, 'ru')).toContain('паролем');
    }
  });

  it('a format version from the future is refused before anything is read', () => {
    const edit = new PersonEdit(exportWorkbook(smallPortfolio(), 'en'));
    const meta = edit.wb.Sheets.Meta!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(meta, { header: 1 });
    const r = rows.findIndex((row) => row[0] === 'formatVersion');
    meta[XLSX.utils.encode_cell({ r, c: 1 })] = { t: 'n', v: 2 };
    const result = readPortfolioWorkbook(edit.save());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.fatal.code).toBe('future-version');
      expect(result.fatal.params).toMatchObject({ version: 2, supported: 1 });
    }
  });

  it('a workbook without a Dossiers sheet (someone else\'s list) is "no-dossiers-sheet"', () => {
    expect(fatalCode(sheetWorkbook({ Клиенты: [['Компания', 'ИНН'], ['Ромашка', '7707083893']] }))).toBe('no-dossiers-sheet');
  });

  it('a Dossiers sheet without the required columns names them', () => {
    const r = readPortfolioWorkbook(sheetWorkbook({ Dossiers: [['ID', 'Tax ID'], [ID(1), '7707083893']] }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.fatal.code).toBe('missing-columns');
      expect(r.fatal.sheet).toBe('Dossiers');
      expect(r.fatal.params?.columns).toContain('Company');
    }
  });
});

describe('a workbook a person edited in Excel', () => {
  const local = smallPortfolio();
  const exported = exportWorkbook(local, 'ru');

  it('reads typed dates, numbers as text, new rows, extra columns and plans the right merge', () => {
    const e = new PersonEdit(exported);
    // The covering colleague moves the call to 25.12.2026, typed as text, and sets a duration typed as text.
    const stepRow = e.rowOf('Шаги', ID(31));
    e.set('Шаги', stepRow, 'Дата', '25.12.2026').set('Шаги', stepRow, 'Длительность, мин', '30');
    // Changes the owner of the second client; the boolean typed as "да".
    e.set('Досье', e.rowOf('Досье', ID(2)), 'Ответственный', 'Ольга').set('Досье', e.rowOf('Досье', ID(2)), 'VIP', 'да');
    // Adds a new client without an id, with a contact linked by the company name, and logs a call.
    e.add('Досье', { Компания: 'ООО Новый Клиент', ИНН: 7736050003, Ответственный: 'Ольга' });
    e.add('Контакты', { Компания: 'ООО Новый Клиент', ФИО: 'Сергей', Телефоны: '8 916 000 00 00; +7 (495) 111-22-33' });
    e.add('История', { 'ID досье': ID(1), 'Когда (UTC)': '24.11.2026 10:30', Вид: 'звонок', Итог: 'reached', Содержание: 'Счёт получили' });
    e.add('Шаги', { Компания: 'ООО Новый Клиент', Вид: 'call', Дата: '01.12.2026' });
    // Adds an extra column of their own.
    e.addColumn('Досье', 'Комментарий руководителя', 'важный');
    // Deletes the second contact row.
    e.deleteRow('Контакты', e.rowOf('Контакты', ID(12)));

    const r = readOk(e.save());
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['unknown-column', 'count-mismatch']));
    const step = r.portfolio.steps.find((s) => s.id === ID(31))!;
    expect(step.date).toBe('2026-12-25');
    expect(step.durationMin).toBe(30);
    const added = r.portfolio.dossiers.find((d) => d.company === 'ООО Новый Клиент')!;
    expect(added.taxId).toBe('7736050003');
    expect(added.author).toBe('Анна');
    const contact = r.portfolio.contacts.find((c) => c.name === 'Сергей')!;
    expect(contact.dossierId).toBe(added.id);
    expect(contact.phones).toEqual(['8 916 000 00 00', '+7 (495) 111-22-33']);

    const plan = planMerge(local, r.portfolio);
    const updated = plan.updated.map((u) => `${u.kind}:${u.id}`).sort();
    expect(updated).toEqual([`dossiers:${ID(2)}`, `steps:${ID(31)}`]);
    expect(plan.updated.find((u) => u.id === ID(2))!.fields.map((f) => f.field)).toEqual(['owner', 'vip']);
    expect(plan.created.map((c) => c.kind).sort()).toEqual(['contacts', 'dossiers', 'history', 'steps']);
    expect(plan.conflicts).toEqual([]);
    expect(plan.missing).toEqual([{ kind: 'contacts', id: ID(12) }]);
  });

  it('leaves out bad rows, naming sheet, row and column, and keeps the rest', () => {
    const e = new PersonEdit(exported);
    e.set('Шаги', e.rowOf('Шаги', ID(31)), 'Дата', '31.02.2026');
    e.set('Досье', e.rowOf('Досье', ID(2)), 'Компания', { t: 'z' } as XLSX.CellObject);
    e.set('История', e.rowOf('История', ID(21)), 'Вид', 'телеграмма');
    e.add('Досье', { ID: ID(1), Компания: 'Копия' });
    e.set('Досье', e.rowOf('Досье', ID(1)), 'ИНН', '7707083894');
    const r = readOk(e.save());
    const where = r.errors.map((x) => `${x.code} ${x.sheet}!${x.row}:${x.column}`).sort();
    expect(where).toEqual([
      'duplicate-id Досье!4:A',
      'required Досье!3:B',
      'bad-date Шаги!2:F',
      'unknown-value История!2:E',
    ].sort());
    expect(r.warnings.find((w) => w.code === 'bad-tax-id')).toMatchObject({ sheet: 'Досье', row: 2, column: 'C' });
    expect(r.portfolio.dossiers.map((d) => d.id)).toEqual([ID(1)]);
    expect(r.portfolio.steps.map((s) => s.id)).toEqual([ID(32)]);
    expect(issueLine(r.errors.find((x) => x.code === 'bad-date')!, 'ru')).toBe('Шаги!2: столбец F: «31.02.2026» — не дата (ожидается дд.мм.гггг).');
  });

  it('accepts English and Russian headers in any case and spacing, and Excel serials typed as numbers', () => {
    const bytes = sheetWorkbook({
      dossiers: [['id', ' COMPANY ', 'инн', 'vip'], ['', 'Acme SRL', '7707083893', 'yes']],
      'Contact history': [['Id', 'dossier id', 'when (utc)', 'KIND'], ['', '', 46350.5, 'Meeting']],
      Шаги: [['ID', 'Компания', 'Вид', 'Дата', 'время'], ['', 'Acme SRL', 'call', 46350, 0.4375]],
    });
    const r = readOk(bytes);
    expect(r.warnings.map((w) => w.code)).toContain('no-meta');
    expect(r.portfolio.dossiers[0]).toMatchObject({ company: 'Acme SRL', vip: true, status: 'active' });
    expect(r.errors.map((e) => e.code)).toEqual(['unknown-dossier']);
    expect(r.portfolio.steps[0]).toMatchObject({ date: '2026-11-24', time: '10:30', kind: 'call', remindMin: -1 });
  });

  it('never throws, whatever the bytes', () => {
    const good = exportWorkbook(smallPortfolio());
    for (let cut = 100; cut < good.length; cut += Math.ceil(good.length / 25)) {
      const damaged = good.slice();
      damaged.fill(0x41, cut, Math.min(good.length, cut + 40));
      const r = readPortfolioWorkbook(damaged);
      expect(typeof r.ok).toBe('boolean');
    }
  });
});

describe('files written by earlier builds', () => {
  it('a version-1 portfolio kept in test/fixtures still reads without problems', () => {
    const r = readOk(new Uint8Array(readFileSync('test/fixtures/portfolio-demo-ru.xlsx')));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.meta).toMatchObject({ formatVersion: 1, language: 'ru', scope: 'demo' });
    expect(r.portfolio.dossiers).toHaveLength(20);
    expect(r.portfolio.steps.every((s) => r.portfolio.dossiers.some((d) => d.id === s.dossierId))).toBe(true);
  });

  it('the old client list is not a portfolio, but reads as a table for the list import', () => {
    const bytes = new Uint8Array(readFileSync('test/fixtures/client-list-ru.xlsx'));
    expect(fatalCode(bytes)).toBe('no-dossiers-sheet');
    // Header on row 3 under a merged title; the rows under it, blank and totals rows included, go to the mapping.
    const table = readSheetTable(bytes).sheets[0]!;
    expect([table.name, table.headerRow, table.rows.length]).toEqual(['Клиенты', 3, 7]);
  });
});
