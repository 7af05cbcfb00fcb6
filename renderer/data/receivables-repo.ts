/**
 * The receivables desk's data: invoices and payments in the dossier (undoable like every
 * change), the payment step each open invoice files on its reminder day, the ladder's
 * moves and holds, and the receivables screen's reads over the v8 index.
 *
 * The payment steps follow their invoice in the same transaction as the change that moves
 * them (shared/receivables/payment-steps.ts decides, here it is stored). When closing one
 * would leave an active dossier with no open step, a call is filed for the next working
 * day instead of refusing the payment: money received is never blocked by the binder.
 */
import { addDays, todayKey } from '../../shared/dates/calendar-day';
import { paymentReminderDay, type AgingBucket, AGING_BUCKETS } from '../../shared/dates/receivables';
import { DEFAULT_WORK_CALENDAR, nextWorkingDayAfter, type WorkCalendar } from '../../shared/dates/working-days';
import { stamp, touch } from '../../shared/model/new-record';
import { invoiceSchema, paymentSchema, type Dossier, type Invoice, type LadderLevel, type Payment } from '../../shared/model/records';
import { AgeingSum, type AgeingByCurrency } from '../../shared/receivables/ageing';
import { checkMove, ladderStepId, checkSchedule, DEFAULT_LADDER, movedInvoice, nextStepDay, stepKindOf, type Ladder, type LadderDetail } from '../../shared/receivables/ladder';
import { fromCents, openCents } from '../../shared/receivables/open-amount';
import { OverdueTrend, trendDays } from '../../shared/receivables/overdue-trend';
import { followPlan, plannedPayments } from '../../shared/receivables/payment-steps';
import { getDb, type ReceivableRow } from './db';
import type { ReceivableDossier } from './stored-rows';
import { dossiersOfRows } from './receivables-index';
import { paymentsOf } from './papers';
import { stepFromPlan } from './plans';
import { DataError, type DossierFilter, type UndoInfo } from './types';
import {
  appendHistory, deleteRecord, paperRecord, putRecord, requireRow, runWrite, stepsIn, undoable, type WriteCtx,
} from './write-context';

const OPTIONAL_TEXT = ['terms', 'paymentWay', 'loyaltyNote', 'holdReason'] as const;

/** Invoice fields a form fills in. */
export type InvoiceInput = Pick<Invoice, 'dossierId' | 'number' | 'amount' | 'dueOn'> &
  Partial<Omit<Invoice, 'id' | 'dossierId' | 'createdAt' | 'updatedAt' | 'author' | 'syncBase'>> & { id?: string };

/** Optional fields left empty are left out (an empty cell reads back as absent; see columns.ts `optional`). */
function compact(inv: Invoice): Invoice {
  const out = { ...inv } as Record<string, unknown>;
  for (const k of OPTIONAL_TEXT) if (typeof out[k] === 'string' && (out[k] as string).trim() === '') delete out[k];
  if (Array.isArray(out.instalments) && out.instalments.length === 0) delete out.instalments;
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out as Invoice;
}

/** Makes the dossier's payment steps follow its invoices and payments as this action left them. */
async function followInvoices(ctx: WriteCtx, dossierId: string, cal: WorkCalendar): Promise<void> {
  const steps = await stepsIn(ctx, dossierId);
  const papers = { invoices: await invoicesIn(ctx, dossierId), payments: await paymentsIn(ctx, dossierId) };
  for (const inv of papers.invoices) {
    const plan = plannedPayments(inv, papers.payments.filter((p) => p.invoiceId === inv.id), cal);
    for (const s of followPlan(steps, plan, dossierId, ctx.now, ctx.author)) {
      await putRecord(ctx, 'steps', s, steps.find((x) => x.id === s.id) ?? null);
    }
  }
  await keepFiled(ctx, dossierId, cal);
}

async function keepFiled(ctx: WriteCtx, dossierId: string, cal: WorkCalendar): Promise<void> {
  const row = await requireRow(ctx, dossierId);
  if (row.status !== 'active' || (await stepsIn(ctx, dossierId)).some((s) => !s.done)) return;
  await putRecord(ctx, 'steps', stepFromPlan({ date: nextWorkingDayAfter(todayKey(), cal), kind: 'call' }, dossierId, ctx.author, ctx.now), null);
}

