/**
 * The receivables index (schema v8): a row per open invoice and the open cents per due
 * day, derived from the papers in the same transaction as any change to a dossier's
 * invoices, payments or payment steps. Nothing here decides anything: the invoices and
 * payments in the papers are the truth, and this is rebuilt from them on upgrade.
 */
import type { Table } from 'dexie';
import { currencyOf } from '../../shared/receivables/ageing';
import { openCents, paymentsByInvoice } from '../../shared/receivables/open-amount';
import { paymentStepId } from '../../shared/receivables/payment-steps';
import type { DossierPapers, ReceivableDay, ReceivableRow, TicklerDb } from './stored-rows';
import { paymentsOf } from './papers';

/** The open invoices of one dossier's papers as index rows. */
export function receivableRowsOf(p: DossierPapers): ReceivableRow[] {
  const paid = paymentsByInvoice(paymentsOf(p));
  const stepDay = new Map(p.steps.filter((s) => s.kind === 'payment' && !s.done).map((s) => [s.id, s.date]));
  const out: ReceivableRow[] = [];
  for (const inv of p.invoices) {
    const cents = openCents(inv, paid.get(inv.id));
    if (cents <= 0) continue;
    // A schedule's earliest open instalment reminder, else the invoice's own.
    const days = [paymentStepId(inv.id), ...(inv.instalments ?? []).map((_, n) => paymentStepId(inv.id, n))].map((id) => stepDay.get(id)).filter((d): d is string => !!d);
    out.push({
      id: inv.id, dossierId: p.dossierId, number: inv.number, currency: currencyOf(inv), openCents: cents, dueOn: inv.dueOn,
      reminderDay: days.sort()[0] ?? '', ladderLevel: inv.ladderLevel ?? '', held: Boolean(inv.holdReason),
    });
  }
  return out;
}

function addDay(deltas: Map<string, ReceivableDay>, row: ReceivableRow, sign: 1 | -1): void {
  let d = deltas.get(row.dueOn);
  if (!d) deltas.set(row.dueOn, (d = { dueOn: row.dueOn, cents: {}, count: 0 }));
  d.cents[row.currency] = (d.cents[row.currency] ?? 0) + sign * row.openCents;
  d.count += sign;
}

type Tables = Pick<TicklerDb, 'receivables' | 'receivableDays'>;

async function applyDayDeltas(t: Tables, deltas: Map<string, ReceivableDay>): Promise<void> {
  if (deltas.size === 0) return;
  const keys = [...deltas.keys()];
  const stored = await t.receivableDays.bulkGet(keys);
  const puts: ReceivableDay[] = [];
  const deletes: string[] = [];
  keys.forEach((key, i) => {
    const delta = deltas.get(key)!;
    const cur = stored[i] ?? { dueOn: key, cents: {}, count: 0 };
    const cents: Record<string, number> = { ...cur.cents };
    for (const [c, v] of Object.entries(delta.cents)) {
      cents[c] = (cents[c] ?? 0) + v;
      if (cents[c] === 0) delete cents[c];
    }
    const count = cur.count + delta.count;
    if (count > 0) puts.push({ dueOn: key, cents, count });
    else deletes.push(key);
  });
  await Promise.all([t.receivableDays.bulkPut(puts), t.receivableDays.bulkDelete(deletes)]);
}

/**
 * Re-derives the index rows of these dossiers from their papers as they are now (a dossier
 * whose papers are gone loses its rows). One index read for the old rows, then the writes.
 */
export async function reindexReceivables(db: Tables, dossierIds: readonly string[], papers: ReadonlyMap<string, DossierPapers | undefined>): Promise<void> {
  if (dossierIds.length === 0) return;
  const old = await db.receivables.where('dossierId').anyOf([...dossierIds]).toArray();
  const next = dossierIds.flatMap((id) => {
    const p = papers.get(id);
    return p ? receivableRowsOf(p) : [];
  });
  const deltas = new Map<string, ReceivableDay>();
  for (const r of old) addDay(deltas, r, -1);
  for (const r of next) addDay(deltas, r, 1);
  const keep = new Set(next.map((r) => r.id));
  await Promise.all([
    db.receivables.bulkDelete(old.filter((r) => !keep.has(r.id)).map((r) => r.id)),
    db.receivables.bulkPut(next),
    applyDayDeltas(db, deltas),
  ]);
}

/** The index rows and day totals computed from papers (no database): what the stored ones must equal, in key order. */
export function receivablesOf(papers: Iterable<DossierPapers>): { rows: ReceivableRow[]; days: ReceivableDay[] } {
  const rows: ReceivableRow[] = [];
  for (const p of papers) rows.push(...receivableRowsOf(p));
  const deltas = new Map<string, ReceivableDay>();
  for (const r of rows) addDay(deltas, r, 1);
  const days = [...deltas.values()].filter((d) => d.count > 0).sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1));
  return { rows: rows.sort((a, b) => (a.id < b.id ? -1 : 1)), days };
}

/** Schema v7 -> v8 (and repair): the index built from every dossier's papers, a slice at a time. */
export async function rebuildReceivables(tx: { table(name: string): Table }): Promise<void> {
  const t = { receivables: tx.table('receivables'), receivableDays: tx.table('receivableDays') } as unknown as Tables;
  const papers = tx.table('papers') as Table<DossierPapers, string>;
  await Promise.all([t.receivables.clear(), t.receivableDays.clear()]);
  const deltas = new Map<string, ReceivableDay>();
  let after: string | undefined;
  for (;;) {
    const slice = await (after === undefined ? papers.orderBy(':id') : papers.where(':id').above(after)).limit(5_000).toArray();
    if (slice.length === 0) break;
    after = slice[slice.length - 1]!.dossierId;
    const rows = slice.flatMap(receivableRowsOf);
    for (const r of rows) addDay(deltas, r, 1);
    await t.receivables.bulkPut(rows);
  }
  await applyDayDeltas(t, deltas);
}
