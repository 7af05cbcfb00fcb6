/**
 * `tickler onboard`: a client list made by another program becomes a portfolio workbook
 * that `validate` accepts, with the mapping the app proposes; a file that holds no list
 * is exit 1 with the reason, and nothing is written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../shared/cli/commands';
import { readPortfolioWorkbook } from '../../../shared/workbook/read';
import { MANAGER_LIST, openpyxlBytes, openpyxlPython, sheetjsBytes } from '../workbook/foreign-fixtures';
import { memoryIo } from './memory-io';

if (!openpyxlPython) console.log('onboard of an openpyxl-written list skipped: no python3 with openpyxl (install python3-openpyxl).');


function onboardList(list: Uint8Array) {
  const io = memoryIo({ 'list.xlsx': list });
  const out = runCli(['onboard', 'list.xlsx', '-o', 'p.xlsx', '--today', '2026-12-01', '--owner', 'Анна Иванова'], io);
  return { out, io };
}

function expectPortfolio(list: Uint8Array) {
  const { out, io } = onboardList(list);
  expect(out.exitCode).toBe(0);
  expect(JSON.parse(out.lines.at(-1)!)).toEqual({
    dossiers: 4,
    // The totals row and the second row of INN 7707083893.
    skipped: 2,
    warnings: [
      'A totals row, not a client: row 10, left out.',
      '1 INN fails the check digit: row 9, kept as typed.',
      'INN 7707083893 is on rows 4, 5: row 4 loaded, the others skipped as duplicates.',
    ],
  });
  // What the written workbook holds is what validate accepts.
  const validated = runCli(['validate', 'p.xlsx'], io);
  expect(validated.exitCode).toBe(0);
  expect(validated.lines.at(-1)).toBe('OK: {"dossiers":4,"contacts":3,"history":0,"steps":4,"invoices":0,"holidays":0}');
  const r = readPortfolioWorkbook(io.files['p.xlsx']!);
  if (!r.ok) throw new Error(r.fatal.message);
  const fileKey = (company: string) => {
    const d = r.portfolio.dossiers.find((x) => x.company === company)!;
    return r.portfolio.steps.filter((s) => s.dossierId === d.id && !s.done).map((s) => s.date);
  };
  // Filed under the list's next-contact dates; the client without one under --today.
  expect(fileKey('ООО «Ромашка»')).toEqual(['2026-12-03']);
  expect(fileKey('ИП Сидоров')).toEqual(['2026-12-07']);
  expect(fileKey('ООО «Берёза»')).toEqual(['2026-12-05']);
  expect(fileKey('ЗАО «Клён»')).toEqual(['2026-12-01']);
  expect(r.portfolio.dossiers.every((d) => d.owner === 'Анна Иванова' && d.status === 'active')).toBe(true);
  expect(r.portfolio.dossiers.map((d) => d.customFields)).toEqual([{}, {}, {}, {}]);
}

describe('tickler onboard', () => {
  it('a SheetJS-written list with a title, blank rows and a totals row', () => {
    expectPortfolio(sheetjsBytes(MANAGER_LIST));
  });

  it.skipIf(!openpyxlPython)('the same list written by openpyxl', () => {
    expectPortfolio(openpyxlBytes(MANAGER_LIST, 'cli-list'));
  });

  it('warnings in Russian with --lang ru', () => {
    const io = memoryIo({ 'list.xlsx': sheetjsBytes(MANAGER_LIST) });
    const out = runCli(['onboard', 'list.xlsx', '-o', 'p.xlsx', '--today', '2026-12-01', '--lang', 'ru'], io);
    expect(out.lines[0]).toBe('Строка итогов, а не клиент: строка 10; пропущена.');
  });

  it('a garbage file, an empty workbook, a list without a company column: exit 1, the reason, nothing written', () => {
    let seed = 11;
    const garbage = Uint8Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >>> 16 & 0xff);
    const cases: [Uint8Array, string][] = [
      [garbage, 'list.xlsx: This is not an Excel workbook (.xlsx).'],
      [sheetjsBytes([{ name: 'Лист1', rows: [] }]), 'list.xlsx: The workbook is empty: none of its sheets has any cells filled in.'],
      [sheetjsBytes([{ name: 'Лист1', rows: [['Телефон', 'E-mail'], ['+7 916 000-00-00', 'a@b.ru']] }]),
        'list.xlsx: No column of the list holds company names (a header such as Company, Client or Наименование).'],
    ];
    for (const [bytes, message] of cases) {
      const { out, io } = onboardList(bytes);
      expect(out).toEqual({ lines: [message], exitCode: 1 });
      expect(io.files['p.xlsx']).toBeUndefined();
    }
  });

  it('usage errors: no -o, a bad --today', () => {
    const io = memoryIo({ 'list.xlsx': sheetjsBytes(MANAGER_LIST) });
    expect(runCli(['onboard', 'list.xlsx'], io).exitCode).toBe(2);
    expect(runCli(['onboard', 'list.xlsx', '-o', 'p.xlsx', '--today', '1.12.2026'], io).exitCode).toBe(2);
  });
});

describe('npm run tickler -- onboard, as a process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tickler-onboard-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync('npx', ['tsx', 'scripts/tickler.ts', 'onboard', ...args], { encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } });

  it('writes the portfolio and ends with the JSON summary; a garbage file is exit 1 without a stack trace', { timeout: 60_000 }, () => {
    const list = join(dir, 'клиенты.xlsx');
    const out = join(dir, 'portfolio.xlsx');
    writeFileSync(list, sheetjsBytes(MANAGER_LIST));
    const ok = run(list, '-o', out, '--today', '2026-12-01');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout.trim().split('\n').at(-1)!)).toMatchObject({ dossiers: 4, skipped: 2 });
    expect(readPortfolioWorkbook(new Uint8Array(readFileSync(out))).ok).toBe(true);

    const junk = join(dir, 'junk.xlsx');
    const junkOut = join(dir, 'junk-portfolio.xlsx');
    writeFileSync(junk, Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256));
    const bad = run(junk, '-o', junkOut);
    expect(bad.status).toBe(1);
    expect(bad.stdout.trim()).toBe(`${junk}: This is not an Excel workbook (.xlsx).`);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(junkOut)).toBe(false);
  });
});
