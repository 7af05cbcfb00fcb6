/**
 * An .xlsx package written row by row into a streaming zip (fflate's Zip + ZipDeflate):
 * each row's XML is made, deflated and handed on in chunks, so a 100,000-dossier portfolio
 * (about 480 MB of sheet XML) never exists as one string, one SheetJS workbook object or
 * one uncompressed buffer. Only the compressed chunks are kept, by whoever receives them.
 *
 * What it writes is the small subset of SpreadsheetML the portfolio needs: inline strings
 * (no shared-string table to hold in memory), numbers, booleans and two date styles, a
 * frozen header row, column widths and an autofilter. Every cell's type is given by the
 * caller, never guessed from its text, so no string can become a formula or a number.
 */
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import { columnLetter } from './cells';

/** Number formats of the two date styles (style 1: a day, style 2: an instant in UTC). */
export const DAY_FORMAT = 'dd.mm.yyyy';
export const INSTANT_FORMAT = 'dd.mm.yyyy hh:mm:ss';
export const enum CellStyle { General = 0, Day = 1, Instant = 2 }

export interface SheetOptions {
  /** Column widths in characters. */
  widths: readonly number[];
  filter: boolean;
}

/** Where the compressed package goes, chunk by chunk; `final` marks the last one. */
export type ChunkSink = (chunk: Uint8Array, final: boolean) => void;

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Rows' XML is deflated in pieces of about this many characters. */
const FLUSH_AT = 1 << 18;
/** Deflate level: 1 costs a third of level 6's time for a file about 15 % larger. */
const LEVEL = 1;