async function invoicesIn(ctx: WriteCtx, dossierId: string): Promise<Invoice[]> {
  // Through paperRecord's reader: the papers as this action changed them.
  await paperRecord(ctx, 'invoices', dossierId, '');
  return ctx.papers.get(dossierId)?.invoices ?? [];
}

async function paymentsIn(ctx: WriteCtx, dossierId: string): Promise<Payment[]> {
  await paperRecord(ctx, 'payments', dossierId, '');
  const p = ctx.papers.get(dossierId);
  return p ? paymentsOf(p) : [];
}

async function requireInvoice(ctx: WriteCtx, dossierId: string, id: string): Promise<Invoice> {
  const inv = await paperRecord(ctx, 'invoices', dossierId, id);
  if (!inv) throw new DataError(`Invoice ${id} not found`, 'not-found');
  return inv;
}

/** Creates (no id) or edits an invoice; its payment step is filed or moved with it. Undoable. */
export function saveInvoice(input: InvoiceInput, cal: WorkCalendar, author: string): Promise<{ invoice: Invoice; undo: UndoInfo }> {
  return runWrite(author, async (ctx) => {
    const row = await requireRow(ctx, input.dossierId);
    const existing = input.id ? await paperRecord(ctx, 'invoices', input.dossierId, input.id) : undefined;
    const invoice = compact(invoiceSchema.parse(existing ? touch({ ...existing, ...input, id: existing.id }, author, ctx.now) : stamp({ ...input }, author, ctx.now)));
    await putRecord(ctx, 'invoices', invoice, existing ?? null);
    await followInvoices(ctx, input.dossierId, cal);
    return { invoice, undo: undoable(ctx, 'invoice', `${row.company} № ${invoice.number}`) };
  });
}

/**
 * Adds a batch of invoices (pasted or imported) in one action: each files its payment step,
 * and one undo takes the whole batch back.
 */
export function addInvoices(inputs: readonly InvoiceInput[], cal: WorkCalendar, author: string, label: string): Promise<UndoInfo> {
  return runWrite(author, async (ctx) => {
    const touched = new Set<string>();
    for (const input of inputs) {
      await requireRow(ctx, input.dossierId);
      await putRecord(ctx, 'invoices', compact(invoiceSchema.parse(stamp({ ...input }, author, ctx.now))), null);
      touched.add(input.dossierId);
    }
    for (const id of touched) await followInvoices(ctx, id, cal);
    return undoable(ctx, 'invoice', label);
  });
}

/** The dossiers as invoice matching sees them (no invoice numbers yet: invoiceNumbersOf reads those for the matched few). */
export async function getDossierKeys(): Promise<{ id: string; company: string; taxId: string; numbers: string[] }[]> {
  const rows = await getDb().dossiers.toArray();
  return rows.map((r) => ({ id: r.id, company: r.company, taxId: r.taxId, numbers: [] }));
}

export async function invoiceNumbersOf(dossierIds: readonly string[]): Promise<Map<string, string[]>> {
  const papers = await getDb().papers.bulkGet([...new Set(dossierIds)]);
  return new Map(papers.filter((p) => p !== undefined).map((p) => [p.dossierId, p.invoices.map((i) => i.number)]));
}

/** Deletes an invoice with its payments and its open payment steps (done ones stay: they were worked). Undoable. */
export function deleteInvoice(dossierId: string, id: string, cal: WorkCalendar, author: string): Promise<UndoInfo> {
  return runWrite(author, async (ctx) => {
    const row = await requireRow(ctx, dossierId);
    const invoice = await requireInvoice(ctx, dossierId, id);
    const stepIds = new Set(plannedPayments(invoice, [], cal).map((p) => p.stepId));
    for (const p of (await paymentsIn(ctx, dossierId)).filter((x) => x.invoiceId === id)) await deleteRecord(ctx, 'payments', p);
    for (const s of (await stepsIn(ctx, dossierId)).filter((x) => stepIds.has(x.id) && !x.done)) await deleteRecord(ctx, 'steps', s);
    await deleteRecord(ctx, 'invoices', invoice);
    await keepFiled(ctx, dossierId, cal);
    return undoable(ctx, 'invoice', `${row.company} № ${invoice.number}`);
  });
}

