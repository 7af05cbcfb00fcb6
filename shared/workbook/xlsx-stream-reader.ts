/**
 * An .xlsx read sheet by sheet and row by row: each worksheet entry is inflated in chunks
 * (fflate's Inflate) and fed to a SAX parser (saxes), and the caller gets one row's values
 * at a time. Nothing holds a whole sheet: memory is the packed file, the shared strings
 * (LibreOffice and Excel write them; our own export has none) and the caller's records.
 * SheetJS, by contrast, holds the whole workbook's cells, and at 100,000 dossiers its
 * strings of XML no longer fit in a JavaScript string.
 *
 * The zip-bomb guard holds here too: every entry is counted as it inflates and stopped at
 * the limit (zip-guard.ts), and an entry that inflates past the size it declares is damaged.
 */
import { Inflate } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { entryLimit, zipEntries, ZIP_LIMITS, type ZipEntry, type ZipLimits } from './zip-guard';

/** A cell's value: text, number (dates are serials), boolean, or a text too long to keep. */
export type CellValue = string | number | boolean | LongText;

/** A text longer than the reader keeps (it is refused anyway): only its length is known. */
export class LongText {
  constructor(readonly length: number) {}
}

/** Why a package could not be read; read.ts turns it into the user's message. */
export class PackageError extends Error {
  constructor(
    readonly reason: 'damaged' | 'too-large' | 'ratio' | 'too-many-rows' | 'too-many-cells',
    readonly detail: { entry?: string; bytes?: number; limit?: number; sheet?: string } = {},
  ) {
    super(`${reason}${detail.entry ? `: ${detail.entry}` : ''}`);
  }
}

export interface StreamLimits {
  zip: ZipLimits;
  /** Rows a sheet may have (Excel's limit). */
  maxRows: number;
  /** Cells in the whole workbook. */
  maxCells: number;
  /** Characters kept of one text; a longer one is a LongText. */
  maxText: number;
}

const local = (name: string): string => {
  const at = name.indexOf(':');
  return at < 0 ? name : name.slice(at + 1);
};

/** OOXML's "_xHHHH_" escapes (a character XML cannot carry, or "_x005F_" for a literal underscore). */
const CODE_RE = /_x([0-9a-fA-F]{4})_/g;
const unescapeCodes = (s: string): string => (s.includes('_x') ? s.replace(CODE_RE, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s);

/** A cell reference's column ("AB12" -> 27), or -1. */
function columnOf(ref: string): number {
  let c = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const k = ref.charCodeAt(i);
    if (k >= 65 && k <= 90) c = c * 26 + k - 64;
    else if (k >= 97 && k <= 122) c = c * 26 + k - 96;
    else break;
  }
  return i === 0 ? -1 : c - 1;
}

function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

export class XlsxStream {
  private readonly entries = new Map<string, ZipEntry>();
  private readonly sheetPaths = new Map<string, string>();
  private shared: (string | LongText)[] | undefined;
  private sharedPath: string | undefined;
  private cells = 0;
  readonly names: string[] = [];
  date1904 = false;

  private constructor(private readonly data: Uint8Array, private readonly limits: StreamLimits) {}

