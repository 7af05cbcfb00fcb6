import { z } from 'zod';

/**
 * The business records. Every record has a stable UUID, timestamps and its author,
 * because the Excel sync merges by them. Dates are calendar days as 'YYYY-MM-DD'
 * strings (a day folder), months as 'YYYY-MM' (a month folder), instants as ISO strings.
 */

export const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
export const MONTH_RE = /^\d{4}-\d{2}$/;
export const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

export const dayKey = z.string().regex(DAY_RE, 'expected a date YYYY-MM-DD');
export const monthKey = z.string().regex(MONTH_RE, 'expected a month YYYY-MM');
export const isoInstant = z.string().min(10);

export const recordMeta = z.object({
  id: z.uuid(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  /** Who last changed the record (manager name). */
  author: z.string(),
  /**
   * Content hash of the record as it was at its last exchange through a workbook (export
   * or import); '' if never exchanged. Merge compares it with both sides' content to tell
   * "only they changed it" from "both changed it" (a conflict). See shared/merge.
   */
  syncBase: z.string().default(''),
});
export type RecordMeta = z.infer<typeof recordMeta>;

export const SEGMENTS = ['large', 'medium', 'small'] as const;
export const segment = z.enum(SEGMENTS);
export type Segment = z.infer<typeof segment>;

export const DOSSIER_STATUSES = ['active', 'archived'] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export const STEP_KINDS = ['call', 'meeting', 'email', 'letter', 'task', 'payment'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const CONTACT_KINDS = ['call', 'meeting', 'email', 'letter', 'note'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** `request`: the client came with a request (an activity KPI, issue 14). */
export const OUTCOMES = ['reached', 'no_answer', 'callback', 'agreed', 'declined', 'sent', 'info', 'request'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * The client's profile (issue 14), kept as one block so the other record changes stay
 * apart from it. Every field is optional and left out when empty (never '' or 0): the
 * content hash skips absent fields, so records and workbooks written before these fields
 * hash, merge and read exactly as they did.
 */
const profileFields = {
  /** ОКВЭД-2 code, NN to NN.NN.NN (shared/portfolio/okved.ts). */
  okved: z.string().optional(),
  /** Staff count. */
  headcount: z.number().int().min(0).optional(),
  /** The company's own annual revenue in the main currency (for the size segment). */
  annualRevenue: z.number().min(0).optional(),
  /** When the company was registered: under a year ago it is a "new company". */
  registeredOn: dayKey.optional(),
  /** Why the client is VIP: named criteria (shared/portfolio/vip.ts) and free ones; `vip` is true when any is set. */
  vipCriteria: z.array(z.string()).optional(),
  /** First day of the owner's leave the handover covers (absent: a handover made before leaves were recorded). */
  coveredFrom: dayKey.optional(),
  /** Earlier owners, oldest first, each 'YYYY-MM-DD name' (the day the dossier left them). */
  ownerHistory: z.array(z.string()).optional(),
};

/** The client's dossier: the card. Contacts, history and steps are separate tables. */
export const dossierSchema = recordMeta.extend({
  company: z.string().min(1, 'company name is required'),
  taxId: z.string().default(''),
  industry: z.string().default(''),
  segment: segment.or(z.literal('')).default(''),
  territory: z.string().default(''),
  vip: z.boolean().default(false),
  owner: z.string().default(''),
  tags: z.array(z.string()).default([]),
  customFields: z.record(z.string(), z.string()).default({}),
  notes: z.string().default(''),
  status: z.enum(DOSSIER_STATUSES).default('active'),
  /** Handover: the dossier is being worked by this manager on behalf of `coveredFor`… */
  coveredFor: z.string().default(''),
  /** …until this day (inclusive). */
  coveredUntil: dayKey.or(z.literal('')).default(''),
  /**
   * The colleague who holds the dossier during a leave. With `coveredFor` empty (the owner's
   * own binder) the dossier is handed over to them; absent when there is no cover.
   */
  coveredBy: z.string().optional(),
  ...profileFields,
});
export type Dossier = z.infer<typeof dossierSchema>;

export const contactSchema = recordMeta.extend({
  dossierId: z.uuid(),
  name: z.string().min(1, 'contact name is required'),
  position: z.string().default(''),
  phones: z.array(z.string()).default([]),
  emails: z.array(z.string()).default([]),
  decisionMaker: z.boolean().default(false),
  note: z.string().default(''),
});
export type Contact = z.infer<typeof contactSchema>;

/** One logged contact. History is append-only: entries are added, never overwritten by sync. */
export const historySchema = recordMeta.extend({
  dossierId: z.uuid(),
  at: isoInstant,
  kind: z.enum(CONTACT_KINDS),
  outcome: z.enum(OUTCOMES).or(z.literal('')).default(''),
  summary: z.string().default(''),
});
export type HistoryEntry = z.infer<typeof historySchema>;

/**
 * A planned step: the reason a dossier sits in a folder. Exactly one of `date` (a day
 * folder) or `month` (a month folder, "sometime in July") is set.
 */
export const stepSchema = recordMeta.extend({
  dossierId: z.uuid(),
  kind: z.enum(STEP_KINDS),
  title: z.string().default(''),
  date: dayKey.or(z.literal('')).default(''),
  month: monthKey.or(z.literal('')).default(''),
  /** Agreed hour, 'HH:mm'; empty for an untimed (all-day) step. */
  time: z.string().regex(TIME_RE).or(z.literal('')).default(''),
  durationMin: z.number().int().min(0).max(24 * 60).default(0),
  /** Minutes before `time` to remind; -1 for no reminder. */
  remindMin: z.number().int().min(-1).max(7 * 24 * 60).default(-1),
  done: z.boolean().default(false),
  doneAt: isoInstant.or(z.literal('')).default(''),
});
export type Step = z.infer<typeof stepSchema>;

/**
 * The overdue ladder (source articles 001 and 003): reminder by the manager, negotiation,
 * a solution, the claim letter (претензия), court. '' = not on the ladder yet.
 */
export const LADDER_LEVELS = ['reminder', 'negotiation', 'solution', 'claim', 'court'] as const;
export type LadderLevel = (typeof LADDER_LEVELS)[number];
/** Why the client does not pay, found out in the negotiation. */
export const NEGOTIATION_REASONS = ['terms', 'difficulty', 'unwilling'] as const;
export type NegotiationReason = (typeof NEGOTIATION_REASONS)[number];
export const SOLUTION_KINDS = ['guarantee', 'promissory-note', 'offset', 'assignment', 'schedule'] as const;
export type SolutionKind = (typeof SOLUTION_KINDS)[number];

/** One payment of a new payment schedule (the 'schedule' solution). */
export const instalmentSchema = z.object({ dueOn: dayKey, amount: z.number() });
export type Instalment = z.infer<typeof instalmentSchema>;

/**
 * An invoice with a due date: receivables (reminder 3 working days before due). The fields
 * after `paidOn` are optional and absent when empty, so that an invoice written before they
 * existed keeps its content hash (merge would otherwise see every old invoice as changed).
 * `paidOn` means paid in full that day; partial payments are Payment records.
 */
export const invoiceSchema = recordMeta.extend({
  dossierId: z.uuid(),
  number: z.string().min(1),
  basis: z.string().default(''),
  amount: z.number(),
  currency: z.string().default('RUB'),
  issuedOn: dayKey.or(z.literal('')).default(''),
  dueOn: dayKey,
  paidOn: dayKey.or(z.literal('')).default(''),
  /** Payment terms as agreed ("30 days from delivery"). */
  terms: z.string().optional(),
  /** Way of payment ("bank transfer to account …"). */
  paymentWay: z.string().optional(),
  /** A discount or bonus offered for loyalty, named in the reminder letter. */
  loyaltyNote: z.string().optional(),
  ladderLevel: z.enum(LADDER_LEVELS).optional(),
  /** Set while the debt is on hold: why (the ladder does not move it meanwhile). */
  holdReason: z.string().optional(),
  negotiationReason: z.enum(NEGOTIATION_REASONS).optional(),
  solutionKind: z.enum(SOLUTION_KINDS).optional(),
  instalments: z.array(instalmentSchema).optional(),
});
export type Invoice = z.infer<typeof invoiceSchema>;

/** A payment received against an invoice (partial or full), its own record so that two sides' payments merge. */
export const paymentSchema = recordMeta.extend({
  dossierId: z.uuid(),
  invoiceId: z.uuid(),
  amount: z.number(),
  paidOn: dayKey,
});
export type Payment = z.infer<typeof paymentSchema>;

/** Everything a portfolio workbook carries, and what merge works on. */
export interface Portfolio {
  dossiers: Dossier[];
  contacts: Contact[];
  history: HistoryEntry[];
  steps: Step[];
  invoices: Invoice[];
  payments: Payment[];
  /** Settings that travel with a portfolio: days off, and days worked that would be off. */
  holidays: string[];
  /** Optional so that portfolios built before moved working days travelled still type-check; read always sets it. */
  extraWorkingDays?: string[];
}

export function emptyPortfolio(): Portfolio {
  return { dossiers: [], contacts: [], history: [], steps: [], invoices: [], payments: [], holidays: [], extraWorkingDays: [] };
}