/** Records a payment (partial or full); the payment step shows the rest, or closes. Undoable. */
export function recordPayment(input: Pick<Payment, 'dossierId' | 'invoiceId' | 'amount' | 'paidOn'>, cal: WorkCalendar, author: string): Promise<UndoInfo> {
  return runWrite(author, async (ctx) => {
    const row = await requireRow(ctx, input.dossierId);
    const invoice = await requireInvoice(ctx, input.dossierId, input.invoiceId);
    if (!(input.amount > 0)) throw new DataError('A payment needs an amount above 0', 'invalid');
    await putRecord(ctx, 'payments', paymentSchema.parse(stamp({ ...input }, author, ctx.now)), null);
    await followInvoices(ctx, input.dossierId, cal);
    return undoable(ctx, 'payment', `${row.company} № ${invoice.number}`);
  });
}

export function deletePayment(dossierId: string, id: string, cal: WorkCalendar, author: string): Promise<UndoInfo> {
  return runWrite(author, async (ctx) => {
    const row = await requireRow(ctx, dossierId);
    const payment = (await paymentsIn(ctx, dossierId)).find((p) => p.id === id);
    if (!payment) throw new DataError(`Payment ${id} not found`, 'not-found');
    await deleteRecord(ctx, 'payments', payment);
    await followInvoices(ctx, dossierId, cal);
    return undoable(ctx, 'payment', row.company);
  });
}

export interface LadderMove {
  dossierId: string;
  invoiceId: string;
  to: LadderLevel;
  detail: LadderDetail;
  /** The history entry's text and the next step's title, in the manager's language (the screen words them). */
  summary: string;
  stepTitle: string;
}

/**
 * Moves a debt up or down the ladder: the invoice's level (with the negotiation's reason
 * or the solution's kind), a history entry, and the step the new level files. Undoable.
 */
export function moveOnLadder(move: LadderMove, today: string, cal: WorkCalendar, author: string, ladder: Ladder = DEFAULT_LADDER): Promise<UndoInfo> {
  return runWrite(author, async (ctx) => {
    const row = await requireRow(ctx, move.dossierId);
    const invoice = await requireInvoice(ctx, move.dossierId, move.invoiceId);
    const refusal = checkMove(invoice, move.to, move.detail, today);
    if (refusal) throw new DataError(`The debt cannot move to ${move.to}: ${refusal}`, 'invalid');
    if (move.detail.instalments) {
      const owed = openCents(invoice, (await paymentsIn(ctx, row.id)).filter((p) => p.invoiceId === invoice.id));
      const issue = checkSchedule(move.detail.instalments, owed);
      if (issue) throw new DataError(`The payment schedule is not valid: ${issue}`, 'invalid');
    }
    await putRecord(ctx, 'invoices', compact(touch(movedInvoice(invoice, move.to, move.detail), author, ctx.now)), invoice);
    await appendHistory(ctx, stamp({ dossierId: row.id, at: ctx.now, kind: move.to === 'claim' ? 'letter' as const : 'note' as const, outcome: '' as const, summary: move.summary }, author, ctx.now));
    const date = nextStepDay(invoice, move.to, today, cal, ladder);
    const stepId = ladderStepId(invoice.id);
    const previous = await paperRecord(ctx, 'steps', row.id, stepId);
    const step = { ...stepFromPlan({ date, kind: stepKindOf(move.to, ladder), title: move.stepTitle }, row.id, author, ctx.now), id: stepId };
    await putRecord(ctx, 'steps', previous ? { ...step, createdAt: previous.createdAt } : step, previous ?? null);
    await followInvoices(ctx, row.id, cal);
    return undoable(ctx, 'ladder', `${row.company} № ${invoice.number}`);
  });
}

