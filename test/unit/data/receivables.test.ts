import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createDb, getDb, setDb } from '../../../renderer/data/db';
import { getDossierView, updateDossier, updateStep } from '../../../renderer/data/dossier-repo';
import { papersOf } from '../../../renderer/data/papers';
import {
  addInvoices, debtsAtLevel, deleteInvoice, followCalendar, getClientTotals, invoiceNumbersOf, getOverdueTotal, getReceivablesOverview, listReceivables, moveOnLadder, recordPayment, saveInvoice, setHold,
} from '../../../renderer/data/receivables-repo';
import { undoLast } from '../../../renderer/data/refile';
import { paymentStepId } from '../../../shared/receivables/payment-steps';
import { monFri } from '../shared/dates/arbitraries';
import { dossier as storedDossier, invoice } from './record-factories';
import { callOn, dossier, freshDb, ME } from './setup-db';

const today = '2026-12-01';
const paymentStep = async (dossierId: string, invoiceId: string) => (await papersOf(getDb(), dossierId)).steps.find((s) => s.id === paymentStepId(invoiceId));

describe('invoices, payments and the payment step in the binder', () => {
  it('a new invoice files its payment step three working days before due; a partial payment keeps it open for the rest; undo takes it back', async () => {
    freshDb();
    const id = await dossier('ООО Ромашка', callOn('2026-12-20'));
    const { invoice: inv } = await saveInvoice({ dossierId: id, number: '17', amount: 5000, dueOn: '2026-12-07', terms: '', loyaltyNote: '2% за оплату в срок' }, monFri, ME);
    expect(inv).not.toHaveProperty('terms');
    expect(await paymentStep(id, inv.id)).toMatchObject({ kind: 'payment', date: '2026-12-02', done: false });
    expect((await getDossierView(id))!.row.fileKey).toBe('2026-12-02');

    await recordPayment({ dossierId: id, invoiceId: inv.id, amount: 1500, paidOn: today }, monFri, ME);
    expect((await paymentStep(id, inv.id))!.title).toContain('3500');
    expect((await getReceivablesOverview(today, monFri)).buckets.RUB).toMatchObject({ current: 3500 });

    await undoLast();
    expect((await paymentStep(id, inv.id))!.title).toContain('5000');
    await recordPayment({ dossierId: id, invoiceId: inv.id, amount: 5000, paidOn: today }, monFri, ME);
    expect((await paymentStep(id, inv.id))!.done).toBe(true);
    expect(await getReceivablesOverview(today, monFri)).toMatchObject({ buckets: {}, invoices: 0 });
    // Back to its call once the payment step closed.
    expect((await getDossierView(id))!.row.fileKey).toBe('2026-12-20');
  });

  it('a new due date moves the step; deleting the invoice removes it; the last open step closing files a call', async () => {
    freshDb();
    const id = await dossier('Beta', callOn('2026-12-20'));
    const { invoice: inv } = await saveInvoice({ dossierId: id, number: '1', amount: 100, dueOn: '2026-12-07' }, monFri, ME);
    await saveInvoice({ ...inv, dueOn: '2026-12-14' }, monFri, ME);
    expect((await paymentStep(id, inv.id))!.date).toBe('2026-12-09');
    await deleteInvoice(id, inv.id, monFri, ME);
    expect(await paymentStep(id, inv.id)).toBeUndefined();
    expect((await getDossierView(id))!.invoices).toEqual([]);
  });

  it('a new holiday moves the reminder', async () => {
    freshDb();
    const id = await dossier('Gamma', callOn('2026-12-20'));
    const { invoice: inv } = await saveInvoice({ dossierId: id, number: '1', amount: 100, dueOn: '2026-12-07' }, monFri, ME);
    expect(await followCalendar({ ...monFri, holidays: ['2026-12-03'] }, ME)).toBe(1);
    expect((await paymentStep(id, inv.id))!.date).toBe('2026-12-01');
  });

  it('walks a debt up the ladder to the claim letter, with history and the next step; hold closes the reminder', async () => {
    freshDb();
    const id = await dossier('Delta', callOn('2026-12-20'));
    const { invoice: inv } = await saveInvoice({ dossierId: id, number: '9', amount: 100, dueOn: '2026-10-01' }, monFri, ME);
    const move = (to: 'reminder' | 'negotiation' | 'solution' | 'claim', detail = {}) =>
      moveOnLadder({ dossierId: id, invoiceId: inv.id, to, detail, summary: `to ${to}`, stepTitle: to }, today, monFri, ME);
    await move('reminder');
    await expect(move('claim')).rejects.toThrow(/skips-level/);
    await move('negotiation', { reason: 'difficulty' });
    await move('solution', { solution: 'guarantee' });
    await move('claim');
    const view = (await getDossierView(id))!;
    expect(view.invoices[0]).toMatchObject({ ladderLevel: 'claim', negotiationReason: 'difficulty', solutionKind: 'guarantee' });
    expect(view.history.map((h) => h.summary)).toEqual(['to claim', 'to solution', 'to negotiation', 'to reminder']);
    // Each move replaces the step the level before filed: one ladder step open per debt, the claim letter.
    const ladderSteps = view.steps.filter((s) => !s.done && s.kind !== 'payment' && ['reminder', 'negotiation', 'solution', 'claim'].includes(s.title));
    expect(ladderSteps.map((s) => [s.kind, s.title])).toEqual([['letter', 'claim']]);
    await setHold(id, inv.id, 'disputed', 'on hold', monFri, ME);
    expect((await paymentStep(id, inv.id))!.done).toBe(true);
    expect((await listReceivables({ view: 'overdue', today }))[0]).toMatchObject({ held: true, ladderLevel: 'claim', company: 'Delta' });
  });

  it('lists due soon and overdue by bucket with filters, and totals the overdue', async () => {
    freshDb();
    const a = await dossier('Anna client', callOn('2026-12-20'), { owner: 'Анна', vip: true });
    const b = await dossier('Boris client', callOn('2026-12-20'), { owner: 'Борис' });
    await saveInvoice({ dossierId: a, number: '1', amount: 10, dueOn: '2026-12-03' }, monFri, ME); // due soon
    await saveInvoice({ dossierId: a, number: '2', amount: 20, dueOn: '2026-11-30' }, monFri, ME); // 1-30
    await saveInvoice({ dossierId: b, number: '3', amount: 30, dueOn: '2026-08-01', currency: 'EUR' }, monFri, ME); // 90+
    expect((await listReceivables({ view: 'due-soon', today })).map((r) => r.number)).toEqual(['1']);
    expect((await listReceivables({ view: '1-30', today })).map((r) => r.number)).toEqual(['2']);
    expect((await listReceivables({ view: 'overdue', today, filter: { owner: 'Борис' } })).map((r) => r.number)).toEqual(['3']);
    expect((await listReceivables({ view: 'overdue', today, filter: { vip: true } })).map((r) => r.number)).toEqual(['2']);
    expect(await getOverdueTotal(today)).toEqual({ RUB: 20, EUR: 30 });
  });
  it('shows a dossier renamed, made VIP or handed over under its new name and filters by them; undo puts them back', async () => {
    freshDb();
    const id = await dossier('Old name', callOn('2026-12-20'), { owner: 'Анна' });
    await saveInvoice({ dossierId: id, number: '9', amount: 40, dueOn: '2026-11-20' }, monFri, ME);
    await updateDossier(id, { company: 'New name', owner: 'Борис', vip: true }, ME);
    expect(await listReceivables({ view: 'overdue', today, filter: { owner: 'Борис', vip: true } })).toMatchObject([{ number: '9', company: 'New name', owner: 'Борис', vip: true }]);
    expect(await listReceivables({ view: 'overdue', today, filter: { owner: 'Анна' } })).toEqual([]);
    expect(await getClientTotals(today)).toMatchObject([{ dossierId: id, company: 'New name', owner: 'Борис' }]);
    await undoLast();
    expect(await listReceivables({ view: 'overdue', today, sort: 'company' })).toMatchObject([{ company: 'Old name', owner: 'Анна', vip: false }]);
  });

  it('lists a row indexed without its dossier\'s fields (a copy restored from before version 13) with them, read from the dossier', async () => {
    freshDb();
    const id = await dossier('Kept Ltd', callOn('2026-12-20'), { owner: 'Анна' });
    await saveInvoice({ dossierId: id, number: '4', amount: 15, dueOn: '2026-11-20' }, monFri, ME);
    await getDb().receivables.toCollection().modify((r) => { delete r.dossier; });
    expect(await listReceivables({ view: 'overdue', today, filter: { owner: 'Анна' } })).toMatchObject([{ number: '4', company: 'Kept Ltd' }]);
    expect(await getClientTotals(today)).toMatchObject([{ company: 'Kept Ltd', owner: 'Анна' }]);
  });

  it('keeps an invoice in due soon after its reminder call was made, and the list sums to the due-soon total', async () => {
    freshDb();
    const id = await dossier('Echo', callOn('2026-12-20'));
    const { invoice: made } = await saveInvoice({ dossierId: id, number: '5', amount: 70, dueOn: '2026-12-03' }, monFri, ME);
    await saveInvoice({ dossierId: id, number: '6', amount: 30, dueOn: '2026-12-04' }, monFri, ME);
    await updateStep({ id: paymentStepId(made.id), dossierId: id }, { done: true }, ME);
    expect((await paymentStep(id, made.id))!.done).toBe(true);
    const list = await listReceivables({ view: 'due-soon', today, cal: monFri });
    expect(list.map((r) => r.number)).toEqual(['5', '6']);
    const total = (await getReceivablesOverview(today, monFri)).buckets.RUB!['due-soon'];
    expect(list.reduce((sum, r) => sum + r.open, 0)).toBe(total);
  });
});

