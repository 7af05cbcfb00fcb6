/**
 * Request and view types of the data layer's public API (the contract in
 * docs/architecture.md). Screens import them from here, never from Dexie.
 */
import type { Contact, ContactKind, Dossier, HistoryEntry, Invoice, Outcome, Payment, Step, StepKind } from '../../shared/model/records';
import type { DossierRow } from './db';

/** Where a dossier goes next: a day folder or a month folder, plus what is planned there. */
export type NextPlan = ({ date: string } | { month: string }) & {
  kind: StepKind;
  time?: string;
  title?: string;
  durationMin?: number;
  remindMin?: number;
};

export type FolderTarget = { date: string } | { month: string };

/**
 * A dossier as screens show it: the record with its folder, next step, last contact and
 * primary contact. The view of a stored row without its storage-only fields (search
 * words, calendar days), so a screen never depends on how the row is stored.
 */
export type DossierSummary = Omit<DossierRow, 'words' | 'calendarDates'>;

export interface DossierView {
  row: DossierSummary;
  contacts: Contact[];
  /** The last 50 entries, newest first. */
  history: HistoryEntry[];
  historyTotal: number;
  /** Open steps in filing order, then the last 10 done steps (newest first). */
  steps: Step[];
  invoices: Invoice[];
  payments: Payment[];
}

/** Contact fields a screen fills in; the record's identity and dossier are added on save. */
export type NewContact = Partial<Omit<Contact, 'id' | 'dossierId' | 'createdAt' | 'updatedAt' | 'author' | 'syncBase'>> & {
  name: string;
};

/** A contact to save: with an id (update) or without (create). */
export type ContactInput = NewContact & { dossierId: string; id?: string };

type DossierFields = Omit<Dossier, 'id' | 'createdAt' | 'updatedAt' | 'author' | 'syncBase' | 'status'>;

export type NewDossierInput = Partial<DossierFields> & {
  company: string;
  contacts?: NewContact[];
  /** Required: a new dossier is always filed somewhere. */
  next: NextPlan;
};

export type DossierPatch = Partial<DossierFields>;

export interface RefileRequest {
  dossierId: string;
  entry: { kind: ContactKind; outcome: Outcome | ''; summary: string; at?: string };
  /** Where to file the dossier next; null only when archiving it. */
  next: NextPlan | null;
  /** The step this contact completes; default: the dossier's earliest open step. */
  completeStepId?: string;
}

export interface StepChange {
  date?: string;
  month?: string;
  time?: string;
  durationMin?: number;
}

export type StepPatch = Partial<Pick<Step, 'kind' | 'title' | 'date' | 'month' | 'time' | 'durationMin' | 'remindMin' | 'done'>>;

export interface DossierFilter {
  owner?: string;
  segment?: Dossier['segment'];
  vip?: boolean;
  /** An ОКВЭД class (two digits): dossiers whose code falls in it. */
  industry?: string;
  /** Part of the territory's name, as typed. */
  territory?: string;
  /** Only the dossiers handed over to a colleague for a leave (owner's binder). */
  handedOver?: boolean;
  status?: 'active' | 'archived' | 'all';
  text?: string;
}

export interface DossierSort {
  field: 'company' | 'fileKey' | 'updatedAt' | 'lastContactAt';
  dir: 'asc' | 'desc';
}

export type UndoAction = 'refile' | 'move' | 'archive' | 'reactivate' | 'create' | 'invoice' | 'payment' | 'ladder' | 'edit' | 'reassign' | 'handover' | 'handBack';

/**
 * What the undo stack holds, for the "Undo …" button: `label` is ready to show
 * ('refile: ООО Ромашка'); screens that translate use `action` and `subject`.
 */
export interface UndoInfo {
  label: string;
  action: UndoAction;
  subject: string;
}

export type PortfolioScope =
  | { kind: 'all' }
  | { kind: 'owner'; owner: string }
  | { kind: 'ids'; ids: string[] }
  | { kind: 'period'; from: string; to: string };

export interface MonthAssignment {
  dossierId: string;
  stepId: string;
  date: string;
}

export interface MonthOpeningProposal {
  assignments: MonthAssignment[];
  /** Dossiers that did not fit under capacity (left in the month folder). */
  overflow: string[];
}

/** A user-facing refusal (the invariant or a bad request): the message is shown as is. */
export class DataError extends Error {
  constructor(
    message: string,
    readonly code: 'not-found' | 'unfiled' | 'invalid' | 'last-open-step',
  ) {
    super(message);
    this.name = 'DataError';
  }
}

/** A step named by its dossier and id (steps are filed in their dossier's papers). */
export type StepRef = Pick<Step, 'id' | 'dossierId'>;
