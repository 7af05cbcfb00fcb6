/**
 * The seeded demo portfolio: realistic Russian B2B clients filed over the binder (about 30
 * due today, a few overdue, the rest over the coming weeks, ~10% in month folders), with
 * contacts, history and invoices. Deterministic for a seed and a `today`, so the app's demo,
 * the tests and the benchmark see the same binder. `generateDemoChunks` yields it in slices
 * so that 100,000 dossiers and 1,000,000 history entries never sit in memory at once.
 */
import { addDays, addMonthsToMonth, diffDays, monthOf } from '../dates/calendar-day';
import { DEFAULT_WORK_CALENDAR, nextWorkingDay, previousWorkingDay } from '../dates/working-days';
import type { Contact, Dossier, HistoryEntry, Invoice, Portfolio, RecordMeta, Segment, Step, StepKind } from '../model/records';
import { createRng, type Rng } from './prng';
import {
  FEMALE_FIRST,
  FEMALE_PATRONYMIC,
  HISTORY_TEMPLATES,
  INDUSTRIES,
  LEGAL_FORMS,
  MALE_FIRST,
  MALE_PATRONYMIC,
  NAME_ROOTS,
  NAME_SUFFIXES,
  POSITIONS,
  STEP_TITLES,
  SURNAMES,
  TAGS,
  TERRITORIES,
  translit,
} from './word-lists';

export interface DemoOptions {
  dossiers: number;
  seed?: number;
  /** The day the binder is generated for ('YYYY-MM-DD'): due today, overdue and future are relative to it. */
  today: string;
  owner?: string;
  /** Exact number of history entries per dossier (default 4). */
  historyPerDossier?: number;
}

export const DEMO_OWNER = 'Анна Смирнова';
const DEFAULT_HISTORY = 4;
const MEETING_TIMES = ['09:30', '10:00', '11:00', '11:30', '12:00', '14:00', '15:00', '16:30'];

const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const W11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const check = (digits: number[], weights: number[]): number => (weights.reduce((s, w, i) => s + w * digits[i]!, 0) % 11) % 10;

/** A tax id with valid check digits (the FNS rule, as shared/model/tax-id.ts validates it). */
function taxIdFor(rng: Rng, region: string, individual: boolean): string {
  const digits = [...region].map(Number);
  const body = individual ? 10 : 9;
  while (digits.length < body) digits.push(rng.int(0, 9));
  if (!individual) return [...digits, check(digits, W10)].join('');
  digits.push(check(digits, W11));
  digits.push(check(digits, W12));
  return digits.join('');
}

/** Where the i-th dossier is filed: the first ones are due today, then a few overdue, then the future. */
interface Layout {
  today: string;
  dueToday: number;
  overdue: number;
  horizonDays: number;
}

function layoutFor(opts: DemoOptions, rng: Rng): Layout {
  const n = opts.dossiers;
  const dueToday = Math.min(n, 25 + rng.int(0, 10), Math.ceil(n * 0.1));
  const overdue = Math.min(n - dueToday, 3 + rng.int(0, 4), Math.ceil(n * 0.02));
  // About 25 dossiers a working day over the coming weeks; a huge binder spreads over a year.
  const horizonDays = Math.min(365, Math.max(21, Math.ceil(((n - dueToday - overdue) / 25) * (7 / 5))));
  return { today: opts.today, dueToday, overdue, horizonDays };
}

/** Demo dates avoid weekends: managers do not plan calls on Saturdays. */
const nextWorkday = (day: string): string => nextWorkingDay(day, DEFAULT_WORK_CALENDAR);
const previousWorkday = (day: string): string => previousWorkingDay(day, DEFAULT_WORK_CALENDAR);

const instant = (day: string, rng: Rng, fromHour = 6, toHour = 15): string =>
  `${day}T${String(rng.int(fromHour, toHour)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00.000Z`;

/**
 * A call logged on or after the day a dossier is filed under would have refiled it: the
 * binder cannot hold it there, overdue, with that call in its history. When the history
 * (newest first) reaches the step's day, it is moved back to end the working day before,
 * its spacing kept. No random draws here, so the rest of the demo stays as seeded.
 */
