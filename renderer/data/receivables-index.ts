/**
 * The receivables index (schema v8): a row per open invoice and the open cents per due
 * day, derived from the papers in the same transaction as any change to a dossier's
 * invoices, payments or payment steps. Nothing here decides anything: the invoices and
 * payments in the papers are the truth, and this is rebuilt from them on upgrade.
 *
 * Each row also carries the dossier's company, tax id, owner, segment and VIP flag
 * (`ReceivableRow.dossier`), re-derived with the row and rewritten when the dossier's row
 * changes one of them (a rename, a handover), so that the screen's page reads no dossier.
 */
import type { Table } from 'dexie';
import type { Dossier } from '../../shared/model/records';
import { currencyOf } from '../../shared/receivables/ageing';
import { openCents, paymentsByInvoice } from '../../shared/receivables/open-amount';
import { paymentStepId } from '../../shared/receivables/payment-steps';
import type { DossierPapers, DossierRow, ReceivableDay, ReceivableDossier, ReceivableRow, TicklerDb } from './stored-rows';
import { paymentsOf } from './papers';

/** What a receivables row carries of its dossier. */
export function receivableDossierOf(d: Pick<Dossier, keyof ReceivableDossier>): ReceivableDossier {
  return { company: d.company, taxId: d.taxId, owner: d.owner, segment: d.segment, vip: d.vip };
}

export function sameReceivableDossier(a: Pick<Dossier, keyof ReceivableDossier>, b: Pick<Dossier, keyof ReceivableDossier>): boolean {
  return a.company === b.company && a.taxId === b.taxId && a.owner === b.owner && a.segment === b.segment && a.vip === b.vip;
}

/** The open invoices of one dossier's papers as index rows (carrying `dossier` when given). */
export function receivableRowsOf(p: DossierPapers, dossier?: ReceivableDossier): ReceivableRow[] {
  const paid = paymentsByInvoice(paymentsOf(p));
  const stepDay = new Map(p.steps.filter((s) => s.kind === 'payment' && !s.done).map((s) => [s.id, s.date]));
  const out: ReceivableRow[] = [];
  for (const inv of p.invoices) {
    const cents = openCents(inv, paid.get(inv.id));
    if (cents <= 0) continue;
    // A schedule's earliest open instalment reminder, else the invoice's own.
    const days = [paymentStepId(inv.id), ...(inv.instalments ?? []).map((_, n) => paymentStepId(inv.id, n))].map((id) => stepDay.get(id)).filter((d): d is string => !!d);
    const row: ReceivableRow = {
      id: inv.id, dossierId: p.dossierId, number: inv.number, currency: currencyOf(inv), openCents: cents, dueOn: inv.dueOn,
      reminderDay: days.sort()[0] ?? '', ladderLevel: inv.ladderLevel ?? '', held: Boolean(inv.holdReason),
    };
    if (dossier) row.dossier = dossier;
    out.push(row);
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

/** What a write changed for the index: the dossiers whose papers changed and those whose carried fields did. */
export interface ReceivableChanges {
  /** Dossiers whose invoices, payments or payment steps changed, with their papers now (undefined: gone). */
  papers: ReadonlyMap<string, DossierPapers | undefined>;
  /** Every dossier row the write stored (the carried fields are read off it only for the dossiers re-indexed here). */
  dossiers: ReadonlyMap<string, Pick<Dossier, keyof ReceivableDossier>>;
  /** Dossiers whose row changed a carried field. */
  relabelled: ReadonlySet<string>;
}

/**
 * Re-derives the index rows of the dossiers whose papers changed, from their papers as
 * they are now (a dossier whose papers are gone loses its rows), and gives the rows of a
 * renamed (or handed over, …) dossier its fields now. One index read for the old rows,
 * then the writes.
 */
export async function reindexReceivables(db: Tables, c: ReceivableChanges): Promise<void> {
  const relabelOnly = [...c.relabelled].filter((id) => !c.papers.has(id));
  const ids = [...c.papers.keys(), ...relabelOnly];
  if (ids.length === 0) return;
  const old = await db.receivables.where('dossierId').anyOf(ids).toArray();
  const carried = (id: string) => {
    const row = c.dossiers.get(id);
    return row && receivableDossierOf(row);
  };
  const next = [...c.papers].flatMap(([id, p]) => (p ? receivableRowsOf(p, carried(id)) : []));
  const deltas = new Map<string, ReceivableDay>();
  for (const r of old) if (c.papers.has(r.dossierId)) addDay(deltas, r, -1);
  for (const r of next) addDay(deltas, r, 1);
  // Only the carried fields change: the amounts and days stay.
  const relabel = new Map(relabelOnly.map((id) => [id, carried(id)!]));
  for (const r of old) if (relabel.has(r.dossierId)) next.push({ ...r, dossier: relabel.get(r.dossierId)! });
  const keep = new Set(next.map((r) => r.id));
  await Promise.all([
    db.receivables.bulkDelete(old.filter((r) => !keep.has(r.id)).map((r) => r.id)),
    db.receivables.bulkPut(next),
    applyDayDeltas(db, deltas),
  ]);
}

/** The index rows and day totals computed from papers and rows (no database): what the stored ones must equal, in key order. */
export function receivablesOf(papers: Iterable<DossierPapers>, dossiers: Iterable<DossierRow>): { rows: ReceivableRow[]; days: ReceivableDay[] } {
  const carried = new Map<string, ReceivableDossier>();
  for (const d of dossiers) carried.set(d.id, receivableDossierOf(d));
  const rows: ReceivableRow[] = [];
  for (const p of papers) rows.push(...receivableRowsOf(p, carried.get(p.dossierId)));
  const deltas = new Map<string, ReceivableDay>();
  for (const r of rows) addDay(deltas, r, 1);
  const days = [...deltas.values()].filter((d) => d.count > 0).sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1));
  return { rows: rows.sort((a, b) => (a.id < b.id ? -1 : 1)), days };
}

