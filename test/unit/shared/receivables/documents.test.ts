import fc from 'fast-check';
import i18next from 'i18next';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/dates/calendar-day';
import type { Invoice, Payment } from '../../../../shared/model/records';
import { emptyRequisites } from '../../../../shared/model/requisites';
import { openAmount } from '../../../../shared/receivables';
import {
  amountInWords, claimLetter, documentRows, documentWorkbook, reconciliationLedger, reconciliationStatement, reminderLetter,
  type DocLocale, type DocumentModel,
} from '../../../../shared/receivables/documents';
import * as tables from '../../../../renderer/features/documents/i18n';
import { dayArb } from '../dates/arbitraries';

const meta = { createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-01T00:00:00Z', author: 'Anna', syncBase: '' };
const D = '00000000-0000-4000-8000-000000000001';
let n = 100;
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const inv = (over: Partial<Invoice> = {}): Invoice => ({
  ...meta, id: id(), dossierId: D, number: 'A-17', basis: 'contract № 5 of 1 March 2026', amount: 5_500_000, currency: 'RUB', issuedOn: '2026-10-01', dueOn: '2026-10-31', paidOn: '', ...over,
});
const pay = (invoice: Invoice, amount: number, paidOn: string): Payment => ({ ...meta, id: id(), dossierId: D, invoiceId: invoice.id, amount, paidOn });

async function locale(lang: 'en' | 'ru' | 'ro'): Promise<DocLocale> {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: lang, resources: { [lang]: { documents: tables[lang] } }, ns: ['documents'], defaultNS: 'documents', interpolation: { escapeValue: false } });
  const tag = { en: 'en-GB', ru: 'ru-RU', ro: 'ro-RO' }[lang];
  return {
    t: (k, p) => i18n.t(k, p ?? {}),
    money: (a, c) => new Intl.NumberFormat(tag, { style: 'currency', currency: c }).format(a),
    day: (d) => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`)),
    words: (a, c) => amountInWords(a, c, lang),
  };
}

const sender = { managerName: 'Anna Smirnova', requisites: { ...emptyRequisites(), company: 'OOO Tickler Supply', inn: '7707083893', managerPosition: 'Account manager', bank: 'Sberbank', bic: '044525225', account: '40702810938000000001' } };
const client = { company: 'ООО «Ромашка»', taxId: '7702070139', contactName: 'Ivan Petrov', contactPosition: 'CFO' };
const allText = (doc: DocumentModel) => documentRows(doc).flat().map((c) => (c ? String(c.v) : '')).join('\n');

describe('payment reminder letter', () => {
  it('names the basis, the amount still owed, the terms and way of payment, the loyalty offer and the payment details', async () => {
    const i = inv({ terms: '30 days from delivery', paymentWay: 'bank transfer', loyaltyNote: '2% off the next delivery' });
    const doc = reminderLetter({ sender, client, invoice: i, payments: [pay(i, 1_500_000, '2026-10-20')], today: '2026-10-28' }, await locale('en'));
    const text = allText(doc);
    expect(doc.title).toBe('Payment reminder');
    expect(text).toContain('invoice № A-17 of 1 October 2026 (contract № 5 of 1 March 2026)');
    expect(text).toMatch(/4,000,000\.00.*due on 31 October 2026/);
    expect(text).toContain('1,500,000.00 already received');
    expect(text).toContain('30 days from delivery');
    expect(text).toContain('bank transfer');
    expect(text).toContain('2% off the next delivery');
    expect(text).toContain('BIC: 044525225');
    expect(text).toContain('Dear Ivan Petrov,');
    expect(doc.signatures).toEqual([{ heading: 'OOO Tickler Supply', position: 'Account manager', name: 'Anna Smirnova' }]);
  });

  it('leaves out the loyalty paragraph and the paid line when there is none, and writes roubles in words in Russian', async () => {
    const doc = reminderLetter({ sender, client, invoice: inv(), payments: [], today: '2026-10-28' }, await locale('ru'));
    const text = allText(doc);
    expect(text).not.toContain('постоянному клиенту');
    expect(text).not.toContain('Оплачено');
    expect(text).toContain('пять миллионов пятьсот тысяч рублей');
    expect(doc.title).toBe('Напоминание об оплате');
  });
});

describe('claim letter', () => {
  it('states the amount overdue and the days, the demand with its 30-day deadline and the consequences', async () => {
    const i = inv();
    const today = '2026-12-15';
    const doc = claimLetter({ sender, client, invoice: i, payments: [pay(i, 500_000, '2026-11-10')], today }, await locale('ru'));
    const text = allText(doc);
    expect(doc.title).toBe('Претензия');
    expect(text).toContain('просрочка составляет 45 дней');
    expect(text).toContain('в течение 30 календарных дней');
    expect(text).toContain('14 января 2027');
    expect(text).toContain('пять миллионов рублей');
    expect(text).toContain('арбитражный суд');
    expect(text).toContain('ст. 395 ГК РФ');
  });

  it('counts a one-day debt in the singular (en) and in Romanian plural forms', async () => {
    const i = inv({ dueOn: '2026-12-14' });
    expect(allText(claimLetter({ sender, client, invoice: i, payments: [], today: '2026-12-15' }, await locale('en')))).toContain('is 1 day overdue');
    const ro = allText(claimLetter({ sender, client, invoice: inv({ dueOn: '2026-11-01' }), payments: [], today: '2026-12-15' }, await locale('ro')));
    expect(ro).toContain('restantă de 44 de zile');
  });
});

describe('reconciliation statement', () => {
  const i1 = inv({ number: '1', amount: 1000, issuedOn: '2026-01-10', dueOn: '2026-02-10' });
  const i2 = inv({ number: '2', amount: 500, issuedOn: '2026-03-05', dueOn: '2026-04-05' });
  const i3 = inv({ number: '3', amount: 200, currency: 'EUR', issuedOn: '2026-03-06', dueOn: '2026-04-06', paidOn: '2026-03-20' });
  const payments = [pay(i1, 400, '2026-02-01'), pay(i1, 600, '2026-03-10'), pay(i2, 100, '2026-03-15')];

  it('carries the opening balance, invoices as debit and payments as credit, and the closing balance, per currency', async () => {
    const [rub, eur] = reconciliationLedger([i1, i2, i3], payments, '2026-03-01', '2026-03-31');
    expect(rub).toMatchObject({ currency: 'RUB', opening: 60000, debit: 50000, credit: 70000, closing: 40000 });
    expect(rub!.entries.map((e) => [e.day, e.kind, e.number])).toEqual([['2026-03-05', 'invoice', '2'], ['2026-03-10', 'payment', '1'], ['2026-03-15', 'payment', '2']]);
    // Marked paid in full with no payment record: its whole amount is credited that day.
    expect(eur).toMatchObject({ currency: 'EUR', opening: 0, debit: 20000, credit: 20000, closing: 0 });
    const doc = reconciliationStatement({ sender, client, invoices: [i1, i2, i3], payments, from: '2026-03-01', to: '2026-03-31', today: '2026-04-01' }, await locale('ru'));
    expect(doc.title).toBe('Акт сверки взаиморасчетов');
    expect(allText(doc)).toContain('задолженность ООО «Ромашка» перед OOO Tickler Supply составляет 400,00');
    expect(doc.signatures.map((s) => s.heading)).toEqual(['OOO Tickler Supply', 'ООО «Ромашка»']);
  });

  const world = fc.array(
    fc.record({ amount: fc.integer({ min: 1, max: 1_000_000 }), issued: dayArb, due: fc.integer({ min: 0, max: 90 }), pays: fc.array(fc.record({ share: fc.double({ min: 0, max: 0.6, noNaN: true }), after: fc.integer({ min: 0, max: 120 }) }), { maxLength: 3 }) }),
    { maxLength: 8 },
  ).map((specs) => {
    const invoices: Invoice[] = [];
    const pays: Payment[] = [];
    for (const s of specs) {
      const i = inv({ amount: s.amount / 100, issuedOn: s.issued, dueOn: addDays(s.issued, s.due) });
      invoices.push(i);
      // Shares below 0.6 each, at most two of them summing over 1 only rarely; overpayments are filtered below.
      for (const p of s.pays) pays.push(pay(i, Math.round(s.amount * p.share) / 100, addDays(s.issued, p.after)));
    }
    return { invoices, pays };
  });

  it('one period’s closing balance is the next one’s opening, and opening + debit - credit = closing', () => {
    fc.assert(
      fc.property(world, dayArb, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 400 }), ({ invoices, pays }, from, len1, len2) => {
        const mid = addDays(from, len1);
        const end = addDays(mid, len2);
        const [a] = reconciliationLedger(invoices, pays, from, mid);
        const [b] = reconciliationLedger(invoices, pays, addDays(mid, 1), end);
        if (!a || !b) return;
        expect(a.opening + a.debit - a.credit).toBe(a.closing);
        expect(b.opening).toBe(a.closing);
      }),
    );
  });

  it('after the last record, the balance is the sum of the open amounts (when nothing is overpaid)', () => {
    fc.assert(
      fc.property(world, ({ invoices, pays }) => {
        const overpaid = invoices.some((i) => pays.filter((p) => p.invoiceId === i.id).reduce((s, p) => s + Math.round(p.amount * 100), 0) > Math.round(i.amount * 100));
        fc.pre(!overpaid && invoices.length > 0);
        const [l] = reconciliationLedger(invoices, pays, '1900-01-01', '2999-12-31');
        const open = invoices.reduce((s, i) => s + Math.round(openAmount(i, pays.filter((p) => p.invoiceId === i.id)) * 100), 0);
        expect(l!.closing).toBe(open);
      }),
    );
  });
});

describe('document workbook', () => {
  it('reads back with the texts as text cells (never formulas), amounts as numbers and days as dates', async () => {
    const hostile = { ...client, company: '=HYPERLINK("http://x","y")' };
    const i1 = inv({ number: '1', amount: 1234.5, issuedOn: '2026-03-05' });
    const doc = reconciliationStatement({ sender, client: hostile, invoices: [i1], payments: [], from: '2026-03-01', to: '2026-03-31', today: '2026-04-01' }, await locale('en'));
    const wb = XLSX.read(documentWorkbook(doc, 'Document'), { type: 'array', cellFormula: true, cellNF: true });
    const ws = wb.Sheets.Document!;
    const cells = Object.entries(ws).filter(([k]) => !k.startsWith('!')).map(([, c]) => c as XLSX.CellObject);
    expect(cells.some((c) => c.f)).toBe(false);
    expect(cells.find((c) => c.v === '=HYPERLINK("http://x","y")')?.t).toBe('s');
    expect(cells.filter((c) => c.t === 'n' && c.v === 1234.5).length).toBeGreaterThanOrEqual(2);
    expect(XLSX.utils.sheet_to_json<string[]>(ws, { header: 1 })[0]).toEqual(['Reconciliation statement']);
    const dayCell = cells.find((c) => c.t === 'n' && c.z === 'dd.mm.yyyy');
    expect(dayCell).toBeDefined();
  });
});
