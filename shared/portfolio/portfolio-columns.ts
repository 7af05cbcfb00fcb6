/**
 * The portfolio screen's data as columns: a few typed arrays per kind of record instead of
 * one object per record, built once when the screen reads the binder.
 *
 * Why: at 100,000 dossiers the screen held 1,000,000 history objects and 300,000 invoices,
 * and merely reading one field of each history object cost about 100 ms (each object is
 * its own allocation, its strings elsewhere again): the ABC analysis and a week's KPIs
 * could not get under their goals however the loops were tuned. The same facts as typed
 * arrays (an Int32Array of day numbers, a Float64Array of cents) take a tenth of the memory
 * and are read at the speed of plain memory; what the figures compare as text (days,
 * names, currencies) is turned into numbers here once: a day key or an instant's LOCAL day
 * (kpi.ts's rule) into a day number, names into a rank, repeated strings into codes.
 *
 * The figures on the columns are in abc-columns.ts and kpi-columns.ts, with exactly the
 * results of abc.ts and kpi.ts on the records.
 */
import { CONTACT_KINDS, OUTCOMES, type Dossier, type HistoryEntry, type Invoice, type Segment } from '../model/records';
import { okvedClassOf } from './okved';

const DAY_MS = 86_400_000;

/** The day number of no day (a missing or unreadable date): before every real day. */
export const NO_DAY = -0x80000000;
/** The day number of "never" (a dossier that never agreed): after every real day. */
export const NEVER = 0x7fffffff;

/** Values repeated across records (owners, currencies…) stored once, each record holding its code. */
export interface Codes {
  /** The distinct values; a record's code is its value's index here. */
  values: string[];
  codes: Int32Array;
}

/** The segment set by hand: 0 none, then SEGMENT_CODES' order. */
export const SEGMENT_CODES: readonly (Segment | '')[] = ['', 'small', 'medium', 'large'];

export interface DossierColumns {
  count: number;
  id: string[];
  company: string[];
  /**
   * Each dossier's place in abc.ts's name order (company, then id, in code units; a
   * repeated id then by position): a permutation of 0…count-1, so ranking sorts numbers.
   */
  nameRank: Int32Array;
  /** The dossier at each name rank (the inverse of nameRank). */
  byNameRank: Int32Array;
  /** The first dossier with the same id (itself unless an id repeats): records go to that one. */
  sameAs: Int32Array;
  owner: Codes;
  territory: Codes;
  /** The ОКВЭД class code when the dossier's code is valid, else the free industry text (the split's key). */
  industry: Codes;
  /** The segment set by hand (SEGMENT_CODES), and the figures the segment is computed from (NaN: unknown). */
  segment: Uint8Array;
  annualRevenue: Float64Array;
  headcount: Float64Array;
  /** The local day the dossier was created (a new prospect's day). */
  createdDay: Int32Array;
  /** The local day of its first "agreed" ever (the day it closed), or NEVER. */
  firstAgreedDay: Int32Array;
}

export interface InvoiceColumns {
  count: number;
  /** The dossier's index in DossierColumns, -1 when it is not in the portfolio. */
  dossier: Int32Array;
  /** The amount in whole cents, rounded as abc.ts rounds it. */
  cents: Float64Array;
  /** The issue day's number, NO_DAY without one. */
  issuedDay: Int32Array;
  currency: Codes;
}

/** Contact kinds and outcomes: 0 none, else the index in CONTACT_KINDS / OUTCOMES plus one. */
export const KIND_CALL = CONTACT_KINDS.indexOf('call') + 1;
export const KIND_MEETING = CONTACT_KINDS.indexOf('meeting') + 1;
export const OUTCOME_REQUEST = OUTCOMES.indexOf('request') + 1;
export const OUTCOME_AGREED = OUTCOMES.indexOf('agreed') + 1;

export interface HistoryColumns {
  count: number;
  dossier: Int32Array;
  /** The instant's local day number (kpi.ts: an entry's day is its instant's local calendar day). */
  day: Int32Array;
  kind: Uint8Array;
  outcome: Uint8Array;
}

export interface PortfolioColumns {
  dossiers: DossierColumns;
  invoices: InvoiceColumns;
  history: HistoryColumns;
}

