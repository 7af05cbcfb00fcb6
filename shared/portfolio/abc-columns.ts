/**
 * The ABC analysis, its Pareto points and its splits on the portfolio's columns
 * (portfolio-columns.ts): the rules and results of abc.ts (its header), computed on typed
 * arrays. Clients are dossier indices; the result lists them in abc.ts's order (paid by
 * revenue descending then name, then those without revenue in input order, then the few
 * below zero), one entry per position in parallel arrays.
 */
import { ABC_CLASSES, bySplitOrder, paretoOf, revenueWindow, walkRanking, type AbcClass, type ParetoPoint, type SplitRow } from './abc';
import { dayNumber, SEGMENT_CODES, type DossierColumns, type PortfolioColumns } from './portfolio-columns';
import { segmentFromFigures, type SegmentThresholds } from './profile';

export interface AbcColumns {
  /** The dossier at each position. */
  order: Int32Array;
  /** Its revenue in cents, its class (index in ABC_CLASSES) and the cumulative share up to it. */
  cents: Float64Array;
  cls: Uint8Array;
  share: Float64Array;
  /** Positions [0, paid) are the clients with revenue (the Pareto chart's). */
  paid: number;
  classes: Record<AbcClass, { clients: number; revenue: number }>;
  total: number;
}

const A = 0;
const CLASS_CODE: Record<AbcClass, number> = { A: 0, B: 1, C: 2 };

/**
 * Each dossier's revenue in cents (invoices of the revenue window in the currency, summed
 * in the invoices' order as abc.ts sums them); a repeated id has its first copy's.
 */
export function revenueByDossier(p: PortfolioColumns, today: string, currency: string): Float64Array {
  const out = new Float64Array(p.dossiers.count);
  const inv = p.invoices;
  const cur = inv.currency.values.indexOf(currency);
  if (cur < 0) return out;
  const win = revenueWindow(today);
  const from = dayNumber(win.from);
  const to = dayNumber(win.to);
  const codes = inv.currency.codes;
  for (let j = 0; j < inv.count; j++) {
    const day = inv.issuedDay[j]!;
    const i = inv.dossier[j]!;
    if (codes[j] !== cur || day < from || day > to || i < 0) continue;
    out[i] += inv.cents[j]!;
  }
  const same = p.dossiers.sameAs;
  for (let i = 0; i < out.length; i++) if (same[i] !== i) out[i] = out[same[i]!]!;
  return out;
}

/**
 * The dossiers of `list` by revenue descending, then name rank: the engine's native sort
 * of plain numbers, each packing (largest - revenue) with the name rank (a permutation, so
 * every key is distinct and decodes to its dossier). When the packed numbers could lose
 * precision (or an amount is not a number) a comparator sorts instead, with the same order.
 */
function rank(list: Int32Array, centsOf: Float64Array, d: DossierColumns): Int32Array {
  const n = d.count;
  let max = -Infinity;
  let min = Infinity;
  let exact = true;
  for (const i of list) {
    const c = centsOf[i]!;
    if (!Number.isSafeInteger(c)) exact = false;
    if (c > max) max = c;
    if (c < min) min = c;
  }
  if (list.length === 0 || !exact || (max - min + 1) * n > Number.MAX_SAFE_INTEGER) {
    return list.slice().sort((a, b) => centsOf[b]! - centsOf[a]! || d.nameRank[a]! - d.nameRank[b]!);
  }
  const keys = new Float64Array(list.length);
  for (let j = 0; j < list.length; j++) keys[j] = (max - centsOf[list[j]!]!) * n + d.nameRank[list[j]!]!;
  keys.sort();
  const out = new Int32Array(list.length);
  for (let j = 0; j < keys.length; j++) out[j] = d.byNameRank[keys[j]! % n]!;
  return out;
}

