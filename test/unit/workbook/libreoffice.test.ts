/**
 * The workbook survives a round trip through another spreadsheet: LibreOffice opens it and
 * saves it again as xlsx (what a colleague without Excel does), and the import is still
 * exact. Skipped, with the reason printed, where LibreOffice is not installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyPortfolio, type Portfolio } from '../../../shared/model/records';
import { readPortfolioWorkbook } from '../../../shared/workbook/read';
import { exportWorkbook, smallPortfolio } from './fixtures';
import { asExported, portfolioArb } from './portfolio-arbitrary';

const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasSoffice) console.log('LibreOffice re-save test skipped: `soffice` is not on PATH (install libreoffice-calc-nogui).');

const dir = mkdtempSync(join(tmpdir(), 'tickler-lo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function resave(bytes: Uint8Array, name: string): Uint8Array {
  const src = join(dir, 'in', `${name}.xlsx`);
  execFileSync('mkdir', ['-p', join(dir, 'in'), join(dir, 'out')]);
  writeFileSync(src, bytes);
  // Its own profile: parallel runs and a user's open LibreOffice do not interfere.
  const profile = `file://${join(dir, `profile-${Math.random().toString(36).slice(2)}`)}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', join(dir, 'out'), src], {
    stdio: 'ignore', timeout: 120_000,
  });
  return new Uint8Array(readFileSync(join(dir, 'out', `${name}.xlsx`)));
}

function combine(parts: Portfolio[]): Portfolio {
  const p = emptyPortfolio();
  for (const x of parts) {
    p.dossiers.push(...x.dossiers); p.contacts.push(...x.contacts); p.history.push(...x.history);
    p.steps.push(...x.steps); p.invoices.push(...x.invoices); p.holidays.push(...x.holidays);
  }
  p.holidays = [...new Set(p.holidays)];
  return p;
}

describe.skipIf(!hasSoffice)('LibreOffice re-save', () => {
  it('imports a LibreOffice-saved copy exactly, formula-like text still text', { timeout: 180_000 }, () => {
    const generated = fc.sample(portfolioArb, { numRuns: 12, seed: 20261124 });
    const portfolio = combine([smallPortfolio(), ...generated]);
    portfolio.dossiers[0]!.notes = '=SUM(A1) +7 -5 @x';
    const back = resave(exportWorkbook(portfolio, 'ru'), 'portfolio');

    const r = readPortfolioWorkbook(back);
    if (!r.ok) throw new Error(r.fatal.message);
    expect(r.errors).toEqual([]);
    expect(r.portfolio).toEqual(asExported(portfolio));

    const wb = XLSX.read(back, { type: 'array', cellFormula: true, dense: true });
    const cells = (wb.Sheets['Досье'] as unknown as { '!data': XLSX.CellObject[][] })['!data'].flat();
    const cell = cells.find((c) => c?.v === '=SUM(A1) +7 -5 @x');
    expect(cell?.t).toBe('s');
    // LibreOffice stores booleans as TRUE()/FALSE() formulas; no text ever becomes one.
    expect(cells.filter((c) => c?.f !== undefined && !/^(TRUE|FALSE)\(\)$/.test(c.f))).toEqual([]);
  });
});
