/**
 * ABC analysis by revenue (issue 14, item 2). A client's revenue is the sum of its invoices
 * issued in the 365 days ending today (today and the 364 days before) in the main currency;
 * invoices in other currencies or without an issue date do not count. By revenue descending,
 * a client is A while the cumulative share of the clients BEFORE it is below 80 %, B while
 * below 95 %, C otherwise; a client without revenue is C. So the first client with revenue
 * is always A, and the client that crosses 80 % is still A.
 *
 * Ties: clients with equal revenue are ordered by company name (plain code-unit order, the
 * same on every machine and in every language), then by id; the order decides who stands
 * "before" whom, so it must not depend on the input order.
 *
 * Amounts are summed in whole cents (integers): shares are compared as cents x 100 against
 * total x 80, so an exact 80 % is never 79.999… on one machine and 80.000…1 on another.
 */
import { addDays } from '../dates/calendar-day';
import type { Dossier, Invoice } from '../model/records';

export const ABC_CLASSES = ['A', 'B', 'C'] as const;
export type AbcClass = (typeof ABC_CLASSES)[number];

export interface AbcClient<D extends AbcDossier = AbcDossier> {
  dossierId: string;
  company: string;
  /** The dossier itself, so a split reads its fields without a lookup by id. */
  dossier: D;
  /** In the main currency, cents rounded. */
  revenue: number;
  cls: AbcClass;
  /** Cumulative share up to and including this client (0…1), for the Pareto line. */
  cumulativeShare: number;
}

export interface AbcResult<D extends AbcDossier = AbcDossier> {
  /**
   * The clients with revenue by revenue descending (ties as above), then those without
   * (all C, their cumulative share that of the last paid one) in the input order: their
   * order decides no class, and sorting 100,000 names was most of the screen's time;
   * last, the rare ones a credit note left below zero, ranked like the paid ones.
   */
  clients: AbcClient<D>[];
  classes: Record<AbcClass, { clients: number; revenue: number }>;
  total: number;
}

type AbcDossier = Pick<Dossier, 'id' | 'company'>;
type AbcInvoice = Pick<Invoice, 'dossierId' | 'amount' | 'currency' | 'issuedOn'>;

/** The revenue window: [today - 364, today]. */
export function revenueWindow(today: string): { from: string; to: string } {
  return { from: addDays(today, -364), to: today };
}

/** Revenue per dossier id, in cents (summed in the invoices' order, as every path here sums). */
export function revenueCents(invoices: Iterable<AbcInvoice>, today: string, currency: string): Map<string, number> {
  const { from, to } = revenueWindow(today);
  const out = new Map<string, number>();
  for (const inv of invoices) {
    // ISO days compare as text: no date is parsed per invoice.
    if (inv.currency !== currency || !inv.issuedOn || inv.issuedOn < from || inv.issuedOn > to) continue;
    out.set(inv.dossierId, (out.get(inv.dossierId) ?? 0) + Math.round(inv.amount * 100));
  }
  return out;
}

/**
 * Each dossier's revenue in cents, by its position in `dossiers`. The portfolio as read from
 * the database has its dossiers in id order and their invoices grouped in that same order:
 * then one walk down both lists pairs each invoice with its dossier by comparing ids, and no
 * Map of 100,000 ids is built and probed. Whenever the lists are not like that (ids not
 * strictly ascending, so perhaps repeated; an invoice out of that order or of a dossier not
 * in the list), the Map of revenueCents gives the same sums.
 */
function centsByPosition(dossiers: readonly AbcDossier[], invoices: Iterable<AbcInvoice>, today: string, currency: string): Float64Array {
  const out = new Float64Array(dossiers.length);
  if (Array.isArray(invoices) && sumAligned(dossiers, invoices as readonly AbcInvoice[], today, currency, out)) return out;
  out.fill(0);
  const cents = revenueCents(invoices, today, currency);
  for (let i = 0; i < dossiers.length; i++) out[i] = cents.get(dossiers[i]!.id) ?? 0;
  return out;
}