/** Puts a debt on hold with its reason ('' takes it off hold): its payment steps close or reopen. Undoable. */
export function setHold(dossierId: string, invoiceId: string, reason: string, summary: string, cal: WorkCalendar, author: string): Promise<UndoInfo> {
  return runWrite(author, async (ctx) => {
    const row = await requireRow(ctx, dossierId);
    const invoice = await requireInvoice(ctx, dossierId, invoiceId);
    await putRecord(ctx, 'invoices', compact(touch({ ...invoice, holdReason: reason.trim() }, author, ctx.now)), invoice);
    await appendHistory(ctx, stamp({ dossierId, at: ctx.now, kind: 'note' as const, outcome: '' as const, summary }, author, ctx.now));
    await followInvoices(ctx, dossierId, cal);
    return undoable(ctx, 'ladder', `${row.company} № ${invoice.number}`);
  });
}

/**
 * After the working calendar changed (a new holiday, a moved working day): the payment
 * steps whose reminder day moved are refiled, dossier by dossier, in one transaction
 * (the calendar lives in the settings, outside the database, so this runs right after
 * they are saved). A row whose reminder is not its own due date's under the old calendar
 * follows an instalment or a hand-moved step: it is refiled too, the plan decides.
 */
export async function followCalendar(cal: WorkCalendar, author: string, before?: WorkCalendar): Promise<number> {
  const rows = await getDb().receivables.toArray();
  const moved = (r: ReceivableRow) =>
    r.reminderDay !== '' && (r.reminderDay !== paymentReminderDay(r.dueOn, cal) || (before !== undefined && r.reminderDay !== paymentReminderDay(r.dueOn, before)));
  const ids = [...new Set(rows.filter(moved).map((r) => r.dossierId))];
  if (ids.length === 0) return 0;
  await runWrite(author, async (ctx) => {
    for (const id of ids) await followInvoices(ctx, id, cal);
  });
  return ids.length;
}

/** Whether two calendars can file a reminder on different days (what followCalendar must then be told). */
export function calendarChanged(a: WorkCalendar, b: WorkCalendar): boolean {
  const key = (c: WorkCalendar) => JSON.stringify([[...c.workingWeek].sort(), [...c.holidays].sort(), [...c.extraWorkingDays].sort(), c.country ?? 'none']);
  return key(a) !== key(b);
}

// ---- reads ----

export interface ReceivablesOverview {
  buckets: AgeingByCurrency;
  /** Overdue (past the due date) per currency. */
  overdue: Record<string, number>;
  invoices: number;
}

/** The bucket totals from the per-day values: ~one value per due day, whatever the number of invoices. */
export async function getReceivablesOverview(today: string, cal: WorkCalendar): Promise<ReceivablesOverview> {
  const days = await getDb().receivableDays.toArray();
  const sum = new AgeingSum();
  const overdue = new Map<string, number>();
  let invoices = 0;
  for (const d of days) {
    const bucket = bucketOf(d.dueOn, today, cal);
    invoices += d.count;
    for (const [currency, cents] of Object.entries(d.cents)) {
      sum.add(currency, bucket, cents);
      if (d.dueOn < today) overdue.set(currency, (overdue.get(currency) ?? 0) + cents);
    }
  }
  return { buckets: sum.result(), overdue: Object.fromEntries([...overdue].map(([c, v]) => [c, fromCents(v)])), invoices };
}

function bucketOf(dueOn: string, today: string, cal: WorkCalendar): AgingBucket {
  if (dueOn >= today) return today >= paymentReminderDay(dueOn, cal) ? 'due-soon' : 'current';
  const days = Math.round((Date.parse(today) - Date.parse(dueOn)) / 86_400_000);
  return days <= 30 ? '1-30' : days <= 60 ? '31-60' : days <= 90 ? '61-90' : '90+';
}

/** The sidebar's figure: overdue per currency. */
export async function getOverdueTotal(today: string): Promise<Record<string, number>> {
  const out = new Map<string, number>();
  await getDb().receivableDays.where('dueOn').below(today).each((d) => {
    for (const [c, v] of Object.entries(d.cents)) out.set(c, (out.get(c) ?? 0) + v);
  });
  return Object.fromEntries([...out].map(([c, v]) => [c, fromCents(v)]));
}

export type ReceivablesView = 'due-soon' | Exclude<AgingBucket, 'current' | 'due-soon'> | 'overdue';