export type ColumnDossier = Pick<Dossier, 'id' | 'company' | 'owner' | 'territory' | 'industry' | 'okved' | 'segment' | 'annualRevenue' | 'headcount' | 'createdAt'>;
type ColumnInvoice = Pick<Invoice, 'dossierId' | 'amount' | 'currency' | 'issuedOn'>;
type ColumnEntry = Pick<HistoryEntry, 'dossierId' | 'at' | 'kind' | 'outcome'>;

export interface ColumnSource {
  dossiers: readonly ColumnDossier[];
  invoices: readonly ColumnInvoice[];
  history: readonly ColumnEntry[];
}

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;

/** A day key's number (days since 1970-01-01), NO_DAY when it is missing or malformed. */
export function dayNumber(day: string | undefined): number {
  if (!day || !DAY_KEY.test(day)) return NO_DAY;
  const t = new Date(0);
  t.setUTCFullYear(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return Math.round(t.getTime() / DAY_MS);
}

/** The number of an instant's local calendar day (any spelling Date reads), NO_DAY when it reads none. */
export function localDayNumber(instant: string): number {
  const t = Date.parse(instant);
  if (Number.isNaN(t)) return NO_DAY;
  return Math.floor((t - new Date(t).getTimezoneOffset() * 60_000) / DAY_MS);
}

const HOUR_MS = 3_600_000;

/** A digit's value, or a value above 9 for any other character. */
const digit = (s: string, i: number): number => (s.charCodeAt(i) - 48) >>> 0;

const DIGIT_AT = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];

/** The time of a canonical UTC instant ('YYYY-MM-DDTHH:MM:SS.sssZ', what the app stores) read by hand, or NaN for any other text. */
function canonicalTime(at: string): number {
  if (at.length !== 24 || at.charCodeAt(10) !== 84 /* T */ || at.charCodeAt(23) !== 90 /* Z */) return NaN;
  const y = digit(at, 0) * 1000 + digit(at, 1) * 100 + digit(at, 2) * 10 + digit(at, 3);
  const mo = digit(at, 5) * 10 + digit(at, 6);
  const d = digit(at, 8) * 10 + digit(at, 9);
  const h = digit(at, 11) * 10 + digit(at, 12);
  const mi = digit(at, 14) * 10 + digit(at, 15);
  const sec = digit(at, 17) * 10 + digit(at, 18);
  const ms = digit(at, 20) * 100 + digit(at, 21) * 10 + digit(at, 22);
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > 28 + (mo === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 1 : 0) : mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 2 : 3) || h > 23 || mi > 59 || sec > 59) return NaN;
  for (let k = 0; k < DIGIT_AT.length; k++) if (digit(at, DIGIT_AT[k]!) > 9) return NaN;
  if (at.charCodeAt(4) !== 45 || at.charCodeAt(7) !== 45 || at.charCodeAt(13) !== 58 || at.charCodeAt(16) !== 58 || at.charCodeAt(19) !== 46) return NaN;
  return Date.UTC(y, mo - 1, d, h, mi, sec, ms);
}

/**
 * localDayNumber for a million instants: a canonical instant is read by hand, and the
 * local offset is looked up once per hour of UTC time (when it is the same at both ends
 * of the hour; an hour with a clock change is worked out per instant). Turning each
 * instant into a Date was most of the columns' build time.
 */
function localDayReader(): (instant: string) => number {
  const offsets = new Map<number, number>();
  const offsetAt = (t: number) => new Date(t).getTimezoneOffset();
  return (instant) => {
    const t = canonicalTime(instant);
    if (Number.isNaN(t)) return localDayNumber(instant);
    const hour = Math.floor(t / HOUR_MS);
    let off = offsets.get(hour);
    if (off === undefined) {
      const start = offsetAt(hour * HOUR_MS);
      offsets.set(hour, (off = start === offsetAt(hour * HOUR_MS + HOUR_MS - 1) ? start : NaN));
    }
    if (Number.isNaN(off)) off = offsetAt(t);
    return Math.floor((t - off * 60_000) / DAY_MS);
  };
}

