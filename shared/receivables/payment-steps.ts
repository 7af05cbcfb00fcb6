/**
 * The payment step that follows an invoice: every open invoice files a step of kind
 * 'payment' on its reminder day (3 working days before it is due), so no debt is ever
 * left unfiled. A new payment schedule files one step per instalment instead. The steps'
 * ids are derived from the invoice's, so the step is found again after any change, on
 * any machine, and a workbook's copy of it merges with the local one.
 */
import { paymentReminderDay } from '../dates/receivables';
import type { WorkCalendar } from '../dates/working-days';
import type { Invoice, Payment, Step } from '../model/records';
import { fromCents, openCents, toCents } from './open-amount';

/** A UUID (version 4 layout) derived from another id and a salt: the same inputs always give the same id. */
export function derivedId(base: string, salt: string): string {
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

/** The id of an invoice's own payment step, and of its instalment `n`'s (0-based). */
export function paymentStepId(invoiceId: string, instalment?: number): string {
  return derivedId(invoiceId, instalment === undefined ? 'payment' : `instalment-${instalment}`);
}

export interface PlannedPayment {
  stepId: string;
  /** The day the reminder is filed under. */
  date: string;
  dueOn: string;
  /** What is due on `dueOn` and still unpaid. */
  amount: number;
  currency: string;
  number: string;
  /** False when nothing is owed any more (the step is closed). */
  open: boolean;
}

/**
 * The payment steps an invoice should have now. Instalments are paid in order: payments
 * cover the first instalment, then the second, … (see below). On hold, nothing is chased.
 */
export function plannedPayments(invoice: Invoice, payments: readonly Payment[] | undefined, cal: WorkCalendar): PlannedPayment[] {
  const owed = openCents(invoice, payments);
  const base = { currency: invoice.currency, number: invoice.number };
  const held = Boolean(invoice.holdReason);
  const schedule = invoice.instalments ?? [];
  if (schedule.length === 0) {
    return [{ ...base, stepId: paymentStepId(invoice.id), date: paymentReminderDay(invoice.dueOn, cal), dueOn: invoice.dueOn, amount: fromCents(owed), open: owed > 0 && !held }];
  }
  // A schedule replaces what was open when it was agreed: what is owed now is owed on its
  // last instalments, so each payment (whenever made) closes the earliest instalment first.
  const own: PlannedPayment = { ...base, stepId: paymentStepId(invoice.id), date: paymentReminderDay(invoice.dueOn, cal), dueOn: invoice.dueOn, amount: 0, open: false };
  let later = 0;
  const lefts = schedule.map(() => 0);
  for (let n = schedule.length - 1; n >= 0; n--) {
    const due = toCents(schedule[n]!.amount);
    lefts[n] = Math.min(due, Math.max(0, owed - later));
    later += due;
  }
  return [own, ...schedule.map((inst, n) => {
    const left = lefts[n]!;
    return { ...base, stepId: paymentStepId(invoice.id, n), date: paymentReminderDay(inst.dueOn, cal), dueOn: inst.dueOn, amount: fromCents(left), open: left > 0 && !held };
  })];
}

/** The title a payment step shows in the folder: number, amount and due date, readable in any language's list. */
export function paymentStepTitle(p: Pick<PlannedPayment, 'number' | 'amount' | 'currency' | 'dueOn'>): string {
  return `№ ${p.number} · ${p.amount} ${p.currency} · ${p.dueOn}`;
}

/**
 * The step changes that make `existing` follow `plan`: an open planned payment is an open
 * step on its day (moved there, or reopened when the due date moved after it was done);
 * one no longer owed is closed. A step the manager closed on its day stays closed: the
 * reminder was made. Returns only the steps that change.
 */
export function followPlan(existing: readonly Step[], plan: readonly PlannedPayment[], dossierId: string, now: string, author: string): Step[] {
  const byId = new Map(existing.map((s) => [s.id, s]));
  const out: Step[] = [];
  for (const p of plan) {
    const step = byId.get(p.stepId);
    const title = paymentStepTitle(p);
    if (!p.open) {
      if (step && !step.done) out.push({ ...step, done: true, doneAt: now, updatedAt: now, author });
      continue;
    }
    if (!step) {
      out.push({
        id: p.stepId, createdAt: now, updatedAt: now, author, syncBase: '', dossierId, kind: 'payment', title,
        date: p.date, month: '', time: '', durationMin: 0, remindMin: -1, done: false, doneAt: '',
      });
      continue;
    }
    const keptDone = step.done && step.date === p.date;
    if (keptDone) continue;
    if (step.done || step.date !== p.date || step.month !== '' || step.title !== title) {
      out.push({ ...step, date: p.date, month: '', title, done: false, doneAt: '', updatedAt: now, author });
    }
  }
  return out;
}