function loggedBefore(history: HistoryEntry[], filedOn: string): HistoryEntry[] {
  const latest = history[0]?.at.slice(0, 10);
  if (!filedOn || !latest || latest < filedOn) return history;
  const shift = diffDays(previousWorkday(addDays(filedOn, -1)), latest);
  return history.map((h) => {
    const at = `${previousWorkday(addDays(h.at.slice(0, 10), shift))}${h.at.slice(10)}`;
    return { ...h, at, createdAt: at, updatedAt: at };
  });
}

class DemoBuilder {
  private readonly owner: string;
  private readonly historyPerDossier: number;
  constructor(
    private readonly rng: Rng,
    private readonly layout: Layout,
    opts: DemoOptions,
  ) {
    this.owner = opts.owner ?? DEMO_OWNER;
    this.historyPerDossier = opts.historyPerDossier ?? DEFAULT_HISTORY;
  }

  private meta(at: string): RecordMeta {
    return { id: this.rng.uuid(), createdAt: at, updatedAt: at, author: this.owner, syncBase: '' };
  }

  private company(): { company: string; individual: boolean; root: string } {
    const { rng } = this;
    const form = rng.pick(LEGAL_FORMS);
    if (form === 'ИП') {
      const surname = rng.pick(SURNAMES);
      return { company: `ИП ${surname} ${rng.pick(MALE_FIRST)[0]}. ${rng.pick(MALE_PATRONYMIC)[0]}.`, individual: true, root: surname };
    }
    const root = `${rng.pick(NAME_ROOTS)}${rng.pick(NAME_SUFFIXES)}`;
    return { company: `${form} «${root}»`, individual: false, root };
  }

  private person(): { name: string; surname: string; first: string } {
    const { rng } = this;
    const female = rng.chance(0.5);
    const surname = female ? `${rng.pick(SURNAMES)}а` : rng.pick(SURNAMES);
    const first = female ? rng.pick(FEMALE_FIRST) : rng.pick(MALE_FIRST);
    const patronymic = female ? rng.pick(FEMALE_PATRONYMIC) : rng.pick(MALE_PATRONYMIC);
    return { name: `${surname} ${first} ${patronymic}`, surname, first };
  }

  private contacts(dossierId: string, domain: string, createdAt: string): Contact[] {
    const { rng } = this;
    return Array.from({ length: rng.int(1, 3) }, (_, k) => {
      const p = this.person();
      const position = k === 0 ? rng.pick(POSITIONS.slice(0, 3)) : rng.pick(POSITIONS);
      const mobile = `+7 9${rng.int(10, 99)} ${rng.int(100, 999)}-${rng.int(10, 99)}-${rng.int(10, 99)}`;
      const phones = rng.chance(0.3) ? [mobile, `8 (${rng.int(300, 499)}) ${rng.int(100, 999)}-${rng.int(10, 99)}-${rng.int(10, 99)}`] : [mobile];
      return {
        ...this.meta(createdAt),
        dossierId,
        name: p.name,
        position: position.title,
        phones,
        emails: [`${translit(p.first)[0]}.${translit(p.surname)}@${domain}`],
        decisionMaker: position.decisionMaker,
        note: '',
      };
    });
  }

  private history(dossierId: string, lastDay: string): HistoryEntry[] {
    const { rng } = this;
    const out: HistoryEntry[] = [];
    let day = lastDay;
    for (let k = 0; k < this.historyPerDossier; k++) {
      const t = rng.pick(HISTORY_TEMPLATES);
      const at = instant(day, rng);
      // Written out rather than spread from meta(): a million of these, and every spread is garbage.
      out.push({ id: rng.uuid(), createdAt: at, updatedAt: at, author: this.owner, syncBase: '', dossierId, at, kind: t.kind, outcome: t.outcome, summary: t.summary });
      day = previousWorkday(addDays(day, -rng.int(7, 30)));
    }
    return out;
  }

