import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { readPortfolioWorkbook } from '../../../shared/workbook/read';
import { ID, PersonEdit, exportWorkbook, smallPortfolio } from './fixtures';

/** A Romanian workbook as a colleague in Bucharest edits it in Excel. */
describe('a Romanian workbook', () => {
  it('is written with Romanian sheet names, headers and Meta labels', () => {
    const wb = XLSX.read(exportWorkbook(smallPortfolio(), 'ro'), { type: 'array' });
    expect(wb.SheetNames).toEqual(['Dosare', 'Contacte', 'Istoric contacte', 'Pași', 'Facturi', 'Plăți', 'Sărbători', 'Zile lucrătoare', 'Informații']);
    const head = (s: string) => XLSX.utils.sheet_to_json<string[]>(wb.Sheets[s]!, { header: 1 })[0];
    expect(head('Pași')).toEqual(expect.arrayContaining(['Tip', 'Ce este de făcut', 'Data', 'Luna', 'Ora', 'Făcut']));
    expect(head('Facturi')).toEqual(expect.arrayContaining(['Număr', 'Sumă', 'Monedă', 'Scadență', 'Încasată la']));
    expect(head('Informații')).toEqual(['Cheie', 'Valoare', 'Descriere']);
  });

  it('reads back headers typed with the old cedilla ş ţ, and Romanian words for kinds', () => {
    const e = new PersonEdit(exportWorkbook(smallPortfolio(), 'ro'));
    // "Funcţie" with a cedilla, as older Romanian keyboards type it.
    const ws = e.wb.Sheets['Contacte']!;
    const c = e.col('Contacte', 'Funcție');
    ws[XLSX.utils.encode_cell({ r: 0, c })] = { t: 's', v: 'Funcţie' };
    e.set('Istoric contacte', e.rowOf('Istoric contacte', ID(21)), 'Tip', 'Întâlnire');
    e.set('Pași', e.rowOf('Pași', ID(31)), 'Tip', 'apel');
    const r = readPortfolioWorkbook(e.save());
    if (!r.ok) throw new Error(r.fatal.message);
    expect(r.errors).toEqual([]);
    expect(r.warnings.filter((w) => w.code === 'unknown-column')).toEqual([]);
    expect(r.portfolio.contacts.find((x) => x.id === ID(11))!.position).toBe('директор');
    expect(r.portfolio.history.find((x) => x.id === ID(21))!.kind).toBe('meeting');
    expect(r.portfolio.steps.find((x) => x.id === ID(31))!.kind).toBe('call');
    expect(r.meta.language).toBe('ro');
  });
});
