/**
 * What is still owed on an invoice. Money is summed in integer cents: 0.1 + 0.2 must not
 * leave an invoice open by 0.00000000000004 and keep its reminder in the binder.
 */
import type { Invoice, Payment } from '../model/records';

export const toCents = (amount: number): number => Math.round(amount * 100);
export const fromCents = (cents: number): number => cents / 100;

/** Payments grouped by the invoice they pay. */
export function paymentsByInvoice(payments: readonly Payment[]): Map<string, Payment[]> {
  const out = new Map<string, Payment[]>();
  for (const p of payments) {
    const list = out.get(p.invoiceId);
    if (list) list.push(p);
    else out.set(p.invoiceId, [p]);
  }
  return out;
}

export function paidCents(payments: readonly Payment[] | undefined): number {
  let cents = 0;
  for (const p of payments ?? []) cents += toCents(p.amount);
  return cents;
}

/**
 * Amount less payments, never below 0 (an overpayment closes the invoice; the surplus is
 * a matter for the reconciliation statement). `paidOn` means paid in full that day, as the
 * Invoices sheet always said, so an older workbook's paid invoice stays closed.
 */
export function openCents(invoice: Invoice, payments: readonly Payment[] | undefined): number {
  if (invoice.paidOn !== '') return 0;
  return Math.max(0, toCents(invoice.amount) - paidCents(payments));
}

export function openAmount(invoice: Invoice, payments: readonly Payment[] | undefined): number {
  return fromCents(openCents(invoice, payments));
}

export function isOpen(invoice: Invoice, payments: readonly Payment[] | undefined): boolean {
  return openCents(invoice, payments) > 0;
}
