/**
 * The claim letter (претензия), the ladder's step before court: the basis, the amount
 * overdue and for how many days, the demand with its deadline and what follows if it is
 * not met. In Russia a claim must precede a suit between companies and the court waits 30
 * calendar days for the answer (Arbitration Procedure Code art. 4 p. 5) unless the contract
 * sets another term, hence the default deadline.
 */
import { addDays } from '../../dates/calendar-day';
import type { Invoice, Payment } from '../../model/records';
import { daysOverdue } from '../ladder';
import { invoiceFacts, invoicePairs } from './invoice-facts';
import type { DocBlock, DocClient, DocLocale, DocSender, DocumentModel } from './model';
import { amountText, bankLines, clientParty, fileSafe, salutation, senderParty, senderSignature } from './parties';

export const CLAIM_DEADLINE_DAYS = 30;

export interface ClaimInput {
  sender: DocSender;
  client: DocClient;
  invoice: Invoice;
  payments: readonly Payment[];
  today: string;
  /** Calendar days the client has to pay from the letter's date. */
  deadlineDays?: number;
}

export function claimLetter(input: ClaimInput, loc: DocLocale): DocumentModel {
  const { invoice, client, sender, today } = input;
  const f = invoiceFacts(invoice, input.payments, loc);
  const days = daysOverdue(invoice, today);
  const deadlineDays = input.deadlineDays ?? CLAIM_DEADLINE_DAYS;
  const bank = bankLines(sender, loc);
  const us = sender.requisites.company.trim() || sender.managerName;
  const blocks: DocBlock[] = [
    { kind: 'paragraph', text: salutation(client, loc) },
    { kind: 'paragraph', text: loc.t('claim.basis', { us, reference: f.reference, amount: loc.money(invoice.amount, f.currency), due: loc.day(invoice.dueOn) }) },
    { kind: 'paragraph', text: loc.t('claim.overdue', { date: loc.day(today), amount: amountText(f.open, f.currency, loc), count: days }) },
    { kind: 'fields', pairs: [...invoicePairs(invoice, f, loc), [loc.t('field.days'), String(days)]] },
    {
      kind: 'paragraph',
      text: loc.t('claim.demand', { amount: loc.money(f.open, f.currency), count: deadlineDays, deadline: loc.day(addDays(today, deadlineDays)) }) + (bank.length ? ` ${loc.t('payTo')} ${bank.join('; ')}` : ''),
    },
    { kind: 'paragraph', text: loc.t('claim.consequences') },
  ];
  return {
    kind: 'claim',
    title: loc.t('claim.title'),
    subtitle: loc.t('dated', { date: loc.day(today) }),
    fileName: `${fileSafe(loc.t('claim.file'))}-${fileSafe(invoice.number)}-${fileSafe(client.company)}`,
    from: senderParty(sender, loc),
    to: clientParty(client, loc),
    blocks,
    signatures: [senderSignature(sender, loc)],
  };
}
