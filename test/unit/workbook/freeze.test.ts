import * as XLSX from 'xlsx';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freezeHeaderRows, writeFrozen } from '../../../shared/workbook/freeze';

function book(): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Company', 'Phone'], ['Альфа', '+7 900 000-00-00']]), 'Dossiers');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Key'], ['x']]), 'Meta');
  return wb;
}

function views(bytes: Uint8Array): string[] {
  const zip = XLSX.CFB.read(bytes, { type: 'buffer' });
  return [1, 2].map((i) => new TextDecoder().decode(XLSX.CFB.find(zip, `/xl/worksheets/sheet${i}.xml`)!.content as Uint8Array));
}

afterEach(() => vi.restoreAllMocks());

describe('frozen header rows', () => {
  it('are written in the same pass as the workbook: the package is never re-read', () => {
    const read = vi.spyOn(XLSX.CFB, 'read');
    const bytes = writeFrozen(book(), { type: 'array', bookType: 'xlsx', compression: true });
    expect(read).not.toHaveBeenCalled();
    for (const xml of views(bytes)) expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(XLSX.read(bytes, { type: 'array' }).Sheets.Dossiers!.A2!.v).toBe('Альфа');
  });

  it('the fallback freezes a package already written (for a writer that bypasses the hook)', () => {
    const plain = new Uint8Array(XLSX.write(book(), { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
    for (const xml of views(plain)) expect(xml).not.toContain('state="frozen"');
    const bytes = freezeHeaderRows(plain, 2);
    for (const xml of views(bytes)) expect(xml).toContain('state="frozen"');
    expect(freezeHeaderRows(bytes, 2)).toBe(bytes); // already frozen: nothing to change
  });
});
