import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { activityReport, callSheetReport } from '../../../renderer/features/sync/reports';
import type { DossierRow } from '../../../renderer/data/db';
import { historySchema } from '../../../shared/model/records';

const t = (k: string) => k.split('.').pop()!;

const row = (company: string, extra: Partial<DossierRow> = {}): DossierRow => ({
  id: crypto.randomUUID(), createdAt: '', updatedAt: '', author: 'Anna', syncBase: '', company, taxId: '', industry: '',
  segment: '', territory: '', vip: false, owner: 'Anna', tags: [], customFields: {}, notes: '', status: 'active',
  coveredFor: '', coveredUntil: '', words: [], fileKey: '2026-11-24', ...extra,
});

describe('report workbooks', () => {
  it('keep text as text: a formula or a phone typed by a user never becomes a formula or a number', () => {
    const bytes = callSheetReport([row('=HYPERLINK("http://x","click")', { primaryPhone: '+7 916 555-10-01', nextTime: '10:30' })], t);
    const wb = XLSX.read(bytes, { type: 'array', cellFormula: true });
    const ws = wb.Sheets[wb.SheetNames[0]!]!;
    expect(ws.B2).toMatchObject({ t: 's', v: '=HYPERLINK("http://x","click")' });
    expect(ws.B2.f).toBeUndefined();
    expect(ws.D2).toMatchObject({ t: 's', v: '+7 916 555-10-01' });
    expect(ws['!autofilter']).toBeDefined();
  });

  it('cut a text longer than a cell to fit, with a visible "…", instead of failing the whole report', () => {
    const bytes = callSheetReport([row('x'.repeat(40_000))], t);
    const ws = XLSX.read(bytes, { type: 'array' }).Sheets;
    const cell = Object.values(ws)[0]!.B2 as XLSX.CellObject;
    expect(String(cell.v)).toHaveLength(32_767);
    expect(String(cell.v).endsWith('…')).toBe(true);
  });

  it('freeze the header row', () => {
    const bytes = callSheetReport([row('Romashka')], t);
    const cfb = XLSX.CFB.read(bytes, { type: 'buffer' });
    const sheet = new TextDecoder().decode(XLSX.CFB.find(cfb, '/xl/worksheets/sheet1.xml')!.content as Uint8Array);
    expect(sheet).toContain('state="frozen"');
  });

  it('count contacts by day, type and outcome', () => {
    const h = (at: string, outcome: 'reached' | 'no_answer') =>
      historySchema.parse({ id: crypto.randomUUID(), createdAt: at, updatedAt: at, author: 'Anna', dossierId: crypto.randomUUID(), at, kind: 'call', outcome });
    const bytes = activityReport(
      [h('2026-11-23T08:00:00.000Z', 'reached'), h('2026-11-23T09:00:00.000Z', 'reached'), h('2026-11-23T10:00:00.000Z', 'no_answer')].map((entry) => ({ entry, company: 'X' })),
      t,
    );
    const wb = XLSX.read(bytes, { type: 'array' });
    const summary = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1 });
    expect(summary.slice(1).map((r) => [r[2], r[3]])).toEqual([['reached', 2], ['no_answer', 1]]);
    expect(XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[1]!]!)).toHaveLength(3);
  });
});
