/**
 * Client lists as other programs write them, built in the tests: SheetJS (in process),
 * openpyxl (python3) and LibreOffice (a re-save). One description, several writers, so a
 * test can say "this list, whoever wrote it, imports the same".
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { dayToSerial } from '../../../shared/workbook/cells';

/** A cell as described: text, a number, a date cell, a formula (with the value a spreadsheet would cache). */
export type ListCell = string | number | null | { date: string } | { formula: string; cached: number };

export interface ListSheet {
  name: string;
  rows: ListCell[][];
  /** Ranges such as 'A1:I1' (the merged title). */
  merges?: string[];
}

/**
 * The list of issue 10: a first sheet with instructions, then the clients under a merged
 * title and a blank row, Russian headers on row 3 with a "№" column, mixed date forms,
 * INN typed as a number and as text (one INN on two rows, one failing the check digit),
 * numbers stored as text and text that looks like a number, a blank row in the list and
 * a totals row with a COUNTA formula under it.
 */
export const MANAGER_LIST: ListSheet[] = [
  { name: 'Инструкция', rows: [['Выгрузка из учётной программы'], ['Список клиентов — на листе «Клиенты»']] },
  {
    name: 'Клиенты',
    merges: ['A1:I1'],
    rows: [
      ['База клиентов менеджера Иванова И. И. на 01.12.2026'],
      [],
      ['№', 'Наименование организации', 'ИНН', 'Контактное лицо', 'Телефон', 'E-mail', 'Дата след. звонка', 'Город', 'Примечание'],
      [1, 'ООО «Ромашка»', 7707083893, 'Ирина Петрова', '+7 (916) 555-10-01', 'irina@romashka.ru', { date: '2026-12-03' }, 'Москва', 'звонить утром'],
      [2, 'АО «Вектор»', '7707083893', 'Олег Смирнов', '84951234567', null, '10.12.2026', 'Тула', null],
      [3, 'ИП Сидоров', '500100732259', 'Пётр Сидоров', null, null, '2026-12-07', null, '00123'],
      [4, 'ООО «Берёза»', null, 'Анна', 89161112233, null, '5.12', 'Казань', null],
      [],
      [5, 'ЗАО «Клён»', 1234567890, null, null, null, null, null, null],
      ['Итого клиентов:', { formula: 'COUNTA(B4:B9)', cached: 5 }],
    ],
  },
];

export function sheetjsWorkbook(sheets: ListSheet[]): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const aoa = s.rows.map((r) =>
      r.map((c): XLSX.CellObject | string | number | null => {
        if (c === null || typeof c !== 'object') return c;
        if ('date' in c) return { t: 'n', v: dayToSerial(c.date)!, z: 'dd.mm.yyyy' };
        return { t: 'n', v: c.cached, f: c.formula };
      }),
    );
    const ws = XLSX.utils.aoa_to_sheet(aoa);
    if (s.merges) ws['!merges'] = s.merges.map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  return wb;
}

export function sheetjsBytes(sheets: ListSheet[], bookType: XLSX.BookType = 'xlsx'): Uint8Array {
  return new Uint8Array(XLSX.write(sheetjsWorkbook(sheets), { type: 'array', bookType }) as ArrayBuffer);
}

const workDir = mkdtempSync(join(tmpdir(), 'tickler-foreign-'));

/** openpyxl writes formulas without a cached value and dates as datetime cells, as Python exports do. */
const OPENPYXL_SCRIPT = `
import sys, json, datetime, openpyxl
spec = json.load(sys.stdin)
wb = openpyxl.Workbook()
wb.remove(wb.active)
for s in spec:
    ws = wb.create_sheet(s['name'])
    for r, row in enumerate(s['rows'], start=1):
        for c, v in enumerate(row, start=1):
            if v is None: continue
            if isinstance(v, dict) and 'date' in v: v = datetime.datetime.strptime(v['date'], '%Y-%m-%d')
            elif isinstance(v, dict): v = '=' + v['formula']
            ws.cell(row=r, column=c, value=v)
    for m in s.get('merges', []): ws.merge_cells(m)
wb.save(sys.argv[1])
`;

/** The python3 that has openpyxl (pyenv's may not; Debian's python3-openpyxl is in /usr/bin/python3). */
export const openpyxlPython = ['python3', '/usr/bin/python3'].find(
  (py) => spawnSync(py, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0,
);

export function openpyxlBytes(sheets: ListSheet[], name = 'list'): Uint8Array {
  const out = join(workDir, `${name}.xlsx`);
  execFileSync(openpyxlPython!, ['-c', OPENPYXL_SCRIPT, out], { input: JSON.stringify(sheets), timeout: 60_000 });
  return new Uint8Array(readFileSync(out));
}

export const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;

/** The file opened and saved again by LibreOffice (what a colleague without Excel sends). */
export function libreOfficeResave(bytes: Uint8Array, name: string, to = 'xlsx'): Uint8Array {
  const inDir = join(workDir, 'in');
  const outDir = join(workDir, 'out');
  mkdirSync(inDir, { recursive: true });
  mkdirSync(outDir, { recursive: true });
  const src = join(inDir, `${name}.xlsx`);
  writeFileSync(src, bytes);
  // Its own profile: parallel runs and a user's open LibreOffice do not interfere.
  const profile = `file://${join(workDir, `profile-${Math.random().toString(36).slice(2)}`)}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', to, '--outdir', outDir, src], {
    stdio: 'ignore', timeout: 120_000,
  });
  return new Uint8Array(readFileSync(join(outDir, `${name}.${to}`)));
}