const XML_SPECIAL = /[&<>"]/g;
const XML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/**
 * Characters XML 1.0 cannot carry (and CR, which XML parsers turn into LF) are written as
 * OOXML's "_xHHHH_" escape, as Excel does; callers escape a literal "_xHHHH_" text first.
 */
// eslint-disable-next-line no-control-regex
const XML_UNSAFE = /[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/g;
const XML_PLAIN = /^[^&<>"\u0000-\u0008\u000b-\u001f\ufffe\uffff]*$/;

export function escapeXml(s: string): string {
  if (XML_PLAIN.test(s)) return s;
  return s
    .replace(XML_UNSAFE, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replace(XML_SPECIAL, (c) => XML_ENTITY[c]!);
}

/** "1.5" for 1.5; never an exponent Excel would not read back the same (1e21 -> "1e+21" is valid XML Schema double). */
function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : '0';
}

/** Excel's column width for a width in characters (as SheetJS writes it, with the cell padding). */
function widthOf(chars: number): number {
  return Math.round((chars * 7 + 5) / 7 * 256) / 256;
}

export class SheetStream {
  private buf = '';
  private r = 0;
  private rowOpen = false;
  private ended = false;
  /** The filter's range, once the sheet is ended (its rows are known only then). */
  filterRef: string | undefined;
  constructor(
    readonly name: string,
    private readonly file: ZipDeflate,
    private readonly letters: string[],
    private readonly columns: number,
    private readonly filter: boolean,
  ) {}

  private letter(c: number): string {
    return this.letters[c] ?? (this.letters[c] = columnLetter(c));
  }

  beginRow(): void {
    this.r++;
    this.buf += `<row r="${this.r}">`;
    this.rowOpen = true;
  }

  text(c: number, s: string): void {
    const t = escapeXml(s);
    const space = s.length > 0 && (s.charCodeAt(0) <= 32 || s.charCodeAt(s.length - 1) <= 32) ? ' xml:space="preserve"' : '';
    this.buf += `<c r="${this.letter(c)}${this.r}" t="inlineStr"><is><t${space}>${t}</t></is></c>`;
  }

  number(c: number, n: number, style: CellStyle = CellStyle.General): void {
    this.buf += style === CellStyle.General
      ? `<c r="${this.letter(c)}${this.r}"><v>${numberText(n)}</v></c>`
      : `<c r="${this.letter(c)}${this.r}" s="${style}"><v>${numberText(n)}</v></c>`;
  }

  bool(c: number, b: boolean): void {
    this.buf += `<c r="${this.letter(c)}${this.r}" t="b"><v>${b ? 1 : 0}</v></c>`;
  }

  endRow(): void {
    if (!this.rowOpen) return;
    this.buf += '</row>';
    this.rowOpen = false;
    if (this.buf.length >= FLUSH_AT) this.flush(false);
  }

  /** Rows written so far, the header included. */
  get rowCount(): number {
    return this.r;
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.endRow();
    const ref = `A1:${columnLetter(Math.max(1, this.columns) - 1)}${Math.max(1, this.r)}`;
    if (this.filter) this.filterRef = ref;
    this.buf += `</sheetData>${this.filter ? `<autoFilter ref="${ref}"/>` : ''}` +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
    this.flush(true);
  }

  private flush(final: boolean): void {
    this.file.push(strToU8(this.buf), final);
    this.buf = '';
  }
}

interface SheetEntry {
  stream: SheetStream;
  /** The sheet's zip part number (sheetN.xml), in the order the parts were started. */
  part: number;
  /** Where the sheet goes in the workbook's tab order. */
  order: number;
}

/**
 * Writes the package: addSheet() for each sheet, then finish(). Several sheets may be
 * written at once (the demo fills Dossiers, Contacts, History… from one pass): the zip
 * keeps each later part's compressed output until the earlier ones end, so memory holds
 * compressed bytes only. The tab order is given by `order`, not by when a sheet started.
 */
export class XlsxStreamWriter {
  private readonly zip: Zip;
  private readonly sheets: SheetEntry[] = [];
  private readonly letters: string[] = [];
  private failure: Error | undefined;

  constructor(sink: ChunkSink) {
    this.zip = new Zip((err, chunk, final) => {
      if (err) this.failure = err;
      else sink(chunk, final);
    });
  }

  private part(path: string, xml: string): void {
    const f = new ZipDeflate(path, { level: LEVEL });
    this.zip.add(f);
    f.push(strToU8(xml), true);
    this.check();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  /** A new sheet; `order` places it among the tabs (default: after those added so far). */
  addSheet(name: string, opts: SheetOptions, order = this.sheets.length): SheetStream {
    this.check();
    const part = this.sheets.length + 1;
    const file = new ZipDeflate(`xl/worksheets/sheet${part}.xml`, { level: LEVEL });
    this.zip.add(file);
    // Frozen below the header row: the header stays in view while a manager scrolls 100,000 rows.
    const view = '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
      '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>';
    const widths = opts.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${widthOf(w)}" customWidth="1"/>`).join('');
    const head = `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
      `<sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
      (widths ? `<cols>${widths}</cols>` : '') + '<sheetData>';
    file.push(strToU8(head));
    const stream = new SheetStream(name, file, this.letters, opts.widths.length, opts.filter);
    this.sheets.push({ stream, part, order });
    return stream;
  }

  finish(): void {
    for (const s of this.sheets) s.stream.end();
    const n = this.sheets.length;
    const ids = Array.from({ length: n }, (_, i) => i + 1);
    // Stable: sheets of the same order keep the order they were added in.
    const tabs = [...this.sheets].sort((a, b) => a.order - b.order);
    const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
    const filters = tabs
      .map(({ stream: s }, i) => s.filterRef && `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(`${quote(s.name)}!${s.filterRef.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`)}</definedName>`)
      .filter(Boolean)
      .join('');
    this.part('xl/workbook.xml', `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr/>` +
      '<bookViews><workbookView/></bookViews><sheets>' +
      tabs.map(({ stream, part }, i) => `<sheet name="${escapeXml(stream.name)}" sheetId="${i + 1}" r:id="rId${part}"/>`).join('') +
      `</sheets>${filters ? `<definedNames>${filters}</definedNames>` : ''}</workbook>`);
    this.part('xl/_rels/workbook.xml.rels', `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
      ids.map((i) => `<Relationship Id="rId${i}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('') +
      `<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/></Relationships>`);
    this.part('xl/styles.xml', `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
      `<numFmts count="2"><numFmt numFmtId="164" formatCode="${DAY_FORMAT}"/><numFmt numFmtId="165" formatCode="${INSTANT_FORMAT}"/></numFmts>` +
      '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
      '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
      '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>');
    this.part('_rels/.rels', `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
      `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
    const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
    this.part('[Content_Types].xml', `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>` +
      ids.map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="${ct}.worksheet+xml"/>`).join('') +
      `<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/></Types>`);
    this.zip.end();
    this.check();
  }
}

/** The chunks of a package joined into one array (for callers that need the file's bytes at once). */
export function joinChunks(chunks: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const c of chunks) size += c.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