/**
 * The dossier index of each record's id: the records as read come grouped by dossier, so
 * the last answer is tried before the Map.
 */
function dossierIndexer(ids: readonly string[], indexOf: Map<string, number>): (id: string) => number {
  let last = -1;
  return (id) => {
    if (last >= 0 && ids[last] === id) return last;
    const i = indexOf.get(id);
    if (i === undefined) return -1;
    return (last = i);
  };
}

/** Codes for values given in parts (chunk after chunk), in the order the values first appear. */
function codesBuilder(): { add(values: readonly string[]): Int32Array; values: string[] } {
  const index = new Map<string, number>();
  const values: string[] = [];
  return {
    values,
    add(part) {
      const codes = new Int32Array(part.length);
      for (let i = 0; i < part.length; i++) {
        const v = part[i]!;
        let c = index.get(v);
        if (c === undefined) {
          index.set(v, (c = values.length));
          values.push(v);
        }
        codes[i] = c;
      }
      return codes;
    },
  };
}

/** Codes for the values, in the order the values first appear. */
function codesOf<T>(items: readonly T[], valueOf: (item: T) => string): Codes {
  const b = codesBuilder();
  return { codes: b.add(items.map(valueOf)), values: b.values };
}

const figure = (n: number | undefined): number => (n === undefined ? NaN : n);

function dossierColumns(dossiers: readonly ColumnDossier[]): { cols: DossierColumns; indexOf: Map<string, number> } {
  const n = dossiers.length;
  const id = dossiers.map((d) => d.id);
  const company = dossiers.map((d) => d.company);
  const indexOf = new Map<string, number>();
  const sameAs = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const first = indexOf.get(id[i]!);
    if (first === undefined) indexOf.set(id[i]!, i);
    sameAs[i] = first ?? i;
  }
  const byNameRank = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    if (company[a] !== company[b]) return company[a]! < company[b]! ? -1 : 1;
    if (id[a] !== id[b]) return id[a]! < id[b]! ? -1 : 1;
    return a - b;
  });
  const nameRank = new Int32Array(n);
  for (let r = 0; r < n; r++) nameRank[byNameRank[r]!] = r;
  const segment = new Uint8Array(n);
  const annualRevenue = new Float64Array(n);
  const headcount = new Float64Array(n);
  const createdDay = new Int32Array(n);
  const localDay = localDayReader();
  for (let i = 0; i < n; i++) {
    const d = dossiers[i]!;
    segment[i] = Math.max(0, SEGMENT_CODES.indexOf(d.segment));
    annualRevenue[i] = figure(d.annualRevenue);
    headcount[i] = figure(d.headcount);
    createdDay[i] = localDay(d.createdAt);
  }
  const cols: DossierColumns = {
    count: n,
    id,
    company,
    nameRank,
    byNameRank,
    sameAs,
    owner: codesOf(dossiers, (d) => d.owner),
    territory: codesOf(dossiers, (d) => d.territory),
    industry: codesOf(dossiers, (d) => okvedClassOf(d.okved)?.code ?? d.industry),
    segment,
    annualRevenue,
    headcount,
    createdDay,
    firstAgreedDay: new Int32Array(n).fill(NEVER),
  };
  return { cols, indexOf };
}

type TypedColumn = Int32Array | Float64Array | Uint8Array;

/** The parts of a column joined into one array (the one part itself when there is one). */
function joined<T extends TypedColumn>(parts: readonly T[], make: (n: number) => T): T {
  if (parts.length === 1) return parts[0]!;
  const out = make(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p as never, at);
    at += p.length;
  }
  return out;
}

const KIND_CODE = new Map<string, number>(CONTACT_KINDS.map((k, i) => [k, i + 1]));
const OUTCOME_CODE = new Map<string, number>(OUTCOMES.map((o, i) => [o, i + 1]));

/**
 * The columns built in parts: the dossiers first (all of them, records find their dossier
 * by id), then their invoices and history chunk after chunk in the order they are read,
 * each chunk turned into typed arrays at once, so a reader can drop the records it read.
 * The result is exactly buildPortfolioColumns' of all the records in that order.
 */
