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
  /** "invoice № 17 of 3 November 2026 (contract № 5)". */
  reference: string;
}

export function invoiceFacts(invoice: Invoice, payments: readonly Payment[], loc: DocLocale): InvoiceFacts {
  const mine = payments.filter((p) => p.invoiceId === invoice.id);
  const open = fromCents(openCents(invoice, mine));
  const paid = Math.max(0, invoice.amount - open, fromCents(paidCents(mine)));
  const issued = invoice.issuedOn ? loc.t('ofDate', { date: loc.day(invoice.issuedOn) }) : '';
  const basis = invoice.basis.trim() ? ` (${invoice.basis.trim()})` : '';
  return { currency: currencyOf(invoice), paid, open, reference: `${loc.t('invoiceRef', { number: invoice.number })}${issued ? ` ${issued}` : ''}${basis}` };
}

/** The fields block of an invoice: basis, amount, paid, open, due, terms, way of payment. */
export function invoicePairs(invoice: Invoice, f: InvoiceFacts, loc: DocLocale): [string, string][] {
  const pairs: [string, string][] = [
    [loc.t('field.invoice'), f.reference],
    [loc.t('field.amount'), loc.money(invoice.amount, f.currency)],
  ];
  if (f.paid > 0) pairs.push([loc.t('field.paid'), loc.money(f.paid, f.currency)]);
  pairs.push([loc.t('field.open'), amountText(f.open, f.currency, loc)], [loc.t('field.due'), loc.day(invoice.dueOn)]);
  if (invoice.terms?.trim()) pairs.push([loc.t('field.terms'), invoice.terms.trim()]);
  if (invoice.paymentWay?.trim()) pairs.push([loc.t('field.way'), invoice.paymentWay.trim()]);
  return pairs;
}
