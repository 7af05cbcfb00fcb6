/**
 * Frozen header rows. SheetJS Community Edition writes a bare <sheetView/> and has no
 * freeze-pane option, so a frozen pane is put into each worksheet's view:
 * - while SheetJS writes: its zip writer adds every part through CFB.utils.cfb_add, looked
 *   up on each call, so `writeFrozen` patches the worksheet parts as they go in (one pass);
 * - after, as a fallback (`freezeHeaderRows`), should a SheetJS version add parts some other
 *   way: the package is opened once more, which inflates and deflates it all again (1.4 s
 *   for a 10,000-dossier workbook in Chromium, where the single pass costs nothing extra).
 * Only that one element changes; everything else is copied.
 */
import * as XLSX from 'xlsx';

const BARE_VIEW = '<sheetView workbookViewId="0"/>';
const FROZEN_VIEW =
  '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
  '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>';
const SHEET_PART = /(^|\/)xl\/worksheets\/sheet\d+\.xml$/;

/** The worksheet XML with its view frozen below the header row, or undefined if it has no bare view. */
function frozenPart(bytes: Uint8Array): Uint8Array | undefined {
  const enc = new TextEncoder();
  // Only the head of the sheet XML holds the view; decode just that part.
  const head = new TextDecoder().decode(bytes.subarray(0, Math.min(bytes.length, 2048)));
  const at = head.indexOf(BARE_VIEW);
  if (at < 0) return undefined;
  const prefix = enc.encode(head.slice(0, at));
  const view = enc.encode(FROZEN_VIEW);
  const restStart = prefix.length + enc.encode(BARE_VIEW).length;
  const out = new Uint8Array(prefix.length + view.length + bytes.length - restStart);
  out.set(prefix, 0);
  out.set(view, prefix.length);
  out.set(bytes.subarray(restStart), prefix.length + view.length);
  return out;
}

type CfbAdd = (cfb: unknown, name: string, content?: unknown, opts?: unknown) => unknown;

/** XLSX.write with every worksheet's header row frozen. */
export function writeFrozen(wb: XLSX.WorkBook, opts: XLSX.WritingOptions & { type: 'array' }): Uint8Array {
  const utils = XLSX.CFB.utils as unknown as { cfb_add: CfbAdd };
  const add = utils.cfb_add;
  let frozen = 0;
  utils.cfb_add = (cfb, name, content, o) => {
    if (SHEET_PART.test(name) && content instanceof Uint8Array) {
      const part = frozenPart(content);
      if (part) {
        frozen++;
        return add.call(utils, cfb, name, part, o);
      }
    }
    return add.call(utils, cfb, name, content, o);
  };
  let out: Uint8Array;
  try {
    out = new Uint8Array(XLSX.write(wb, opts) as ArrayBuffer);
  } finally {
    utils.cfb_add = add;
  }
  return frozen >= wb.SheetNames.length ? out : freezeHeaderRows(out, wb.SheetNames.length);
}

export function freezeHeaderRows(xlsx: Uint8Array, sheetCount: number): Uint8Array {
  const cfb = XLSX.CFB.read(xlsx, { type: 'buffer' });
  let changed = false;
  for (let i = 1; i <= sheetCount; i++) {
    const entry = XLSX.CFB.find(cfb, `/xl/worksheets/sheet${i}.xml`);
    const out = entry?.content ? frozenPart(entry.content as Uint8Array) : undefined;
    if (!entry || !out) continue;
    entry.content = out;
    entry.size = out.length;
    changed = true;
  }
  if (!changed) return xlsx;
  return new Uint8Array(XLSX.CFB.write(cfb, { fileType: 'zip', type: 'array', compression: true }) as ArrayLike<number> as Uint8Array);
}
