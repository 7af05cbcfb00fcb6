/**
 * The streamed workbook opens in the programs a colleague has: openpyxl (Python's reader,
 * strict about the package: content types, relationships, styles) in its streaming
 * read-only mode, and LibreOffice converting its first sheet to CSV. Each is skipped, with
 * the reason printed, where the program is not installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportWorkbook, ID, smallPortfolio } from './fixtures';

const python = ['python3', '/usr/bin/python3'].find((py) => spawnSync(py, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0);
const hasOpenpyxl = python !== undefined;
const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasOpenpyxl) console.log('openpyxl test skipped: `python3 -c "import openpyxl"` fails (pip install openpyxl).');
if (!hasSoffice) console.log('LibreOffice CSV test skipped: `soffice` is not on PATH (install libreoffice-calc-nogui).');

const dir = mkdtempSync(join(tmpdir(), 'tickler-readers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function workbookFile(): string {
  const p = smallPortfolio();
  p.dossiers[0]!.notes = '=SUM(A1) <b>&amp;</b>';
  p.dossiers[1]!.company = '  ИП Петров ';
  p.dossiers[0]!.coveredUntil = '2026-12-25';
  const file = join(dir, 'portfolio.xlsx');
  writeFileSync(file, exportWorkbook(p, 'ru'));
  return file;
}

const OPENPYXL = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
rows = {ws.title: [[c for c in r] for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
full = openpyxl.load_workbook(sys.argv[1])
ws = full['Досье']
print(json.dumps({
  'sheets': wb.sheetnames,
  'dossiers': [[str(c) if c is not None else None for c in r] for r in rows['Досье']],
  'types': [type(c).__name__ for c in rows['Досье'][1]],
  'freeze': ws.freeze_panes,
  'filter': ws.auto_filter.ref,
  'width': ws.column_dimensions['B'].width,
  'formulas': sum(1 for r in ws.iter_rows() for c in r if c.data_type == 'f'),
}))
`;

describe.skipIf(!hasOpenpyxl)('openpyxl', () => {
  it('loads it read-only: sheets, text as text, dates as dates, frozen header, filter, widths', { timeout: 60_000 }, () => {
    const out = JSON.parse(execFileSync(python!, ['-c', OPENPYXL, workbookFile()], { encoding: 'utf8' })) as {
      sheets: string[]; dossiers: (string | null)[][]; types: string[]; freeze: string; filter: string; width: number; formulas: number;
    };
    expect(out.sheets.slice(0, 5)).toEqual(['Досье', 'Контакты', 'История', 'Шаги', 'Счета']);
    expect(out.sheets).toContain('Сведения');
    const [header, first, second] = out.dossiers;
    expect(first![0]).toBe(ID(1));
    const notes = header!.indexOf('Заметки');
    expect(first![notes]).toBe('=SUM(A1) <b>&amp;</b>');
    expect(second![header!.indexOf('Компания')]).toBe('  ИП Петров ');
    expect(out.types[header!.indexOf('Замещает до')]).toBe('datetime');
    expect(out.types[header!.indexOf('VIP')]).toBe('bool');
    expect(out.freeze).toBe('A2');
    expect(out.filter).toMatch(/^A1:[A-Z]+3$/);
    expect(out.width).toBeGreaterThan(30);
    expect(out.formulas).toBe(0);
  });
});

describe.skipIf(!hasSoffice)('LibreOffice', () => {
  it('converts its first sheet to CSV with the texts as typed, formula-like ones included', { timeout: 120_000 }, () => {
    const file = workbookFile();
    const profile = `file://${join(dir, `profile-${Math.random().toString(36).slice(2)}`)}`;
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, file], {
      stdio: 'ignore', timeout: 120_000,
    });
    const csv = readFileSync(join(dir, 'portfolio.csv'), 'utf8');
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('Компания');
    expect(csv).toContain('=SUM(A1) <b>&amp;</b>');
    expect(csv).toContain('ООО «Ромашка»');
    expect(csv).toContain('25.12.2026');
  });
});
