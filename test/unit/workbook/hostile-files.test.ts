/**
 * Files made to hurt: each is refused (or read as plain data) quickly, in little memory,
 * with a specific reason, and never changes what the reader returns for good files.
 */
import { deflateRawSync } from 'node:zlib';
import { strToU8, strFromU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../shared/cli/commands';
import { dayToSerial } from '../../../shared/workbook/cells';
import { issueMessage } from '../../../shared/workbook/issues';
import { MAX_SHEET_ROWS, readPortfolioWorkbook } from '../../../shared/workbook/read';
import { checkZipSizes, ZIP_LIMITS } from '../../../shared/workbook/zip-guard';
import { ID, PersonEdit, exportWorkbook, smallPortfolio } from './fixtures';

interface Entry {
  name: string;
  /** Raw deflate of the entry's content, and the content's real size. */
  packed: Uint8Array;
  size: number;
  /** What the headers say it unpacks to (default: the truth). */
  declared?: number;
  descriptor?: boolean;
}

const entry = (name: string, data: Uint8Array, more: Partial<Entry> = {}): Entry =>
  ({ name, packed: deflateRawSync(data, { level: 1 }), size: data.length, ...more });

/** A minimal zip writer, so a test can say what the headers claim independently of the data. */
function zip(entries: Entry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const { packed } = e;
    const name = strToU8(e.name);
    const usz = e.declared ?? e.size;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, e.descriptor ? 8 : 0, true);
    local.setUint16(8, 8, true);
    local.setUint32(18, e.descriptor ? 0 : packed.length, true);
    local.setUint32(22, e.descriptor ? 0 : usz, true);
    local.setUint16(26, name.length, true);
    const cd = new DataView(new ArrayBuffer(46));
    cd.setUint32(0, 0x02014b50, true);
    cd.setUint16(6, 20, true);
    cd.setUint16(8, e.descriptor ? 8 : 0, true);
    cd.setUint16(10, 8, true);
    cd.setUint32(20, packed.length, true);
    cd.setUint32(24, usz, true);
    cd.setUint16(28, name.length, true);
    cd.setUint32(42, offset, true);
    const block = [new Uint8Array(local.buffer), name, packed];
    if (e.descriptor) {
      const dd = new DataView(new ArrayBuffer(16));
      dd.setUint32(0, 0x08074b50, true);
      dd.setUint32(8, packed.length, true);
      dd.setUint32(12, usz, true);
      block.push(new Uint8Array(dd.buffer));
    }
    for (const b of block) { parts.push(b); offset += b.length; }
    central.push(new Uint8Array(cd.buffer), name);
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, offset, true);
  const all = [...parts, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of all) { out.set(b, at); at += b.length; }
  return out;
}

const MB = 1024 * 1024;
/** 100 MB of spaces packed into about 450 KB (the issue's file: 540 KB that inflates to 400 MB). */
const BOMB = entry('xl/worksheets/sheet1.xml', new Uint8Array(100 * MB).fill(0x20));

function fatal(bytes: Uint8Array): { code: string; message: string } {
  const r = readPortfolioWorkbook(bytes);
  if (r.ok) throw new Error('expected the file to be refused');
  return { code: r.fatal.code, message: issueMessage(r.fatal, 'ru') };
}

describe('a deflate bomb is refused before it is inflated', () => {
  it('when its headers say how large it is', () => {
    const bytes = zip([BOMB]);
    expect(bytes.length).toBeLessThan(MB);
    const v = checkZipSizes(bytes);
    expect(v).toMatchObject({ ok: false, reason: 'ratio', entry: 'xl/worksheets/sheet1.xml' });
    const f = fatal(bytes);
    expect(f.code).toBe('too-large');
    expect(f.message).toContain('МБ');
  });

  it('when its local header says nothing (sizes in a trailing data descriptor)', () => {
    const bytes = zip([{ ...BOMB, descriptor: true }]);
    expect(checkZipSizes(bytes)).toMatchObject({ ok: false, reason: 'ratio' });
  });

  it('when its headers lie that it is small, SheetJS stops at the declared size and reports damage', () => {
    const bytes = zip([{ ...BOMB, name: 'xl/workbook.xml', declared: 1000 }]);
    expect(checkZipSizes(bytes).ok).toBe(true);
    expect(fatal(bytes).code).toBe('damaged');
  });

  it('past the total or the entry count', () => {
    const small = (n: number): Entry => entry(`x${n}.xml`, new Uint8Array(10));
    expect(checkZipSizes(zip([small(1), small(2), small(3)]), { ...ZIP_LIMITS, maxEntries: 2 })).toMatchObject({ ok: false, reason: 'too-many-entries' });
    expect(checkZipSizes(zip([small(1), small(2)]), { ...ZIP_LIMITS, maxTotalBytes: 15 })).toMatchObject({ ok: false, reason: 'total-too-large' });
    expect(checkZipSizes(zip([small(1)]), { ...ZIP_LIMITS, maxEntryBytes: 5 })).toMatchObject({ ok: false, reason: 'entry-too-large' });
  });

  it('the CLI refuses it with the same reason and exit 1', () => {
    const bytes = zip([BOMB]);
    const r = runCli(['validate', 'bomb.xlsx'], { readFile: () => bytes, writeFile: () => undefined });
    expect(r.exitCode).toBe(1);
    expect(r.lines.join('\n')).toMatch(/unpacks to \d+ MB/);
  });
});