  /** The package's sheets, or undefined when it is no SpreadsheetML package (an .ods, a .docx). */
  static open(data: Uint8Array, limits: StreamLimits): XlsxStream | undefined {
    const dir = zipEntries(data, limits.zip.maxEntries);
    if (!dir) return undefined;
    const s = new XlsxStream(data, limits);
    for (const e of dir.entries) s.entries.set(e.name.replace(/\\/g, '/').replace(/^\//, ''), e);
    let book = 'xl/workbook.xml';
    if (s.entries.has('_rels/.rels')) {
      s.parse('_rels/.rels', (tag) => {
        if (local(tag.name) === 'Relationship' && /\/officeDocument$/.test(tag.attributes.Type ?? '')) book = resolve('', tag.attributes.Target ?? book);
      });
    }
    if (!s.entries.has(book)) return undefined;
    const rels = new Map<string, string>();
    const relsPath = resolve(book, `_rels/${book.split('/').pop()}.rels`);
    if (s.entries.has(relsPath)) {
      s.parse(relsPath, (tag) => {
        if (local(tag.name) !== 'Relationship') return;
        const target = resolve(book, tag.attributes.Target ?? '');
        rels.set(tag.attributes.Id ?? '', target);
        if (/\/sharedStrings$/.test(tag.attributes.Type ?? '')) s.sharedPath = target;
      });
    }
    s.parse(book, (tag) => {
      const n = local(tag.name);
      if (n === 'workbookPr') {
        const v = tag.attributes.date1904;
        s.date1904 = v === '1' || v === 'true';
      } else if (n === 'sheet') {
        const id = Object.entries(tag.attributes).find(([k]) => local(k) === 'id')?.[1] ?? '';
        const name = tag.attributes.name ?? '';
        const path = rels.get(id);
        if (path === undefined) return;
        s.names.push(name);
        s.sheetPaths.set(name, path);
      }
    });
    return s;
  }

  /** Inflates one entry in chunks, counting against the bomb limits. */
  private inflate(path: string, onChunk: (chunk: Uint8Array) => void): void {
    const e = this.entries.get(path);
    if (!e || e.dataAt < 0) throw new PackageError('damaged', { entry: path });
    const packed = this.data.subarray(e.dataAt, Math.min(this.data.length, e.dataAt + e.csz));
    const limit = entryLimit(e.csz, this.limits.zip);
    // What the directory says it unpacks to; more is a lie (and a way to a bomb).
    const declared = e.usz || e.localUsz;
    let total = 0;
    const take = (chunk: Uint8Array): void => {
      total += chunk.length;
      if (declared && total > declared) throw new PackageError('damaged', { entry: path });
      if (total > limit) {
        throw limit === this.limits.zip.maxEntryBytes
          ? new PackageError('too-large', { entry: path, bytes: total, limit })
          : new PackageError('ratio', { entry: path, bytes: total, limit: this.limits.zip.maxRatio });
      }
      onChunk(chunk);
    };
    const CHUNK = 1 << 16;
    if (e.method === 0) {
      for (let p = 0; p < packed.length; p += CHUNK) take(packed.subarray(p, p + CHUNK));
      return;
    }
    if (e.method !== 8) throw new PackageError('damaged', { entry: path });
    const inflate = new Inflate(take);
    for (let p = 0; p < packed.length; p += CHUNK) inflate.push(packed.subarray(p, p + CHUNK), p + CHUNK >= packed.length);
    if (packed.length === 0) inflate.push(new Uint8Array(0), true);
  }

  /** SAX over one entry; the handlers see every tag and the text inside. */
  private parse(path: string, onOpen: (tag: SaxesTagPlain) => void, onText?: (text: string) => void, onClose?: (name: string) => void): void {
    const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
    parser.on('opentag', onOpen);
    if (onText) {
      parser.on('text', onText);
      parser.on('cdata', onText);
    }
    if (onClose) parser.on('closetag', (tag) => onClose(tag.name));
    parser.on('error', (err) => {
      throw new PackageError('damaged', { entry: `${path}: ${err.message.slice(0, 80)}` });
    });
    const text = new TextDecoder('utf-8');
    this.inflate(path, (chunk) => parser.write(text.decode(chunk, { stream: true })));
    parser.write(text.decode());
    parser.close();
  }

  /** Shared strings, read once and only when a sheet uses them (rich-text runs joined, phonetic runs left out). */
  private sharedStrings(): (string | LongText)[] {
    if (this.shared) return this.shared;
    const out: (string | LongText)[] = [];
    this.shared = out;
    if (!this.sharedPath || !this.entries.has(this.sharedPath)) return out;
    let cur: string[] | undefined;
    let inT = false;
    let phonetic = 0;
    let length = 0;
    this.parse(
      this.sharedPath,
      (tag) => {
        const n = local(tag.name);
        if (n === 'si') [cur, length] = [[], 0];
        else if (n === 'rPh') phonetic++;
        else if (n === 't' && !phonetic) inT = !tag.isSelfClosing;
      },
      (t) => {
        if (!inT || !cur) return;
        length += t.length;
        if (length <= this.limits.maxText) cur.push(t);
      },
      (name) => {
        const n = local(name);
        if (n === 't') inT = false;
        else if (n === 'rPh') phonetic--;
        else if (n === 'si' && cur) {
          out.push(length > this.limits.maxText ? new LongText(length) : unescapeCodes(cur.join('')));
          cur = undefined;
        }
      },
    );
    return out;
  }

  /**
   * Calls onRow for every row that has cells, in order: `row` is the 0-based row number,
   * `cells` its values by column (holes where a cell is empty). Throws PackageError.
   */
  rows(sheet: string, onRow: (cells: (CellValue | undefined)[], row: number) => void): void {
    const path = this.sheetPaths.get(sheet);
    if (path === undefined) return;
    const { maxRows, maxCells, maxText } = this.limits;
    let row = -1;
    let cells: (CellValue | undefined)[] = [];
    let col = -1;
    let type = 'n';
    let value: string[] = [];
    let valueLength = 0;
    // Inside <v> or an inline string's <t> (not a phonetic run), and whether the cell has <is>.
    let collecting = false;
    let phonetic = 0;
    let inline = false;
    let shared: (string | LongText)[] | undefined;
    const tooMany = (): never => {
      throw new PackageError('too-many-rows', { sheet, limit: maxRows });
    };
    this.parse(
      path,
      (tag) => {
        switch (local(tag.name)) {
          case 'row': {
            const r = tag.attributes.r;
            row = r ? Number(r) - 1 : row + 1;
            if (!(row >= 0) || row >= maxRows) tooMany();
            cells = [];
            col = -1;
            return;
          }
          case 'c': {
            const ref = tag.attributes.r;
            const c = ref ? columnOf(ref) : -1;
            col = c >= 0 ? c : col + 1;
            type = tag.attributes.t ?? 'n';
            [value, valueLength, inline] = [[], 0, false];
            if (++this.cells > maxCells) throw new PackageError('too-many-cells', { limit: maxCells });
            return;
          }
          case 'v':
            collecting = !tag.isSelfClosing && !inline;
            return;
          case 'is':
            inline = true;
            return;
          case 'rPh':
            phonetic++;
            return;
          case 't':
            collecting = inline && !phonetic && !tag.isSelfClosing;
            return;
          default:
        }
      },
      (t) => {
        if (!collecting) return;
        valueLength += t.length;
        if (valueLength <= maxText) value.push(t);
      },
      (name) => {
        switch (local(name)) {
          case 'v':
          case 't':
            collecting = false;
            return;
          case 'rPh':
            phonetic--;
            return;
          case 'c': {
            if (valueLength > maxText) {
              cells[col] = new LongText(valueLength);
              return;
            }
            const text = value.join('');
            if (type === 'inlineStr' || type === 'str') {
              if (text !== '') cells[col] = unescapeCodes(text);
            } else if (type === 's') {
              shared ??= this.sharedStrings();
              const s = shared[Number(text)];
              if (s !== undefined && s !== '') cells[col] = s;
            } else if (type === 'b') {
              if (text !== '') cells[col] = text.trim() === '1' || text.trim().toLowerCase() === 'true';
            } else if (type === 'e') {
              cells[col] = '#ERROR';
            } else if (type === 'd') {
              if (text !== '') cells[col] = text;
            } else if (text.trim() !== '') {
              const n = Number(text);
              cells[col] = Number.isFinite(n) ? n : text;
            }
            return;
          }
          case 'row':
            if (cells.length) onRow(cells, row);
            return;
          default:
        }
      },
    );
  }
}

export const STREAM_LIMITS = (maxRows: number, maxCells: number, maxText: number): StreamLimits => ({ zip: ZIP_LIMITS, maxRows, maxCells, maxText });