describe('schema version 8', () => {
  it('fills the receivables index from the invoices a version 7 binder holds', async () => {
    const name = `v7-${Math.random()}`;
    const d = storedDossier('Old LLC', { fileKey: '2026-12-20' });
    const open = invoice(d.id, '2026-11-20');
    const paid = { ...invoice(d.id, '2026-11-21'), paidOn: '2026-11-21' };
    const old = new Dexie(name);
    old.version(7).stores({ dossiers: 'id, fileKey, owner, company, updatedAt, lastContactAt', papers: 'dossierId, *openKeys', wordBuckets: '[prefix+seq]', folderCounts: 'key', calendarDays: 'date', kv: 'key', snapshots: 'id, createdAt' });
    await old.table('dossiers').add(d);
    await old.table('papers').add({ dossierId: d.id, contacts: [], invoices: [open, paid], steps: [], openKeys: [], history: [] });
    old.close();
    const db = createDb(name);
    setDb(db);
    expect(await getOverdueTotal(today)).toEqual({ RUB: 1000 });
    expect((await db.receivables.toArray()).map((r) => r.id)).toEqual([open.id]);
    expect((await getDossierView(d.id))!.payments).toEqual([]);
  });
});

describe('the ladder complete: a payment schedule, the signal list', () => {
  it('a new payment schedule files one payment step per instalment for what is open; payments close them first to last', async () => {
    freshDb();
    const id = await dossier('Epsilon', callOn('2026-12-20'));
    const { invoice: inv } = await saveInvoice({ dossierId: id, number: '5', amount: 1000, dueOn: '2026-10-01' }, monFri, ME);
    await recordPayment({ dossierId: id, invoiceId: inv.id, amount: 400, paidOn: '2026-10-15' }, monFri, ME);
    const move = (to: 'reminder' | 'negotiation' | 'solution', detail = {}) =>
      moveOnLadder({ dossierId: id, invoiceId: inv.id, to, detail, summary: to, stepTitle: to }, today, monFri, ME);
    await move('reminder');
    await move('negotiation', { reason: 'difficulty' });
    await expect(move('solution', { solution: 'schedule' })).rejects.toThrow(/needs-schedule/);
    await expect(move('solution', { solution: 'schedule', instalments: [{ dueOn: '2026-12-14', amount: 300 }] })).rejects.toThrow(/mismatch/);
    await move('solution', { solution: 'schedule', instalments: [{ dueOn: '2027-01-11', amount: 300 }, { dueOn: '2026-12-14', amount: 300 }] });
    const steps = async () => (await papersOf(getDb(), id)).steps.filter((s) => s.kind === 'payment');
    const open = async () => (await steps()).filter((s) => !s.done).map((s) => [s.id, s.date]);
    // Sorted by due date: instalment 0 is due 14 December (reminder Wed 9th), 1 on 11 January (reminder Wed 6th).
    expect(await open()).toEqual([[paymentStepId(inv.id, 0), '2026-12-09'], [paymentStepId(inv.id, 1), '2027-01-06']]);
    expect((await steps()).find((s) => s.id === paymentStepId(inv.id))!.done).toBe(true);
    await recordPayment({ dossierId: id, invoiceId: inv.id, amount: 300, paidOn: today }, monFri, ME);
    expect(await open()).toEqual([[paymentStepId(inv.id, 1), '2027-01-06']]);
    // The calendar follows instalments too: a holiday on Wednesday 6 January moves the reminder to Tuesday.
    await followCalendar({ ...monFri, holidays: ['2027-01-06'] }, ME, monFri);
    expect(await open()).toEqual([[paymentStepId(inv.id, 1), '2027-01-05']]);
  });

  it('signals the debts at or past a level, largest first', async () => {
    freshDb();
    const id = await dossier('Zeta', callOn('2026-12-20'));
    const a = (await saveInvoice({ dossierId: id, number: 'A', amount: 100, dueOn: '2026-10-01' }, monFri, ME)).invoice;
    await saveInvoice({ dossierId: id, number: 'B', amount: 900, dueOn: '2026-10-02' }, monFri, ME);
    const c = (await saveInvoice({ dossierId: id, number: 'C', amount: 500, dueOn: '2026-10-03' }, monFri, ME)).invoice;
    for (const inv of [a, c]) {
      for (const [to, detail] of [['reminder', {}], ['negotiation', { reason: 'unwilling' }], ['solution', { solution: 'guarantee' }], ['claim', {}]] as const) {
        await moveOnLadder({ dossierId: id, invoiceId: inv.id, to, detail, summary: to, stepTitle: to }, today, monFri, ME);
      }
    }
    expect((await debtsAtLevel('claim', today)).map((r) => r.number)).toEqual(['C', 'A']);
    expect((await debtsAtLevel('reminder', today)).map((r) => r.number)).toEqual(['C', 'A']);
    expect((await debtsAtLevel('court', today))).toEqual([]);
    expect((await listReceivables({ view: 'overdue', today, sort: 'company' })).map((r) => r.number)).toEqual(['A', 'B', 'C']);
    expect((await listReceivables({ view: 'overdue', today, desc: true })).map((r) => r.number)).toEqual(['C', 'B', 'A']);
    expect((await listReceivables({ view: 'overdue', today, filter: { currency: 'EUR' } }))).toEqual([]);
  });
});

describe('invoices in by paste or import', () => {
  it('adds a batch with its payment steps in one action; one undo takes the whole batch back', async () => {
    freshDb();
    const a = await dossier('Eta', callOn('2026-12-20'));
    const b = await dossier('Theta', callOn('2026-12-20'));
    await addInvoices([
      { dossierId: a, number: '1', amount: 100, dueOn: '2026-12-07' },
      { dossierId: a, number: '2', amount: 200, dueOn: '2026-12-14' },
      { dossierId: b, number: '3', amount: 300, dueOn: '2026-12-07' },
    ], monFri, ME, 'pasted');
    expect((await getReceivablesOverview(today, monFri)).invoices).toBe(3);
    expect((await papersOf(getDb(), a)).steps.filter((s) => s.kind === 'payment' && !s.done).map((s) => s.date).sort()).toEqual(['2026-12-02', '2026-12-09']);
    expect(await invoiceNumbersOf([a, b])).toEqual(new Map([[a, ['1', '2']], [b, ['3']]]));
    await undoLast();
    expect((await getReceivablesOverview(today, monFri)).invoices).toBe(0);
    expect((await papersOf(getDb(), b)).steps.filter((s) => s.kind === 'payment' && !s.done)).toEqual([]);
  });
});
