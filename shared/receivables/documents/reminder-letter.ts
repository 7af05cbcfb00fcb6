/**
 * The payment reminder (source articles 001 and 003): sent 3 working days before the due
 * date, it names the basis, the amount, the terms and way of payment and, for a loyal
 * client, the discount or bonus offered; the reconciliation statement goes with it.
 */
import type { Invoice, Payment } from '../../model/records';
import { invoiceFacts, invoicePairs } from './invoice-facts';
import type { DocBlock, DocClient, DocLocale, DocSender, DocumentModel } from './model';
import { amountText, bankLines, clientParty, fileSafe, salutation, senderParty, senderSignature } from './parties';

export interface ReminderInput {
  sender: DocSender;
  client: DocClient;
  invoice: Invoice;
  payments: readonly Payment[];
  today: string;
}

export function reminderLetter(input: ReminderInput, loc: DocLocale): DocumentModel {
  const { invoice, client, sender } = input;
  const f = invoiceFacts(invoice, input.payments, loc);
  const bank = bankLines(sender, loc);
  const blocks: DocBlock[] = [
    { kind: 'paragraph', text: salutation(client, loc) },
    { kind: 'paragraph', text: loc.t('reminder.body', { reference: f.reference, amount: amountText(f.open, f.currency, loc), due: loc.day(invoice.dueOn) }) },
  ];
  if (f.paid > 0) blocks.push({ kind: 'paragraph', text: loc.t('reminder.partly', { paid: loc.money(f.paid, f.currency), open: loc.money(f.open, f.currency) }) });
  blocks.push({ kind: 'fields', pairs: invoicePairs(invoice, f, loc) });
  if (bank.length) blocks.push({ kind: 'paragraph', text: `${loc.t('payTo')} ${bank.join('; ')}` });
  if (invoice.loyaltyNote?.trim()) blocks.push({ kind: 'paragraph', text: loc.t('reminder.loyalty', { note: invoice.loyaltyNote.trim() }) });
  blocks.push({ kind: 'paragraph', text: loc.t('reminder.attached') }, { kind: 'paragraph', text: loc.t('reminder.thanks') });
  return {
    kind: 'reminder',
    title: loc.t('reminder.title'),
    subtitle: loc.t('dated', { date: loc.day(input.today) }),
    fileName: `${fileSafe(loc.t('reminder.file'))}-${fileSafe(invoice.number)}-${fileSafe(client.company)}`,
    from: senderParty(sender, loc),
    to: clientParty(client, loc),
    blocks,
    signatures: [senderSignature(sender, loc)],
  };
}
