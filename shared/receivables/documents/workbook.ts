/**
 * A document as a one-sheet workbook, for a manager who sends it as a spreadsheet or keeps
 * it with the accounts: the same model as the print. Every text is a text cell (a company
 * called "=HYPERLINK(…)" stays text, never a formula), amounts are number cells with two
 * decimals, days are date cells.
 */
import * as XLSX from 'xlsx';
import { dayToSerial } from '../../workbook/cells';
import { CELL_MAX } from '../../workbook/columns';
import { DAY_FORMAT } from '../../workbook/xlsx-stream-writer';
import type { DocCell, DocumentModel } from './model';

type Cell = XLSX.CellObject | undefined;

const MONEY_FORMAT = '#,##0.00';

const text = (v: string): Cell => (v ? { t: 's', v: v.length > CELL_MAX ? `${v.slice(0, CELL_MAX - 1)}…` : v } : undefined);

function cellOf(c: DocCell): Cell {
  switch (c.kind) {
    case 'text':
      return text(c.text);
    case 'money':
      return { t: 'n', v: c.amount, z: MONEY_FORMAT };
    case 'day': {
      const serial = dayToSerial(c.day);
      return serial === undefined ? text(c.day) : { t: 'n', v: serial, z: DAY_FORMAT };
    }
  }
}

/** The rows of the sheet, top to bottom, as the print reads them. */
export function documentRows(doc: DocumentModel): Cell[][] {
  const rows: Cell[][] = [[text(doc.title)], [text(doc.subtitle)], []];
  for (const party of [doc.from, doc.to]) {
    rows.push([text(party.heading), text(party.lines[0] ?? '')]);
    for (const line of party.lines.slice(1)) rows.push([undefined, text(line)]);
    rows.push([]);
  }
  for (const b of doc.blocks) {
    if (b.kind === 'paragraph') rows.push([text(b.text)]);
    else if (b.kind === 'fields') for (const [k, v] of b.pairs) rows.push([text(k), text(v)]);
    else {
      rows.push([text(b.caption)], b.table.columns.map((c) => text(c.header)));
      for (const r of [...b.table.rows, ...b.table.foot]) rows.push(r.map(cellOf));
    }
    rows.push([]);
  }
  for (const s of doc.signatures) rows.push([text(s.heading), text([s.position, s.name].filter(Boolean).join(' '))], [undefined, text('_______________')], []);
  return rows;
}

export function documentWorkbook(doc: DocumentModel, sheetName: string): Uint8Array {
  const data = documentRows(doc);
  const width = Math.max(1, ...data.map((r) => r.length));
  const ws = {
    '!data': data,
    '!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: data.length - 1, c: width - 1 } }),
    '!cols': [{ wch: 26 }, { wch: 60 }, { wch: 18 }, { wch: 18 }],
  } as unknown as XLSX.WorkSheet;
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, sheetName.slice(0, 31));
  return XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as Uint8Array;
}
