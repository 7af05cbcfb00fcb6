/**
 * Schema version 8: the receivables index (one row per open invoice, by due date and
 * dossier) and the open amounts per due day, filled from the papers. Frozen: the rules it
 * applies (the open amount, the payment steps' ids, the currency) are written out here as
 * version 8 had them, so a later change to the receivables code never changes what an old
 * binder's upgrade produces.
 */
import type { Table } from 'dexie';
import type { Migration } from './migration';
import type { UpgradeTx } from './raw-tables';

interface InvoiceV8 {
  id: string;
  number: string;
  currency: string;
  amount: number;
  dueOn: string;
  paidOn: string;
  instalments?: unknown[];
  ladderLevel?: string;
  holdReason?: string;
}
interface PaymentV8 {
  invoiceId: string;
  amount: number;
}
interface StepV8 {
  id: string;
  kind: string;
  date: string;
  done: boolean;
}
interface PapersV8 {
  dossierId: string;
  invoices: InvoiceV8[];
  payments?: PaymentV8[];
  steps: StepV8[];
}
interface ReceivableRowV8 {
  id: string;
  dossierId: string;
  number: string;
  currency: string;
  openCents: number;
  dueOn: string;
  reminderDay: string;
  ladderLevel: string;
  held: boolean;
}
interface ReceivableDayV8 {
  dueOn: string;
  cents: Record<string, number>;
  count: number;
}

const toCents = (amount: number): number => Math.round(amount * 100);

/** A payment step's id: a UUID-shaped hash of the invoice id and the step's salt. */
function derivedId(base: string, salt: string): string {
  const s = `${base}|${salt}`;
  const lane = (seed: number) => {
    let h = seed;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 2654435761);
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    return ((h ^ (h >>> 13)) >>> 0).toString(16).padStart(8, '0');
  };
  const hex = lane(0x9e3779b9) + lane(0x85ebca6b) + lane(0xc2b2ae35) + lane(0x27d4eb2f);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const paymentStepId = (invoiceId: string, instalment?: number) => derivedId(invoiceId, instalment === undefined ? 'payment' : `instalment-${instalment}`);

function rowsOf(p: PapersV8): ReceivableRowV8[] {
  const paid = new Map<string, number>();
  for (const pay of p.payments ?? []) paid.set(pay.invoiceId, (paid.get(pay.invoiceId) ?? 0) + toCents(pay.amount));
  const stepDay = new Map(p.steps.filter((s) => s.kind === 'payment' && !s.done).map((s) => [s.id, s.date]));
  const out: ReceivableRowV8[] = [];
  for (const inv of p.invoices) {
    const cents = inv.paidOn !== '' ? 0 : Math.max(0, toCents(inv.amount) - (paid.get(inv.id) ?? 0));
    if (cents <= 0) continue;
    const days = [paymentStepId(inv.id), ...(inv.instalments ?? []).map((_, n) => paymentStepId(inv.id, n))].map((id) => stepDay.get(id)).filter((d): d is string => !!d);
    out.push({
      id: inv.id, dossierId: p.dossierId, number: inv.number, currency: inv.currency.trim().toUpperCase() || 'RUB', openCents: cents, dueOn: inv.dueOn,
      reminderDay: days.sort()[0] ?? '', ladderLevel: inv.ladderLevel ?? '', held: Boolean(inv.holdReason),
    });
  }
  return out;
}

/** The index built from every dossier's papers, a slice at a time; the day totals written once at the end. */
async function buildReceivables(tx: UpgradeTx): Promise<void> {
  const receivables = tx.table('receivables') as Table<ReceivableRowV8, string>;
  const receivableDays = tx.table('receivableDays') as Table<ReceivableDayV8, string>;
  const papers = tx.table('papers') as Table<PapersV8, string>;
  await Promise.all([receivables.clear(), receivableDays.clear()]);
  const days = new Map<string, ReceivableDayV8>();
  let after: string | undefined;
  for (;;) {
    const slice = await (after === undefined ? papers.orderBy(':id') : papers.where(':id').above(after)).limit(5_000).toArray();
    if (slice.length === 0) break;
    after = slice[slice.length - 1]!.dossierId;
    const rows = slice.flatMap(rowsOf);
    for (const r of rows) {
      let d = days.get(r.dueOn);
      if (!d) days.set(r.dueOn, (d = { dueOn: r.dueOn, cents: {}, count: 0 }));
      d.cents[r.currency] = (d.cents[r.currency] ?? 0) + r.openCents;
      d.count++;
    }
    await receivables.bulkPut(rows);
  }
  await receivableDays.bulkPut([...days.values()]);
}

export const v8: Migration = {
  version: 8,
  stores: { receivables: 'id, dossierId, dueOn', receivableDays: 'dueOn' },
  upgrade: (tx) => buildReceivables(tx),
};