export interface ReceivableItem extends ReceivableRow {
  company: string;
  taxId: string;
  owner: string;
  segment: Dossier['segment'];
  vip: boolean;
  open: number;
  daysOverdue: number;
}

/**
 * The last due date whose reminder day is today or earlier: due soon reads only up to it
 * (a few days of the index, not a month of it). A reminder moved by hand to an earlier day
 * is found in the binder's folders, not here.
 */
function lastDueSoon(today: string, cal: WorkCalendar): string {
  let day = today;
  for (let i = 1; i <= 31; i++) {
    const next = addDays(today, i);
    if (paymentReminderDay(next, cal) > today) break;
    day = next;
  }
  return day;
}

/** The due dates a view covers: [from, to] inclusive. */
function rangeOf(view: ReceivablesView, today: string, cal: WorkCalendar): [string, string] {
  const back = (n: number) => addDays(today, -n);
  switch (view) {
    case 'due-soon': return [today, lastDueSoon(today, cal)];
    case '1-30': return [back(30), back(1)];
    case '31-60': return [back(60), back(31)];
    case '61-90': return [back(90), back(61)];
    case '90+': return ['0000-01-01', back(91)];
    case 'overdue': return ['0000-01-01', back(1)];
  }
}

function matches(row: ReceivableDossier | undefined, f: DossierFilter): row is ReceivableDossier {
  if (!row) return false;
  if (f.owner && row.owner !== f.owner) return false;
  if (f.segment && row.segment !== f.segment) return false;
  if (f.vip && !row.vip) return false;
  return true;
}

/** The receivables screen's filters: the dossier's (owner, segment, VIP) and the invoice's currency. */
export interface ReceivablesFilter extends DossierFilter {
  currency?: string;
}

export type ReceivablesSort = 'dueOn' | 'amount' | 'company' | 'number' | 'level';

export interface ReceivablesQuery {
  view: ReceivablesView;
  today: string;
  filter?: ReceivablesFilter;
  /**
   * 'dueOn': oldest due first (index order, paged: the first screen reads only its page);
   * any other column reads the view's range and sorts it ('amount': largest first).
   */
  sort?: ReceivablesSort;
  /** Reverses the order of the chosen column. */
  desc?: boolean;
  limit?: number;
  /** The working calendar the reminder days follow (due soon); Monday to Friday without it. */
  cal?: WorkCalendar;
}

const LEVEL_ORDER = ['', ...DEFAULT_LADDER.map((r) => r.level as string)];
const COMPARE: Record<Exclude<ReceivablesSort, 'dueOn'>, (a: ReceivableItem, b: ReceivableItem) => number> = {
  amount: (a, b) => b.openCents - a.openCents,
  company: (a, b) => a.company.localeCompare(b.company),
  number: (a, b) => a.number.localeCompare(b.number, undefined, { numeric: true }),
  level: (a, b) => LEVEL_ORDER.indexOf(b.ladderLevel) - LEVEL_ORDER.indexOf(a.ladderLevel),
};

