/**
 * The reconciliation statement (акт сверки взаиморасчетов) for a period: per currency, the
 * opening balance, each invoice as a debit on its issue day (its due day when no issue day
 * was recorded) and each payment as a credit on its day, the turnover and the closing
 * balance, with both parties' signature blocks. An invoice marked paid in full (`paidOn`)
 * without payment records for all of it gets a credit of the rest on that day, so the
 * balance agrees with the open amounts the rest of the desk shows.
 */
import type { Invoice, Payment } from '../../model/records';
import { currencyOf } from '../ageing';
import { fromCents, paymentsByInvoice, paidCents, toCents } from '../open-amount';
import { dayCell, moneyCell, textCell, type DocBlock, type DocCell, type DocClient, type DocLocale, type DocSender, type DocumentModel } from './model';
import { clientParty, fileSafe, senderParty, senderSignature } from './parties';

export interface LedgerEntry {
  day: string;
  kind: 'invoice' | 'payment';
  number: string;
  /** Cents; one of the two is 0. */
  debit: number;
  credit: number;
}

export interface CurrencyLedger {
  currency: string;
  opening: number;
  entries: LedgerEntry[];
  debit: number;
  credit: number;
  closing: number;
}

/** Every invoice and payment as dated debits and credits, per currency (roubles first). */
function allEntries(invoices: readonly Invoice[], payments: readonly Payment[]): Map<string, LedgerEntry[]> {
  const byInvoice = paymentsByInvoice(payments);
  const out = new Map<string, LedgerEntry[]>();
  const push = (currency: string, e: LedgerEntry) => {
    const list = out.get(currency);
    if (list) list.push(e);
    else out.set(currency, [e]);
  };
  for (const inv of invoices) {
    const currency = currencyOf(inv);
    const cents = toCents(inv.amount);
    push(currency, { day: inv.issuedOn || inv.dueOn, kind: 'invoice', number: inv.number, debit: cents, credit: 0 });
    const mine = byInvoice.get(inv.id) ?? [];
    for (const p of mine) push(currency, { day: p.paidOn, kind: 'payment', number: inv.number, debit: 0, credit: toCents(p.amount) });
    const rest = cents - paidCents(mine);
    if (inv.paidOn !== '' && rest > 0) push(currency, { day: inv.paidOn, kind: 'payment', number: inv.number, debit: 0, credit: rest });
  }
  return out;
}

/** The ledger of [from, to] (inclusive days): what came before `from` is the opening balance. */
export function reconciliationLedger(invoices: readonly Invoice[], payments: readonly Payment[], from: string, to: string): CurrencyLedger[] {
  const order = (c: string) => (c === 'RUB' ? '' : c);
  return [...allEntries(invoices, payments)]
    .sort(([a], [b]) => order(a).localeCompare(order(b)))
    .map(([currency, entries]) => {
      let opening = 0;
      const inPeriod: LedgerEntry[] = [];
      for (const e of entries) {
        if (e.day < from) opening += e.debit - e.credit;
        else if (e.day <= to) inPeriod.push(e);
      }
      inPeriod.sort((a, b) => a.day.localeCompare(b.day) || (a.kind === b.kind ? a.number.localeCompare(b.number) : a.kind === 'invoice' ? -1 : 1));
      const debit = inPeriod.reduce((s, e) => s + e.debit, 0);
      const credit = inPeriod.reduce((s, e) => s + e.credit, 0);
      return { currency, opening, entries: inPeriod, debit, credit, closing: opening + debit - credit };
    });
}

export interface ReconciliationInput {
  sender: DocSender;
  client: DocClient;
  invoices: readonly Invoice[];
  payments: readonly Payment[];
  from: string;
  to: string;
  today: string;
}

/** A signed balance as debit or credit cells: a positive balance is the client's debt. */
function balanceCells(label: string, cents: number, currency: string): DocCell[] {
  const amount = fromCents(Math.abs(cents));
  return [textCell(''), textCell(label), cents > 0 ? moneyCell(amount, currency) : textCell(''), cents < 0 ? moneyCell(amount, currency) : textCell('')];
}

export function reconciliationStatement(input: ReconciliationInput, loc: DocLocale): DocumentModel {
  const { sender, client, from, to } = input;
  const us = sender.requisites.company.trim() || sender.managerName;
  const ledgers = reconciliationLedger(input.invoices, input.payments, from, to);
  const period = { from: loc.day(from), to: loc.day(to) };
  const blocks: DocBlock[] = [{ kind: 'paragraph', text: loc.t('reconciliation.intro', { ...period, us, client: client.company }) }];
  for (const l of ledgers) {
    blocks.push({
      kind: 'table',
      caption: loc.t('reconciliation.currency', { currency: l.currency }),
      table: {
        columns: [
          { header: loc.t('reconciliation.col.date') },
          { header: loc.t('reconciliation.col.document') },
          { header: loc.t('reconciliation.col.debit'), numeric: true },
          { header: loc.t('reconciliation.col.credit'), numeric: true },
        ],
        rows: l.entries.map((e) => [
          dayCell(e.day),
          textCell(loc.t(e.kind === 'invoice' ? 'reconciliation.invoice' : 'reconciliation.payment', { number: e.number })),
          e.debit ? moneyCell(fromCents(e.debit), l.currency) : textCell(''),
          e.credit ? moneyCell(fromCents(e.credit), l.currency) : textCell(''),
        ]),
        foot: [
          balanceCells(loc.t('reconciliation.opening', { date: period.from }), l.opening, l.currency),
          [textCell(''), textCell(loc.t('reconciliation.turnover')), moneyCell(fromCents(l.debit), l.currency), moneyCell(fromCents(l.credit), l.currency)],
          balanceCells(loc.t('reconciliation.closing', { date: period.to }), l.closing, l.currency),
        ],
      },
    });
    const amount = loc.money(fromCents(Math.abs(l.closing)), l.currency);
    const key = l.closing > 0 ? 'reconciliation.owes' : l.closing < 0 ? 'reconciliation.overpaid' : 'reconciliation.settled';
    blocks.push({ kind: 'paragraph', text: loc.t(key, { date: period.to, us, client: client.company, amount }) });
  }
  if (ledgers.length === 0) blocks.push({ kind: 'paragraph', text: loc.t('reconciliation.none') });
  blocks.push({ kind: 'paragraph', text: loc.t('reconciliation.confirm') });
  return {
    kind: 'reconciliation',
    title: loc.t('reconciliation.title'),
    subtitle: loc.t('reconciliation.period', period),
    fileName: `${fileSafe(loc.t('reconciliation.file'))}-${fileSafe(client.company)}-${from}-${to}`,
    from: senderParty(sender, loc),
    to: clientParty(client, loc),
    blocks,
    signatures: [senderSignature(sender, loc), { heading: client.company, position: client.contactPosition, name: client.contactName }],
  };
}