/** The walk of centsByPosition; false (with `out` half filled) when the lists do not line up. */
function sumAligned(dossiers: readonly AbcDossier[], invoices: readonly AbcInvoice[], today: string, currency: string, out: Float64Array): boolean {
  const n = dossiers.length;
  for (let i = 1; i < n; i++) if (!(dossiers[i]!.id > dossiers[i - 1]!.id)) return false;
  const { from, to } = revenueWindow(today);
  let i = 0;
  for (let j = 0; j < invoices.length; j++) {
    const inv = invoices[j]!;
    while (i < n && dossiers[i]!.id !== inv.dossierId) i++;
    if (i === n) return false;
    if (inv.currency !== currency || !inv.issuedOn || inv.issuedOn < from || inv.issuedOn > to) continue;
    out[i] += Math.round(inv.amount * 100);
  }
  return true;
}

/**
 * The order of the ranked dossiers (indices into `dossiers`, each with its cents in
 * `centsOf`): revenue descending, then company name, then id. Sorting 75,000 objects with
 * a comparator that often reaches the names (many clients bill equal round sums) was most
 * of the analysis' time; so the revenue order comes from the engine's native sort of
 * plain numbers, each packing (largest - revenue) with the position, and only the runs of
 * equal revenue are then ordered by name. When the packed numbers could lose precision
 * (sums beyond about 10^15 / n cents, or an amount that is not a number), the comparator
 * sorts everything instead.
 */
function rankOrder<D extends AbcDossier>(ranked: readonly number[], centsOf: Float64Array, dossiers: readonly D[]): number[] {
  const n = ranked.length;
  const byName = (a: number, b: number): number => {
    const x = dossiers[a]!;
    const y = dossiers[b]!;
    if (x.company !== y.company) return x.company < y.company ? -1 : 1;
    return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
  };
  let max = -Infinity;
  let min = Infinity;
  let exact = true;
  for (const i of ranked) {
    const c = centsOf[i]!;
    if (!Number.isSafeInteger(c)) exact = false;
    if (c > max) max = c;
    if (c < min) min = c;
  }
  if (n === 0 || !exact || (max - min + 1) * n > Number.MAX_SAFE_INTEGER) return [...ranked].sort((a, b) => centsOf[b]! - centsOf[a]! || byName(a, b));
  const keys = new Float64Array(n);
  for (let j = 0; j < n; j++) keys[j] = (max - centsOf[ranked[j]!]!) * n + j;
  keys.sort();
  const order = new Array<number>(n);
  for (let j = 0; j < n; j++) order[j] = ranked[keys[j]! % n]!;
  for (let s = 0; s < n; ) {
    let e = s + 1;
    while (e < n && centsOf[order[e]!] === centsOf[order[s]!]) e++;
    if (e - s > 1) {
      const run = order.slice(s, e).sort(byName);
      for (let j = 0; j < run.length; j++) order[s + j] = run[j]!;
    }
    s = e;
  }
  return order;
}

/** The class of a paid client from the cents of the clients before it: shares compared in whole cents (see the header). */
export function abcClassOf(before: number, total: number): AbcClass {
  return before * 100 < total * 80 ? 'A' : before * 100 < total * 95 ? 'B' : 'C';
}

/**
 * The ranking walk of both analyses (this file's on records, abc-columns.ts's on columns):
 * the paid clients in rank order, each classed by the cents of those before it; then
 * those without revenue, all C at the last paid one's share; then the negative ones, C.
 * `add` places each client; the classes' counts and revenues (in money, summed in cents
 * in this order) are returned.
 */
export function walkRanking<L>(
  lists: { paid: L; none: Iterable<number>; negative: L },
  centsOf: Float64Array,
  total: number,
  rank: (list: L) => Iterable<number>,
  add: (i: number, cents: number, cls: AbcClass, share: number) => void,
): Record<AbcClass, { clients: number; revenue: number }> {
  const classes: Record<AbcClass, { clients: number; revenue: number }> = { A: { clients: 0, revenue: 0 }, B: { clients: 0, revenue: 0 }, C: { clients: 0, revenue: 0 } };
  const place = (i: number, c: number, cls: AbcClass, share: number) => {
    classes[cls].clients++;
    classes[cls].revenue += c;
    add(i, c, cls, share);
  };
  let before = 0;
  const ranked = (list: L, classed: boolean) => {
    for (const i of rank(list)) {
      const c = centsOf[i]!;
      const cls = classed ? abcClassOf(before, total) : 'C';
      before += c;
      place(i, c, cls, total > 0 ? before / total : 0);
    }
  };
  ranked(lists.paid, true);
  const share = total > 0 ? before / total : 0;
  for (const i of lists.none) place(i, 0, 'C', share);
  ranked(lists.negative, false);
  for (const c of ABC_CLASSES) classes[c].revenue /= 100;
  return classes;
}

