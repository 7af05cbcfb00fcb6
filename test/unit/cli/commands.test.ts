import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { runCli } from '../../../shared/cli/commands';
import { readPortfolioWorkbook } from '../../../shared/workbook/read';
import { ID, PersonEdit, exportWorkbook, smallPortfolio } from '../workbook/fixtures';
import { memoryIo } from './memory-io';


const lastJson = (lines: string[]) => JSON.parse(lines[lines.length - 1]!) as Record<string, number>;

describe('tickler CLI commands', () => {
  it('holidays: the year\'s statutory days off, one ISO date a line', () => {
    const ru = runCli(['holidays', 'ru', '2026'], memoryIo());
    expect(ru.exitCode).toBe(0);
    // With the law's moves: 8 March (Sunday) -> 9 March, 9 May (Saturday) -> 11 May.
    expect(ru.lines).toEqual([
      '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08',
      '2026-02-23', '2026-03-08', '2026-03-09', '2026-05-01', '2026-05-09', '2026-05-11', '2026-06-12', '2026-11-04',
    ]);
    const ro = runCli(['holidays', 'ro', '2027'], memoryIo());
    expect(ro.lines).toContain('2027-04-30'); // Orthodox Good Friday 2027
    expect(ro.lines).toContain('2027-06-21'); // Pentecost Monday
    expect(ro.lines).toHaveLength(17);
    expect(runCli(['holidays', 'de', '2026'], memoryIo()).exitCode).toBe(2);
    expect(runCli(['holidays', 'ru', '26'], memoryIo()).exitCode).toBe(2);
  });


  it('validate: exit 0 for a valid workbook', () => {
    const out = runCli(['validate', 'a.xlsx'], memoryIo({ 'a.xlsx': exportWorkbook(smallPortfolio(), 'en') }));
    expect(out.exitCode).toBe(0);
    expect(out.lines.at(-1)).toBe('OK: {"dossiers":2,"contacts":2,"history":1,"steps":2,"invoices":1,"holidays":1}');
  });

  it('validate: exit 1 and one "Sheet!Row: message" line per problem', () => {
    const e = new PersonEdit(exportWorkbook(smallPortfolio(), 'en'));
    e.set('Steps', e.rowOf('Steps', ID(31)), 'Date', '32.13.2026');
    e.set('Invoices', e.rowOf('Invoices', ID(41)), 'Amount', 'много');
    const out = runCli(['validate', 'a.xlsx'], memoryIo({ 'a.xlsx': e.save() }));
    expect(out.exitCode).toBe(1);
    expect(out.lines).toEqual([
      'Steps!2: column F: "32.13.2026" is not a date (expected dd.mm.yyyy).',
      'Invoices!2: column F: "много" is not a number.',
    ]);
    const ru = runCli(['validate', 'a.xlsx', '--lang', 'ru'], memoryIo({ 'a.xlsx': e.save() }));
    expect(ru.lines[0]).toBe('Steps!2: столбец F: «32.13.2026» — не дата (ожидается дд.мм.гггг).');
    const ro = runCli(['validate', 'a.xlsx', '--lang', 'ro'], memoryIo({ 'a.xlsx': e.save() }));
    expect(ro.lines[0]).toBe('Steps!2: coloana F: „32.13.2026” nu este o dată (se așteaptă zz.ll.aaaa).');
  });

  it('a Romanian workbook has Romanian sheets and headers and validates in Romanian', () => {
    const io = memoryIo();
    expect(runCli(['demo', 'ro.xlsx', '--dossiers', '3', '--lang', 'ro', '--today', '2026-12-01'], io).exitCode).toBe(0);
    const wb = XLSX.read(io.files['ro.xlsx']!, { type: 'array' });
    expect(wb.SheetNames).toEqual(['Dosare', 'Contacte', 'Istoric contacte', 'Pași', 'Facturi', 'Plăți', 'Sărbători', 'Zile lucrătoare', 'Informații']);
    expect((XLSX.utils.sheet_to_json(wb.Sheets['Dosare']!, { header: 1 })[0] as string[]).slice(0, 3)).toEqual(['ID', 'Firmă', 'Cod fiscal']);
    const out = runCli(['validate', 'ro.xlsx', '--lang', 'ro'], io);
    expect(out.exitCode).toBe(0);
    expect(out.lines.at(-1)).toMatch(/^OK: /);
    expect(runCli(['validate', 'ro.xlsx', '--lang', 'de'], io).exitCode).toBe(2);
  });

  it('validate: a file that is not a workbook is one line naming the file, exit 1', () => {
    const out = runCli(['validate', 'notes.txt'], memoryIo({ 'notes.txt': new TextEncoder().encode('hello') }));
    expect(out).toEqual({ lines: ['notes.txt: This is not an Excel workbook (.xlsx).'], exitCode: 1 });
    const missing = runCli(['validate', 'nope.xlsx'], memoryIo());
    expect(missing.exitCode).toBe(1);
    expect(missing.lines[0]).toMatch(/^nope\.xlsx: /);
  });

  it('stats: last line is JSON with the row count of every record type', () => {
    const out = runCli(['stats', 'a.xlsx'], memoryIo({ 'a.xlsx': exportWorkbook(smallPortfolio()) }));
    expect(out.exitCode).toBe(0);
    expect(lastJson(out.lines)).toEqual({ dossiers: 2, contacts: 2, history: 1, steps: 2, invoices: 1, holidays: 1 });
  });

  it('merge: writes the merged workbook, conflicts keep base, last line JSON summary', () => {
    const base = smallPortfolio();
    const e = new PersonEdit(exportWorkbook(base, 'en'));
    e.set('Steps', e.rowOf('Steps', ID(31)), 'Date', '01.12.2026');
    e.set('Dossiers', e.rowOf('Dossiers', ID(1)), 'Owner', 'Ольга');
    e.add('Dossiers', { Company: 'Новый клиент' });
    const mine = structuredClone(base);
    mine.dossiers[0]!.owner = 'Борис';
    const io = memoryIo({ 'base.xlsx': exportWorkbook(mine, 'en'), 'in.xlsx': e.save() });
    const out = runCli(['merge', 'base.xlsx', 'in.xlsx', '-o', 'out.xlsx'], io);
    expect(out.exitCode).toBe(0);
    expect(lastJson(out.lines)).toEqual({ created: 1, updated: 1, unchanged: 6, conflicts: 1, errors: 0 });
    expect(out.lines.some((l) => l.startsWith(`conflict (kept base): dossiers ${ID(1)}`))).toBe(true);
    const merged = readPortfolioWorkbook(io.files['out.xlsx']!);
    if (!merged.ok) throw new Error(merged.fatal.message);
    expect(merged.portfolio.dossiers.find((d) => d.id === ID(1))!.owner).toBe('Борис');
    expect(merged.portfolio.steps.find((s) => s.id === ID(31))!.date).toBe('2026-12-01');
    expect(merged.portfolio.dossiers.map((d) => d.company)).toContain('Новый клиент');
  });

  it('demo: writes a generated portfolio of the asked size', () => {
    const io = memoryIo();
    const out = runCli(['demo', 'demo.xlsx', '--dossiers', '30', '--seed', '7', '--today', '2026-11-24'], io);
    expect(out.exitCode).toBe(0);
    expect(lastJson(out.lines).dossiers).toBe(30);
    const stats = runCli(['stats', 'demo.xlsx'], io);
    expect(lastJson(stats.lines)).toEqual(lastJson(out.lines));
  });

  it('--help prints usage (exit 0); an unknown command or missing arguments print usage with exit 2', () => {
    expect(runCli(['--help'], memoryIo()).exitCode).toBe(0);
    expect(runCli(['--help'], memoryIo()).lines[0]).toMatch(/^Usage: npm run tickler/);
    const unknown = runCli(['frobnicate'], memoryIo());
    expect(unknown.exitCode).toBe(2);
    expect(unknown.lines[0]).toBe('Unknown command: frobnicate');
    expect(unknown.lines).toContain('Usage: npm run tickler -- <command> [options]');
    expect(runCli([], memoryIo()).exitCode).toBe(2);
    expect(runCli(['merge', 'a.xlsx'], memoryIo()).exitCode).toBe(2);
    expect(runCli(['demo', 'x.xlsx'], memoryIo()).exitCode).toBe(2);
  });
});

describe('scripts/tickler.ts as a process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tickler-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('validate prints the problems and exits 1, with no stack trace', { timeout: 60_000 }, () => {
    const e = new PersonEdit(exportWorkbook(smallPortfolio(), 'en'));
    e.set('Steps', e.rowOf('Steps', ID(31)), 'Date', 'завтра');
    const file = join(dir, 'bad.xlsx');
    writeFileSync(file, e.save());
    const run = spawnSync('npx', ['tsx', 'scripts/tickler.ts', 'validate', file], { encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } });
    expect(run.status).toBe(1);
    expect(run.stdout.trim()).toBe('Steps!2: column F: "завтра" is not a date (expected dd.mm.yyyy).');
    expect(run.stderr).not.toMatch(/\n\s+at /);

    const junk = join(dir, 'junk.xlsx');
    writeFileSync(junk, 'not a workbook');
    const bad = spawnSync('npx', ['tsx', 'scripts/tickler.ts', 'validate', junk], { encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } });
    expect(bad.status).toBe(1);
    expect(bad.stdout.trim()).toBe(`${junk}: This is not an Excel workbook (.xlsx).`);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