/** A page of a view, with the dossiers' company, owner, segment and VIP flag (carried by the index rows). */
export async function listReceivables(q: ReceivablesQuery): Promise<ReceivableItem[]> {
  const db = getDb();
  const limit = q.limit ?? 50;
  const filter = q.filter ?? {};
  const [from, to] = rangeOf(q.view, q.today, q.cal ?? DEFAULT_WORK_CALENDAR);
  const currency = filter.currency?.toUpperCase();
  // Due soon is a range of due dates (each one's reminder day has come), like the overview's
  // bucket: an invoice whose reminder call was made is still due soon, and the list sums to
  // the total above it. Filtering on the open reminder step dropped those and, on a binder
  // where most reminders were made, read the whole range page after page for nothing.
  const inView = (r: ReceivableRow) => !currency || r.currency === currency;
  const out: ReceivableItem[] = [];
  const join = async (rows: ReceivableRow[]) => {
    const byId = await dossiersOfRows(db.dossiers, rows);
    for (const r of rows) {
      const d = byId.get(r.dossierId);
      if (!matches(d, filter)) continue;
      const { dossier: _carried, ...row } = r;
      out.push({ ...row, company: d.company, taxId: d.taxId, owner: d.owner, segment: d.segment, vip: d.vip, open: fromCents(r.openCents), daysOverdue: Math.max(0, Math.round((Date.parse(q.today) - Date.parse(r.dueOn)) / 86_400_000)) });
    }
  };
  const range = db.receivables.where('dueOn').between(from, to, true, true);
  const sign = q.desc ? -1 : 1;
  if (q.sort && q.sort !== 'dueOn') {
    const cmp = COMPARE[q.sort];
    await join((await range.toArray()).filter(inView));
    return out.sort((a, b) => sign * cmp(a, b) || a.dueOn.localeCompare(b.dueOn)).slice(0, limit);
  }
  // Pages of the index (oldest due first, or newest with desc) until the filter has let
  // `limit` through; each page twice the last, so a narrow filter takes a few reads, not hundreds.
  // With no dossier filter every row read is shown: the first page is the screen's page.
  const dossierFiltered = Boolean(filter.owner || filter.segment || filter.vip);
  let page = dossierFiltered ? Math.max(limit * 2, 100) : limit;
  let offset = 0;
  for (;;) {
    const range = db.receivables.where('dueOn').between(from, to, true, true);
    const rows = await (q.desc ? range.reverse() : range).offset(offset).limit(page).toArray();
    await join(rows.filter(inView));
    if (out.length >= limit || rows.length < page) return out.slice(0, limit);
    offset += page;
    page = Math.min(page * 2, 10_000);
  }
}

export interface ClientTotal {
  dossierId: string;
  company: string;
  owner: string;
  /** Overdue per currency. */
  overdue: Record<string, number>;
  invoices: number;
}

/** Overdue totals per client, largest first (reads every overdue row: the "by client" tab, not the first screen). */
export async function getClientTotals(today: string, filter: ReceivablesFilter = {}, limit = 100): Promise<ClientTotal[]> {
  const db = getDb();
  const currency = filter.currency?.toUpperCase();
  const rows = (await db.receivables.where('dueOn').below(today).toArray()).filter((r) => !currency || r.currency === currency);
  const by = new Map<string, { cents: Map<string, number>; n: number }>();
  for (const r of rows) {
    let t = by.get(r.dossierId);
    if (!t) by.set(r.dossierId, (t = { cents: new Map(), n: 0 }));
    t.cents.set(r.currency, (t.cents.get(r.currency) ?? 0) + r.openCents);
    t.n++;
  }
  const ids = [...by.keys()];
  const dossiers = await dossiersOfRows(db.dossiers, rows);
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  return ids
    .map((id) => ({ id, d: dossiers.get(id) }))
    .filter((x): x is { id: string; d: ReceivableDossier } => matches(x.d, filter))
    .sort((a, b) => total(by.get(b.id)!.cents) - total(by.get(a.id)!.cents))
    .slice(0, limit)
    .map(({ id, d }) => ({ dossierId: id, company: d.company, owner: d.owner, overdue: Object.fromEntries([...by.get(id)!.cents].map(([c, v]) => [c, fromCents(v)])), invoices: by.get(id)!.n }));
}

/**
 * What was overdue at the end of each of the last weeks (OverdueTrend), read from every
 * dossier's papers: the chart's tab reads it on demand, never the first screen.
 */
export async function getOverdueTrend(today: string, weeks = 12): Promise<{ days: string[]; byCurrency: Record<string, number[]> }> {
  const days = trendDays(today, weeks);
  const trend = new OverdueTrend(days);
  await getDb().papers.each((p) => {
    if (p.invoices.length > 0) trend.add(p.invoices, paymentsOf(p));
  });
  return { days, byCurrency: trend.result() };
}

/** Every open debt at or past a ladder level ("signal finance and legal"), largest first. */
export async function debtsAtLevel(level: LadderLevel, today: string, filter: ReceivablesFilter = {}): Promise<ReceivableItem[]> {
  const from = LEVEL_ORDER.indexOf(level);
  const items = await listReceivables({ view: 'overdue', today, filter, limit: Number.MAX_SAFE_INTEGER, sort: 'amount' });
  return items.filter((r) => LEVEL_ORDER.indexOf(r.ladderLevel) >= from);
}

export { AGING_BUCKETS };