  /** The open step filing the i-th dossier. */
  private step(i: number, dossierId: string, createdAt: string): Step {
    const { rng, layout } = this;
    const base = { ...this.meta(createdAt), dossierId, durationMin: 0, remindMin: -1, done: false, doneAt: '', month: '', time: '' };
    const kind: StepKind = rng.chance(0.12) ? 'meeting' : rng.chance(0.08) ? 'email' : 'call';
    const title = rng.pick(STEP_TITLES[kind as 'call' | 'meeting' | 'email']);
    if (i >= layout.dueToday + layout.overdue && rng.chance(0.1)) {
      return { ...base, kind: 'call', title, date: '', month: addMonthsToMonth(monthOf(layout.today), rng.int(2, 6)) };
    }
    const date =
      i < layout.dueToday
        ? layout.today
        : i < layout.dueToday + layout.overdue
          ? previousWorkday(addDays(layout.today, -rng.int(1, 9)))
          : nextWorkday(addDays(layout.today, rng.int(1, layout.horizonDays)));
    if (kind !== 'meeting') return { ...base, kind, title, date };
    return { ...base, kind, title, date, time: rng.pick(MEETING_TIMES), durationMin: rng.pick([30, 60, 90]), remindMin: 15 };
  }

  private invoices(dossierId: string, createdAt: string): Invoice[] {
    const { rng, layout } = this;
    if (!rng.chance(0.2)) return [];
    return Array.from({ length: rng.int(1, 2) }, () => {
      const dueOn = addDays(layout.today, rng.int(-45, 30));
      const paid = dueOn < layout.today && rng.chance(0.6);
      return {
        ...this.meta(createdAt),
        dossierId,
        number: `${rng.int(100, 9999)}/${layout.today.slice(2, 4)}`,
        basis: `Договор поставки № ${rng.int(1, 300)}-П`,
        amount: rng.int(50, 5000) * 1000,
        currency: 'RUB',
        issuedOn: addDays(dueOn, -30),
        dueOn,
        paidOn: paid ? addDays(dueOn, -rng.int(0, 5)) : '',
      };
    });
  }

  /** One dossier with its records, appended to `out`. */
  add(i: number, out: Portfolio): void {
    const { rng, layout } = this;
    const createdAt = instant(addDays(layout.today, -rng.int(60, 900)), rng);
    const { company, individual, root } = this.company();
    const territory = rng.pick(TERRITORIES);
    const r = rng.next();
    const segment: Segment = r < 0.15 ? 'large' : r < 0.5 ? 'medium' : 'small';
    const dossier: Dossier = {
      ...this.meta(createdAt),
      company,
      taxId: taxIdFor(rng, territory.region, individual),
      industry: rng.pick(INDUSTRIES),
      segment,
      territory: territory.name,
      vip: rng.chance(0.1),
      owner: this.owner,
      tags: rng.chance(0.4) ? [rng.pick(TAGS)] : [],
      customFields: {},
      notes: '',
      status: 'active',
      coveredFor: '',
      coveredUntil: '',
    };
    out.dossiers.push(dossier);
    out.contacts.push(...this.contacts(dossier.id, `${translit(root) || 'client'}.ru`, createdAt));
    const history = this.history(dossier.id, previousWorkday(addDays(layout.today, -rng.int(1, 20))));
    const step = this.step(i, dossier.id, createdAt);
    out.history.push(...loggedBefore(history, step.date));
    out.steps.push(step);
    out.invoices.push(...this.invoices(dossier.id, createdAt));
  }
}

/** The demo portfolio in slices of `chunkSize` dossiers (each slice holds its dossiers' records). */
export function* generateDemoChunks(opts: DemoOptions, chunkSize = 5000): Generator<Portfolio> {
  const rng = createRng(opts.seed ?? 1);
  const builder = new DemoBuilder(rng, layoutFor(opts, rng), opts);
  for (let start = 0; start < opts.dossiers; start += chunkSize) {
    const chunk: Portfolio = { dossiers: [], contacts: [], history: [], steps: [], invoices: [], payments: [], holidays: [] };
    for (let i = start; i < Math.min(opts.dossiers, start + chunkSize); i++) builder.add(i, chunk);
    yield chunk;
  }
}

export function generateDemoPortfolio(opts: DemoOptions): Portfolio {
  const all: Portfolio = { dossiers: [], contacts: [], history: [], steps: [], invoices: [], payments: [], holidays: [] };
  for (const chunk of generateDemoChunks(opts)) {
    for (const key of ['dossiers', 'contacts', 'history', 'steps', 'invoices'] as const) {
      for (const rec of chunk[key]) (all[key] as unknown[]).push(rec);
    }
  }
  return all;
}
