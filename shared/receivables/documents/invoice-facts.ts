/** What the reminder and the claim letter both say about one invoice. */
import type { Invoice, Payment } from '../../model/records';
import { currencyOf } from '../ageing';
import { fromCents, openCents, paidCents } from '../open-amount';
import type { DocLocale } from './model';
import { amountText } from './parties';

export interface InvoiceFacts {
  currency: string;
  paid: number;
  open: number;
  /** "invoice № 17 of 3 November 2026 (contract № 5)", as a sentence refers to it (ru: «по счёту № 17…»). */
  reference: string;
  /** The same on its own, for a field's value (ru: «Счёт № 17…»). */
  name: string;
}

export function invoiceFacts(invoice: Invoice, payments: readonly Payment[], loc: DocLocale): InvoiceFacts {
  const mine = payments.filter((p) => p.invoiceId === invoice.id);
  const open = fromCents(openCents(invoice, mine));
  const paid = Math.max(0, invoice.amount - open, fromCents(paidCents(mine)));
  const issued = invoice.issuedOn ? loc.t('ofDate', { date: loc.day(invoice.issuedOn) }) : '';
  const basis = invoice.basis.trim() ? ` (${invoice.basis.trim()})` : '';
  const rest = `${issued ? ` ${issued}` : ''}${basis}`;
  return { currency: currencyOf(invoice), paid, open, reference: `${loc.t('invoiceRef', { number: invoice.number })}${rest}`, name: `${loc.t('invoiceName', { number: invoice.number })}${rest}` };
}

/** The fields block of an invoice: basis, amount, paid, open, due, terms, way of payment. */
export function invoicePairs(invoice: Invoice, f: InvoiceFacts, loc: DocLocale): [string, string][] {
  const pairs: [string, string][] = [
    [loc.t('field.invoice'), f.name],
    [loc.t('field.amount'), loc.money(invoice.amount, f.currency)],
  ];
  if (f.paid > 0) pairs.push([loc.t('field.paid'), loc.money(f.paid, f.currency)]);
  pairs.push([loc.t('field.open'), amountText(f.open, f.currency, loc)], [loc.t('field.due'), loc.day(invoice.dueOn)]);
  if (invoice.terms?.trim()) pairs.push([loc.t('field.terms'), invoice.terms.trim()]);
  if (invoice.paymentWay?.trim()) pairs.push([loc.t('field.way'), invoice.paymentWay.trim()]);
  return pairs;
}
