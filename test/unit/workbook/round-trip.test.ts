import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { readPortfolioWorkbook } from '../../../shared/workbook/read';
import { customKeys, writePortfolioWorkbook, writeSlicesTo, type Language } from '../../../shared/workbook/write';
import { joinChunks } from '../../../shared/workbook/xlsx-stream-writer';
import { emptyPortfolio, type Portfolio } from '../../../shared/model/records';
import { asExported, portfolioArb } from './portfolio-arbitrary';

const META = { appVersion: '0.1.0', exportedBy: 'Анна', scope: 'all', exportedAt: '2026-11-24T10:00:00.000Z' };

function roundTrip(p: Portfolio, language: Language): Portfolio {
  const r = readPortfolioWorkbook(writePortfolioWorkbook(p, { ...META, language }));
  if (!r.ok) throw new Error(r.fatal.message);
  expect(r.errors).toEqual([]);
  return r.portfolio;
}

function dossier(id: string, notes: string): Portfolio {
  const p = emptyPortfolio();
  p.dossiers.push({
    id, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', author: 'A', syncBase: '',
    company: 'ООО «Ромашка»', taxId: '7707083893', industry: '', segment: '', territory: '', vip: false, owner: '',
    tags: [], customFields: {}, notes, status: 'active', coveredFor: '', coveredUntil: '',
  });
  return p;
}

describe('portfolio workbook round trip', () => {
  it('export then import gives back every record exactly (ru, en and ro headers)', () => {
    fc.assert(
      fc.property(portfolioArb, fc.constantFrom<Language>('ru', 'en', 'ro'), (p, lang) => {
        expect(roundTrip(p, lang)).toEqual(asExported(p));
      }),
      { numRuns: 60 },
    );
  });

  it('a sheet past the row limit continues on "<name> 2", "<name> 3", … and reads back whole, in order', () => {
    fc.assert(
      fc.property(portfolioArb, fc.constantFrom<Language>('ru', 'en'), fc.integer({ min: 2, max: 4 }), (p, lang, sheetRows) => {
        const bytes = writePortfolioWorkbook(p, { ...META, language: lang }, { sheetRows });
        const names = XLSX.read(bytes, { type: 'array', bookSheets: true }).SheetNames;
        const history = lang === 'ru' ? 'История' : 'Contact history';
        const parts = Math.max(1, Math.ceil(p.history.length / (sheetRows - 1)));
        expect(names.filter((n) => n === history || n.startsWith(`${history} `))).toEqual(
          Array.from({ length: parts }, (_, i) => (i === 0 ? history : `${history} ${i + 1}`)),
        );
        const r = readPortfolioWorkbook(bytes);
        if (!r.ok) throw new Error(r.fatal.message);
        expect(r.errors).toEqual([]);
        expect(r.warnings.filter((w) => w.code === 'unknown-sheet' || w.code === 'count-mismatch')).toEqual([]);
        expect(r.portfolio).toEqual(asExported(p));
      }),
      { numRuns: 40 },
    );
  });

  it('keeps texts longer than an Excel cell (32,767) whole, emoji at the cut included', () => {
    const id = '6f1c2b9e-0000-4000-8000-000000000001';
    for (const notes of ['я'.repeat(32_767), `${'x'.repeat(32_766)}😀tail`, '_x0041_'.repeat(9_000), 'ж😀'.repeat(40_000)]) {
      const back = roundTrip(dossier(id, notes), 'ru');
      expect(back.dossiers[0]!.notes.length).toBe(notes.length);
      expect(back.dossiers[0]!.notes).toBe(notes);
    }
  });

  it('writes formula-like text as string cells, never as formulas', () => {
    const p = dossier('6f1c2b9e-0000-4000-8000-000000000002', '=SUM(A1)');
    p.dossiers[0]!.company = '=1+1';
    p.dossiers[0]!.industry = '+7 916 000';
    p.dossiers[0]!.territory = '-5';
    p.dossiers[0]!.owner = '@x';
    const bytes = writePortfolioWorkbook(p, { ...META, language: 'en' });
    const wb = XLSX.read(bytes, { type: 'array', dense: true, cellFormula: true });
    const cells = (wb.Sheets.Dossiers as unknown as { '!data': XLSX.CellObject[][] })['!data'][1]!;
    for (const v of ['=1+1', '+7 916 000', '-5', '@x', '=SUM(A1)']) {
      const cell = cells.find((c) => c?.v === v);
      expect(cell, v).toBeDefined();
      expect(cell!.t).toBe('s');
      expect(cell!.f).toBeUndefined();
    }
    // And no formula element anywhere in the package.
    const zip = XLSX.CFB.read(bytes, { type: 'buffer' });
    for (const path of zip.FullPaths as string[]) {
      if (!path.includes('worksheets/')) continue;
      const entry = XLSX.CFB.find(zip, path.replace(/^Root Entry/, ''));
      if (entry?.content) expect(new TextDecoder().decode(entry.content as Uint8Array)).not.toContain('<f>');
    }
  });

  it('freezes the header row, sets an autofilter and column widths', () => {
    const p = dossier('6f1c2b9e-0000-4000-8000-000000000003', 'заметка');
    const bytes = writePortfolioWorkbook(p, { ...META, language: 'en' });
    const zip = XLSX.CFB.read(bytes, { type: 'buffer' });
    const sheet1 = new TextDecoder().decode(XLSX.CFB.find(zip, '/xl/worksheets/sheet1.xml')!.content as Uint8Array);
    expect(sheet1).toContain('state="frozen"');
    expect(sheet1).toContain('<autoFilter ref="A1:');
    expect(sheet1).toContain('customWidth="1"');
    const back = readPortfolioWorkbook(bytes);
    expect(back.ok && back.portfolio.dossiers[0]!.notes).toBe('заметка');
  });

  it('writes days as real date cells (dd.mm.yyyy) and instants as date-time cells', () => {
    const p = dossier('6f1c2b9e-0000-4000-8000-000000000004', '');
    p.dossiers[0]!.coveredUntil = '2026-12-25';
    const wb = XLSX.read(writePortfolioWorkbook(p, { ...META, language: 'ru' }), { type: 'array', cellNF: true, cellDates: true, UTC: true });
    const sheet = wb.Sheets['Досье']!;
    const headers = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })[0]!;
    const until = sheet[XLSX.utils.encode_cell({ r: 1, c: headers.indexOf('Замещает до') })] as XLSX.CellObject;
    expect(until.t).toBe('d');
    expect(until.z).toBe('dd.mm.yyyy');
    expect((until.v as Date).toISOString().slice(0, 10)).toBe('2026-12-25');
    const created = sheet[XLSX.utils.encode_cell({ r: 1, c: headers.indexOf('Создано') })] as XLSX.CellObject;
    expect(created.t).toBe('d');
  });
});