describe('good workbooks pass the guard unchanged', () => {
  it('our own export, of every size the tests make', () => {
    const bytes = exportWorkbook(smallPortfolio());
    const v = checkZipSizes(bytes);
    expect(v.ok).toBe(true);
    expect(v.ok && v.totalBytes).toBeGreaterThan(bytes.length);
    expect(readPortfolioWorkbook(bytes).ok).toBe(true);
  });
});

describe('sheets past Excel’s limits', () => {
  it(`a sheet of ${MAX_SHEET_ROWS + 1} rows is refused, naming the sheet`, () => {
    // Every row written, as Excel would; only the first and the last carry a value.
    const rows: string[] = [];
    for (let r = 1; r <= MAX_SHEET_ROWS + 1; r++) rows.push(r === 1 || r === MAX_SHEET_ROWS + 1 ? `<row r="${r}"><c r="A${r}"><v>1</v></c></row>` : `<row r="${r}"/>`);
    const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
    const files = {
      '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
      '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
      'xl/workbook.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Dossiers" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': strToU8(sheet),
    };
    const r = readPortfolioWorkbook(zipSync(files, { level: 1 }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.fatal).toMatchObject({ code: 'too-many-rows', sheet: 'Dossiers' });
  });

  it('a 40,000-character cell leaves its row out with "text-too-long", the other rows are read', () => {
    // SheetJS (like Excel) refuses to write such a cell, so it goes into the saved XML by hand.
    const edit = new PersonEdit(exportWorkbook(smallPortfolio(), 'en'));
    edit.set('Dossiers', edit.rowOf('Dossiers', ID(2)), 'Notes', 'LONG-TEXT-HERE');
    const files = unzipSync(edit.save());
    const sheet = 'xl/worksheets/sheet1.xml';
    files[sheet] = strToU8(strFromU8(files[sheet]!).replace('LONG-TEXT-HERE', 'x'.repeat(40_000)));
    const r = readPortfolioWorkbook(zipSync(files));
    if (!r.ok) throw new Error(r.fatal.message);
    expect(r.portfolio.dossiers.map((d) => d.id)).toEqual([ID(1)]);
    expect(r.errors).toContainEqual(expect.objectContaining({ code: 'text-too-long', sheet: 'Dossiers', params: { length: 40_000, max: 32_767 } }));
  });
});

describe('prototype keys are plain data', () => {
  it('custom columns named __proto__ and constructor come back as fields; a segment "constructor" is an unknown value', () => {
    const p = smallPortfolio();
    p.dossiers[0]!.customFields = Object.fromEntries([['__proto__', 'proto value'], ['constructor', 'ctor value']]);
    const bytes = exportWorkbook(p, 'en');
    const edit = new PersonEdit(bytes);
    edit.set('Dossiers', edit.rowOf('Dossiers', ID(2)), 'Segment', 'constructor');
    const r = readPortfolioWorkbook(edit.save());
    if (!r.ok) throw new Error(r.fatal.message);
    const fields = r.portfolio.dossiers.find((d) => d.id === ID(1))!.customFields;
    expect(Object.keys(fields).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(fields, '__proto__')?.value).toBe('proto value');
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(structuredClone(fields)).toEqual(fields);
    expect(r.errors).toContainEqual(expect.objectContaining({ code: 'unknown-value', params: expect.objectContaining({ value: 'constructor' }) }));
  });
});

describe('days before year 100 keep their year', () => {
  it('0026-07-01 is not written as a 1926 date serial, and reads back as 0026-07-01', () => {
    expect(dayToSerial('0026-07-01')).toBeUndefined();
    expect(dayToSerial('1926-07-01')).toBe(9679);
    const p = smallPortfolio();
    p.invoices[0]!.issuedOn = '0026-07-01';
    const r = readPortfolioWorkbook(exportWorkbook(p));
    if (!r.ok) throw new Error(r.fatal.message);
    expect(r.portfolio.invoices[0]!.issuedOn).toBe('0026-07-01');
  });
});
