/**
 * Frozen header rows. SheetJS Community Edition writes a bare <sheetView/> and has no
 * freeze-pane option, so the written package is opened once more and a frozen pane is put
 * into each worksheet's view. Only that one element changes; everything else is copied.
 */
import * as XLSX from 'xlsx';

const BARE_VIEW = '<sheetView workbookViewId="0"/>';
const FROZEN_VIEW =
  '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
  '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>';

export function freezeHeaderRows(xlsx: Uint8Array, sheetCount: number): Uint8Array {
  const cfb = XLSX.CFB.read(xlsx, { type: 'buffer' });
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  let changed = false;
  for (let i = 1; i <= sheetCount; i++) {
    const entry = XLSX.CFB.find(cfb, `/xl/worksheets/sheet${i}.xml`);
    if (!entry?.content) continue;
    // Only the head of the sheet XML holds the view; decode just that part.
    const bytes = entry.content as Uint8Array;
    const headLen = Math.min(bytes.length, 2048);
    const head = dec.decode(bytes.subarray(0, headLen));
    const at = head.indexOf(BARE_VIEW);
    if (at < 0) continue;
    const prefix = enc.encode(head.slice(0, at));
    const view = enc.encode(FROZEN_VIEW);
    const restStart = prefix.length + enc.encode(BARE_VIEW).length;
    const out = new Uint8Array(prefix.length + view.length + bytes.length - restStart);
    out.set(prefix, 0);
    out.set(view, prefix.length);
    out.set(bytes.subarray(restStart), prefix.length + view.length);
    entry.content = out;
    entry.size = out.length;
    changed = true;
  }
  if (!changed) return xlsx;
  return new Uint8Array(XLSX.CFB.write(cfb, { fileType: 'zip', type: 'array', compression: true }) as ArrayLike<number> as Uint8Array);
}
