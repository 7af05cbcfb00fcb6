import 'fake-indexeddb/auto';
import i18next from 'i18next';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { getAgeingReport } from '../../../renderer/data/ageing-report-repo';
import { recordPayment, saveInvoice } from '../../../renderer/data/receivables-repo';
import { ageingReport } from '../../../renderer/features/sync/ageing-report';
import * as receivables from '../../../renderer/features/receivables/i18n';
import * as sync from '../../../renderer/features/sync/i18n';
import { monFri } from '../shared/dates/arbitraries';
import { callOn, dossier, freshDb, ME } from '../data/setup-db';

const today = '2026-12-01';

async function translate(lang: 'en' | 'ru') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: lang, resources: { [lang]: { sync: sync[lang], receivables: receivables[lang] } }, ns: ['sync', 'receivables'], defaultNS: 'sync' });
  return (k: string) => i18n.t(k);
}

describe('the receivables ageing report', () => {
  it('reads back per client and currency, open amounts (less payments) in their buckets, totals per currency, frozen header and filter', async () => {
    freshDb();
    const a = await dossier('=cmd|calc', callOn('2026-12-20'));
    const b = await dossier('Beta Trade', callOn('2026-12-20'));
    const inv = async (dossierId: string, number: string, amount: number, dueOn: string, currency = 'RUB') =>
      (await saveInvoice({ dossierId, number, amount, dueOn, currency }, monFri, ME)).invoice;
    const a1 = await inv(a, '1', 1000, '2026-11-30'); // 1 day overdue: 1-30
    await inv(a, '2', 200.1, '2026-09-01'); // 91 days: 90+
    await inv(a, '3', 50, '2026-12-03'); // reminder day 2026-11-30 passed: due soon
    await inv(a, '4', 70, '2027-01-20', 'EUR'); // current
    await inv(b, '5', 300, '2026-10-02'); // 60 days: 31-60
    await recordPayment({ dossierId: a, invoiceId: a1.id, amount: 400.25, paidOn: today }, monFri, ME);

    const bytes = ageingReport(await getAgeingReport(today, monFri), await translate('en'));
    const wb = XLSX.read(bytes, { type: 'array' });
    expect(wb.SheetNames).toEqual(['Ageing by client', 'Totals by currency']);
    const clients = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['Ageing by client']!);
    expect(Object.keys(clients[0]!)).toEqual(expect.arrayContaining(['Company', 'Currency', 'Not yet due', 'Due soon', '1-30 days', '31-60 days', '61-90 days', 'Over 90 days', 'Total open']));
    const rowOf = (company: string, currency: string) => clients.find((r) => r.Company === company && r.Currency === currency)!;
    expect(rowOf('=cmd|calc', 'RUB')).toMatchObject({ 'Due soon': 50, '1-30 days': 599.75, 'Over 90 days': 200.1, 'Total open': 849.85, Invoices: 3 });
    expect(rowOf('=cmd|calc', 'EUR')).toMatchObject({ 'Not yet due': 70, 'Total open': 70 });
    expect(rowOf('Beta Trade', 'RUB')).toMatchObject({ '31-60 days': 300 });
    // A company named like a formula stays text.
    const sheet = wb.Sheets['Ageing by client']!;
    const companyCell = Object.entries(sheet).find(([, c]) => (c as XLSX.CellObject).v === '=cmd|calc')![1] as XLSX.CellObject;
    expect(companyCell.t).toBe('s');
    expect(companyCell.f).toBeUndefined();
    expect(sheet['!autofilter']).toBeDefined();
    const totals = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['Totals by currency']!);
    expect(totals).toEqual([
      expect.objectContaining({ Currency: 'RUB', 'Due soon': 50, '1-30 days': 599.75, '31-60 days': 300, 'Over 90 days': 200.1, 'Total open': 1149.85, Clients: 2 }),
      expect.objectContaining({ Currency: 'EUR', 'Total open': 70, Clients: 1 }),
    ]);
    const cfb = XLSX.CFB.read(bytes, { type: 'buffer' });
    const xml = new TextDecoder().decode(XLSX.CFB.find(cfb, '/xl/worksheets/sheet1.xml')!.content as Uint8Array);
    expect(xml).toContain('state="frozen"');
  });

  it('has Russian sheet names and headers in a Russian UI', async () => {
    freshDb();
    const a = await dossier('Альфа', callOn('2026-12-20'));
    await saveInvoice({ dossierId: a, number: '1', amount: 10, dueOn: '2026-11-01' }, monFri, ME);
    const wb = XLSX.read(ageingReport(await getAgeingReport(today, monFri), await translate('ru')), { type: 'array' });
    expect(wb.SheetNames).toEqual(['По клиентам', 'Итоги по валютам']);
    expect(XLSX.utils.sheet_to_json<string[]>(wb.Sheets['По клиентам']!, { header: 1 })[0]).toContain('Валюта');
  });
});