export function abcOnColumns(p: PortfolioColumns, today: string, currency: string): AbcColumns {
  const n = p.dossiers.count;
  const centsOf = revenueByDossier(p, today, currency);
  let paidCount = 0;
  let noneCount = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const c = centsOf[i]!;
    if (c > 0) paidCount++;
    else if (c === 0) noneCount++;
    if (c !== 0) total += c;
  }
  const paid = new Int32Array(paidCount);
  const none = new Int32Array(noneCount);
  const negative = new Int32Array(n - paidCount - noneCount);
  for (let i = 0, a = 0, b = 0, c = 0; i < n; i++) {
    const v = centsOf[i]!;
    if (v > 0) paid[a++] = i;
    else if (v === 0) none[b++] = i;
    else negative[c++] = i;
  }
  const order = new Int32Array(n);
  const cents = new Float64Array(n);
  const cls = new Uint8Array(n);
  const shares = new Float64Array(n);
  let k = 0;
  const classes = walkRanking({ paid, none, negative }, centsOf, total, (list) => rank(list, centsOf, p.dossiers), (i, c, klass, share) => {
    order[k] = i;
    cents[k] = c;
    cls[k] = CLASS_CODE[klass];
    shares[k++] = share;
  });
  const r: AbcColumns = { order, cents, cls, share: shares, paid: paidCount, classes, total: total / 100 };
  return r;
}

/** The client at a position, as abc.ts lists it (without the dossier object). */
export function abcClientAt(abc: AbcColumns, d: DossierColumns, k: number): { dossierId: string; company: string; revenue: number; cls: AbcClass; cumulativeShare: number } {
  const i = abc.order[k]!;
  return { dossierId: d.id[i]!, company: d.company[i]!, revenue: abc.cents[k]! / 100, cls: ABC_CLASSES[abc.cls[k]!]!, cumulativeShare: abc.share[k]! };
}

/** The A clients' positions, the first `limit` of them and how many there are. */
export function aClientPositions(abc: AbcColumns, limit: number): { total: number; first: number[] } {
  const first: number[] = [];
  let total = 0;
  for (let k = 0; k < abc.cls.length; k++) {
    if (abc.cls[k] !== A) continue;
    if (first.length < limit) first.push(k);
    total++;
  }
  return { total, first };
}

/** abc.ts's paretoPoints on the columns. */
export function paretoOnColumns(abc: AbcColumns, d: DossierColumns, maxPoints = 200): ParetoPoint[] {
  return paretoOf(abc.paid, (k) => abcClientAt(abc, d, k), maxPoints);
}

/** abc.ts's splitBy with the key as a code per dossier (a Codes column of the dossiers, or segmentCodes'). */
export function splitOnColumns(abc: AbcColumns, key: { values: readonly string[]; codes: ArrayLike<number> }): SplitRow<string>[] {
  const rows: (SplitRow<string> | undefined)[] = new Array(key.values.length);
  // Summed in the clients' order, as splitBy adds them, so the sums are the same numbers.
  for (let k = 0; k < abc.order.length; k++) {
    const code = key.codes[abc.order[k]!]!;
    const e = (rows[code] ??= { key: key.values[code]!, clients: 0, revenue: 0, a: 0 });
    e.clients++;
    e.revenue += abc.cents[k]! / 100;
    if (abc.cls[k] === A) e.a++;
  }
  return rows.filter((e): e is SplitRow<string> => e !== undefined).sort(bySplitOrder);
}

/** profile.ts's effectiveSegment of every dossier, as codes into SEGMENT_CODES (the thresholds are the settings'). */
export function segmentCodes(d: DossierColumns, t: SegmentThresholds): { values: readonly string[]; codes: Uint8Array } {
  const codes = new Uint8Array(d.count);
  const figure = (x: number) => (Number.isNaN(x) ? undefined : x);
  for (let i = 0; i < d.count; i++) {
    const hand = d.segment[i]!;
    codes[i] = hand !== 0 ? hand : Math.max(0, SEGMENT_CODES.indexOf(segmentFromFigures(figure(d.annualRevenue[i]!), figure(d.headcount[i]!), t) ?? ''));
  }
  return { values: SEGMENT_CODES, codes };
}