export interface ColumnsBuilder {
  addRecords(invoices: readonly ColumnInvoice[], history: readonly ColumnEntry[]): void;
  finish(): PortfolioColumns;
}

export function portfolioColumnsBuilder(dossiers: readonly ColumnDossier[]): ColumnsBuilder {
  const { cols, indexOf: ids } = dossierColumns(dossiers);
  const indexOf = dossierIndexer(cols.id, ids);
  const firstAgreedDay = cols.firstAgreedDay;
  // A portfolio's invoices fall on a few thousand distinct days: each is read once.
  const days = new Map<string, number>();
  const currency = codesBuilder();
  const localDay = localDayReader();
  const inv = { dossier: [] as Int32Array[], cents: [] as Float64Array[], issuedDay: [] as Int32Array[], currency: [] as Int32Array[] };
  const hist = { dossier: [] as Int32Array[], day: [] as Int32Array[], kind: [] as Uint8Array[], outcome: [] as Uint8Array[] };
  const addInvoices = (invoices: readonly ColumnInvoice[]) => {
    const n = invoices.length;
    const dossier = new Int32Array(n);
    const cents = new Float64Array(n);
    const issuedDay = new Int32Array(n);
    for (let j = 0; j < n; j++) {
      const x = invoices[j]!;
      dossier[j] = indexOf(x.dossierId);
      cents[j] = Math.round(x.amount * 100);
      let day = days.get(x.issuedOn);
      if (day === undefined) days.set(x.issuedOn, (day = dayNumber(x.issuedOn)));
      issuedDay[j] = day;
    }
    inv.dossier.push(dossier);
    inv.cents.push(cents);
    inv.issuedDay.push(issuedDay);
    inv.currency.push(currency.add(invoices.map((x) => x.currency)));
  };
  // Notes each dossier's first agreed day on the way.
  const addHistory = (history: readonly ColumnEntry[]) => {
    const n = history.length;
    const dossier = new Int32Array(n);
    const day = new Int32Array(n);
    const kind = new Uint8Array(n);
    const outcome = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      const h = history[k]!;
      const i = indexOf(h.dossierId);
      const d = localDay(h.at);
      dossier[k] = i;
      day[k] = d;
      kind[k] = KIND_CODE.get(h.kind) ?? 0;
      const o = h.outcome ? OUTCOME_CODE.get(h.outcome) ?? 0 : 0;
      outcome[k] = o;
      if (o === OUTCOME_AGREED && i >= 0 && d < firstAgreedDay[i]!) firstAgreedDay[i] = d;
    }
    hist.dossier.push(dossier);
    hist.day.push(day);
    hist.kind.push(kind);
    hist.outcome.push(outcome);
  };
  return {
    addRecords(invoices, history) {
      addInvoices(invoices);
      addHistory(history);
    },
    finish() {
      // A repeated id: its copies share the first one's records, as a lookup by id gives them.
      for (let i = 0; i < cols.count; i++) if (cols.sameAs[i] !== i) firstAgreedDay[i] = firstAgreedDay[cols.sameAs[i]!]!;
      const i32 = (n: number) => new Int32Array(n);
      const u8 = (n: number) => new Uint8Array(n);
      const invoiceCols: InvoiceColumns = {
        count: inv.dossier.reduce((n, p) => n + p.length, 0),
        dossier: joined(inv.dossier, i32),
        cents: joined(inv.cents, (n) => new Float64Array(n)),
        issuedDay: joined(inv.issuedDay, i32),
        currency: { values: currency.values, codes: joined(inv.currency, i32) },
      };
      const historyCols: HistoryColumns = {
        count: hist.dossier.reduce((n, p) => n + p.length, 0),
        dossier: joined(hist.dossier, i32),
        day: joined(hist.day, i32),
        kind: joined(hist.kind, u8),
        outcome: joined(hist.outcome, u8),
      };
      return { dossiers: cols, invoices: invoiceCols, history: historyCols };
    },
  };
}

/** The columns of a portfolio as read (records whose dossier is not in it are kept with index -1). */
export function buildPortfolioColumns(p: ColumnSource): PortfolioColumns {
  const b = portfolioColumnsBuilder(p.dossiers);
  b.addRecords(p.invoices, p.history);
  return b.finish();
}