/** Repair (and a restored copy without the index): the index built from every dossier's papers and row, a slice at a time. */
export async function rebuildReceivables(tx: { table(name: string): Table }): Promise<void> {
  const t = { receivables: tx.table('receivables'), receivableDays: tx.table('receivableDays') } as unknown as Tables;
  const papers = tx.table('papers') as Table<DossierPapers, string>;
  const dossiers = tx.table('dossiers') as Table<DossierRow, string>;
  await Promise.all([t.receivables.clear(), t.receivableDays.clear()]);
  const deltas = new Map<string, ReceivableDay>();
  let after: string | undefined;
  for (;;) {
    const slice = await (after === undefined ? papers.orderBy(':id') : papers.where(':id').above(after)).limit(5_000).toArray();
    if (slice.length === 0) break;
    after = slice[slice.length - 1]!.dossierId;
    const owed = slice.filter((p) => p.invoices.length > 0);
    const carried = await dossiers.bulkGet(owed.map((p) => p.dossierId));
    const rows = owed.flatMap((p, i) => receivableRowsOf(p, carried[i] && receivableDossierOf(carried[i])));
    for (const r of rows) addDay(deltas, r, 1);
    await t.receivables.bulkPut(rows);
  }
  await applyDayDeltas(t, deltas);
}

/**
 * The carried fields of the rows' dossiers: from the rows themselves, and for rows indexed
 * before they were kept, from the dossiers (one read of just those).
 */
export async function dossiersOfRows(dossiers: TicklerDb['dossiers'], rows: readonly ReceivableRow[]): Promise<Map<string, ReceivableDossier>> {
  const out = new Map<string, ReceivableDossier>();
  for (const r of rows) if (r.dossier) out.set(r.dossierId, r.dossier);
  const missing = [...new Set(rows.filter((r) => !out.has(r.dossierId)).map((r) => r.dossierId))];
  if (missing.length > 0) {
    for (const d of await dossiers.bulkGet(missing)) if (d) out.set(d.id, receivableDossierOf(d));
  }
  return out;
}