describe('the workbook written from slices (a generator, a paged read)', () => {
  /** The portfolio cut into slices of dossiers, each with its dossiers' records, as generateDemoChunks yields them. */
  function slicesOf(p: Portfolio, size: number): Portfolio[] {
    const out: Portfolio[] = [];
    for (let i = 0; i === 0 || i < p.dossiers.length; i += size) {
      const dossiers = p.dossiers.slice(i, i + size);
      const ids = new Set(dossiers.map((d) => d.id));
      // Children of no dossier (none in a real binder) go with the first slice.
      const mine = <T extends { dossierId: string }>(xs: T[]) => xs.filter((x) => ids.has(x.dossierId) || (i === 0 && !p.dossiers.some((d) => d.id === x.dossierId)));
      out.push({ dossiers, contacts: mine(p.contacts), history: mine(p.history), steps: mine(p.steps), invoices: mine(p.invoices), payments: mine(p.payments), holidays: [] });
    }
    return out;
  }
  const recordsInOrder = (p: Portfolio, slices: Portfolio[]): Portfolio => ({
    ...p,
    contacts: slices.flatMap((s) => s.contacts), history: slices.flatMap((s) => s.history),
    steps: slices.flatMap((s) => s.steps), invoices: slices.flatMap((s) => s.invoices), payments: slices.flatMap((s) => s.payments),
  });

  it('reads back every record, every sheet continued on "<name> 2", … at a small row limit', () => {
    fc.assert(
      fc.property(portfolioArb, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 5 }), fc.constantFrom<Language>('ru', 'ro'), (p, size, sheetRows, lang) => {
        const slices = slicesOf(p, size);
        const chunks: Uint8Array[] = [];
        writeSlicesTo(
          { slices, customKeys: customKeys(p.dossiers), holidays: p.holidays, extraWorkingDays: p.extraWorkingDays ?? [] },
          { ...META, language: lang }, (c) => chunks.push(c), { sheetRows },
        );
        const bytes = joinChunks(chunks);
        const names = XLSX.read(bytes, { type: 'array', bookSheets: true }).SheetNames;
        const contacts = lang === 'ru' ? 'Контакты' : 'Contacte';
        const parts = Math.max(1, Math.ceil(p.contacts.length / (sheetRows - 1)));
        // Tabs in order: a sheet's parts follow it, whatever order the zip holds them in.
        const at = names.indexOf(contacts);
        expect(names.slice(at, at + parts)).toEqual(Array.from({ length: parts }, (_, i) => (i === 0 ? contacts : `${contacts} ${i + 1}`)));
        const r = readPortfolioWorkbook(bytes);
        if (!r.ok) throw new Error(r.fatal.message);
        expect(r.errors).toEqual([]);
        expect(r.warnings.filter((w) => w.code === 'unknown-sheet' || w.code === 'count-mismatch')).toEqual([]);
        expect(r.portfolio).toEqual(asExported(recordsInOrder(p, slices)));
      }),
      { numRuns: 40 },
    );
  });
});