export function abcAnalysis<D extends AbcDossier>(dossiers: readonly D[], invoices: Iterable<AbcInvoice>, today: string, currency: string): AbcResult<D> {
  const centsOf = centsByPosition(dossiers, invoices, today, currency);
  // Only clients with revenue are ranked (a portfolio's paid clients are a fraction of it);
  // a credit note can leave a sum negative: those few are ranked too and go last.
  const paid: number[] = [];
  const negative: number[] = [];
  const none: number[] = [];
  let total = 0;
  for (let i = 0; i < dossiers.length; i++) {
    const c = centsOf[i]!;
    if (c === 0) none.push(i);
    else {
      (c > 0 ? paid : negative).push(i);
      total += c;
    }
  }
  const clients: AbcClient<D>[] = new Array(dossiers.length);
  let k = 0;
  const classes = walkRanking({ paid, none, negative }, centsOf, total, (list) => rankOrder(list, centsOf, dossiers), (i, c, cls, share) => {
    const d = dossiers[i]!;
    clients[k++] = { dossierId: d.id, company: d.company, dossier: d, revenue: c / 100, cls, cumulativeShare: share };
  });
  return { clients, classes, total: total / 100 };
}

/**
 * The Pareto chart's points: at most `maxPoints` bars, consecutive clients merged into one
 * bar (their summed revenue, the cumulative share at the last of them), so 100,000 clients
 * draw as fast as 200 and the line still ends at 100 %.
 */
export function paretoPoints(clients: readonly AbcClient[], maxPoints = 200): ParetoPoint[] {
  const withRevenue = clients.filter((c) => c.revenue > 0);
  return paretoOf(withRevenue.length, (i) => withRevenue[i]!, maxPoints);
}

export interface ParetoPoint { label: string; revenue: number; share: number; from: number; to: number }

/** The points of paretoPoints over `count` paid clients in rank order, each read by `at`. */
export function paretoOf(count: number, at: (i: number) => Pick<AbcClient, 'company' | 'revenue' | 'cumulativeShare'>, maxPoints = 200): ParetoPoint[] {
  const per = Math.max(1, Math.ceil(count / maxPoints));
  const out: ParetoPoint[] = [];
  for (let i = 0; i < count; i += per) {
    const end = Math.min(count, i + per);
    let revenue = 0;
    for (let j = i; j < end; j++) revenue += at(j).revenue;
    const last = at(end - 1);
    out.push({
      label: per === 1 ? last.company : `${i + 1}–${end}`,
      revenue: Math.round(revenue * 100) / 100,
      share: last.cumulativeShare,
      from: i + 1,
      to: end,
    });
  }
  return out;
}

/** Revenue and client count per value of a key (segment, industry class, territory), largest revenue first. */
export interface SplitRow<K extends string> {
  key: K;
  clients: number;
  revenue: number;
  /** A clients among them. */
  a: number;
}

export function splitBy<K extends string, D extends AbcDossier>(clients: readonly AbcClient<D>[], keyOf: (dossier: D) => K): SplitRow<K>[] {
  const m = new Map<K, SplitRow<K>>();
  for (const c of clients) {
    const key = keyOf(c.dossier);
    let e = m.get(key);
    if (!e) m.set(key, (e = { key, clients: 0, revenue: 0, a: 0 }));
    e.clients++;
    e.revenue += c.revenue;
    if (c.cls === 'A') e.a++;
  }
  return [...m.values()].sort(bySplitOrder);
}

/** Largest revenue first, then by key. */
export function bySplitOrder<K extends string>(x: SplitRow<K>, y: SplitRow<K>): number {
  return y.revenue - x.revenue || (x.key < y.key ? -1 : 1);
}
