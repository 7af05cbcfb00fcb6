/**
 * The dossier card: reading it with its contacts, history, steps and invoices, creating
 * dossiers (always filed: a new dossier comes with its first step), editing the card and
 * contacts, archiving and reactivating, and the steps themselves.
 */
import { todayKey } from '../../shared/dates/calendar-day';
import { reassign } from '../../shared/portfolio/handover';
import { compareFileKeys, stepKey } from '../../shared/model/filing';
import { stamp, touch } from '../../shared/model/new-record';
import { contactSchema, dossierSchema, type Contact, type Dossier, type Portfolio, type Step } from '../../shared/model/records';
import { getDb } from './db';
import { papersOf, paymentsOf } from './papers';
import { archiveWithin } from './refile';
import { baseDossier, deriveRow } from './derive-row';
import { folderFields, stepFromPlan } from './plans';
import type {
  ContactInput,
  DossierPatch,
  DossierSummary,
  DossierView,
  NewDossierInput,
  NextPlan,
  StepPatch,
  StepRef,
  UndoInfo,
} from './types';
import { DataError } from './types';
import {
  deleteRecord,
  paperRecord,
  putRecord,
  requireRow,
  requireStep,
  runWrite,
  setDossier,
  stepsIn,
  undoable,
  type WriteCtx,
} from './write-context';

const HISTORY_SHOWN = 50;
const DONE_STEPS_SHOWN = 10;

function compareOpenSteps(a: Step, b: Step): number {
  return compareFileKeys(stepKey(a) ?? '', stepKey(b) ?? '') || (a.time || '~').localeCompare(b.time || '~');
}

function compareContacts(a: Contact, b: Contact): number {
  return Number(b.decisionMaker) - Number(a.decisionMaker) || a.createdAt.localeCompare(b.createdAt);
}

type ViewRecords = Pick<Portfolio, 'contacts' | 'steps' | 'history' | 'invoices' | 'payments'>;

/** What the card shows of a dossier's records; `history` is in the order it was written (oldest first). */
function viewOf(row: DossierSummary, r: ViewRecords, historyShown: number): DossierView {
  const invoices = [...r.invoices].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const open = r.steps.filter((s) => !s.done).sort(compareOpenSteps);
  const done = r.steps
    .filter((s) => s.done)
    .sort((a, b) => b.doneAt.localeCompare(a.doneAt))
    .slice(0, DONE_STEPS_SHOWN);
  const history = r.history.slice(-historyShown).reverse();
  return { row, contacts: [...r.contacts].sort(compareContacts), history, historyTotal: r.history.length, steps: [...open, ...done], invoices, payments: r.payments };
}

export async function getDossierView(id: string): Promise<DossierView | undefined> {
  const db = getDb();
  const [row, papers] = await Promise.all([db.dossiers.get(id), papersOf(db, id)]);
  if (!row) return undefined;
  return viewOf(row, { ...papers, payments: paymentsOf(papers) }, HISTORY_SHOWN);
}

/**
 * A dossier of a workbook held in memory (the team view reads other managers' files, never
 * into this binder), shaped as the card reads one of the binder: the row derived by the same
 * rule, and the whole history, so the card never reads more of it from the database.
 */
export function dossierViewIn(p: Portfolio, id: string): DossierView | undefined {
  const dossier = p.dossiers.find((d) => d.id === id);
  if (!dossier) return undefined;
  const mine = <T extends { dossierId: string }>(xs: T[]) => xs.filter((x) => x.dossierId === id);
  const history = mine(p.history).sort((a, b) => a.at.localeCompare(b.at));
  const steps = mine(p.steps);
  const contacts = mine(p.contacts);
  const last = history.at(-1);
  const row = deriveRow(dossier, steps, contacts, last && { at: last.at, summary: last.summary });
  return viewOf(row, { contacts, steps, history, invoices: mine(p.invoices), payments: mine(p.payments) }, history.length);
}

async function insertDossier(ctx: WriteCtx, input: NewDossierInput): Promise<Dossier> {
  const { contacts = [], next, ...fields } = input;
  const dossier = dossierSchema.parse(stamp({ ...fields, status: 'active' }, ctx.author, ctx.now));
  setDossier(ctx, dossier);
  for (const c of contacts) {
    const contact = contactSchema.parse(stamp({ ...c, dossierId: dossier.id }, ctx.author, ctx.now));
    await putRecord(ctx, 'contacts', contact, null);
  }
  await putRecord(ctx, 'steps', stepFromPlan(next, dossier.id, ctx.author, ctx.now), null);
  return dossier;
}

/** Creates dossiers, each filed under its `next`, in one transaction (prospecting: 20 new calls). */
export function createDossiers(inputs: NewDossierInput[], author: string): Promise<string[]> {
  return runWrite(author, async (ctx) => {
    const created: Dossier[] = [];
    for (const input of inputs) created.push(await insertDossier(ctx, input));
    undoable(ctx, 'create', created.length === 1 ? created[0]!.company : String(created.length));
    return created.map((d) => d.id);
  });
}

export async function createDossier(input: NewDossierInput, author: string): Promise<string> {
  const [id] = await createDossiers([input], author);
  return id!;
}

/** Edits the card. Status is changed only by archiving and reactivating (they keep the binder whole). */
export function updateDossier(id: string, patch: DossierPatch, author: string): Promise<void> {
  return runWrite(author, async (ctx) => {
    const row = await requireRow(ctx, id);
    const { status: _ignored, ...fields } = patch as DossierPatch & { status?: unknown };
    const base = baseDossier(row);
    // A new owner is a reassignment: the one it leaves goes into the owner history.
    const owner = fields.owner !== undefined && fields.owner !== base.owner ? reassign(base, fields.owner, todayKey(new Date(ctx.now))) : {};
    setDossier(ctx, dossierSchema.parse(touch({ ...base, ...fields, ...owner, id, status: base.status }, author, ctx.now)));
    // A card edit (the profile, VIP criteria, the star) is undone with Ctrl+Z like any other change.
    undoable(ctx, 'edit', row.company);
  });
}

/** Creates (no id) or updates a contact; the row's primary contact and search words follow. */
export function saveContact(input: ContactInput, author: string): Promise<Contact> {
  return runWrite(author, async (ctx) => {
    await requireRow(ctx, input.dossierId);
    const existing = input.id ? await paperRecord(ctx, 'contacts', input.dossierId, input.id) : undefined;
    const contact = existing
      ? contactSchema.parse(touch({ ...existing, ...input, id: existing.id }, author, ctx.now))
      : contactSchema.parse(stamp({ ...input }, author, ctx.now));
    await putRecord(ctx, 'contacts', contact, existing ?? null);
    return contact;
  });
}

export function deleteContact(dossierId: string, id: string, author = ''): Promise<void> {
  return runWrite(author, async (ctx) => {
    const contact = await paperRecord(ctx, 'contacts', dossierId, id);
    if (contact) await deleteRecord(ctx, 'contacts', contact);
  });
}

function setStatus(ctx: WriteCtx, row: Dossier, status: Dossier['status']): void {
  setDossier(ctx, { ...touch(baseDossier(row), ctx.author, ctx.now), status });
}

/** Takes the dossier out of the binder (the only way out), closing its open steps. */
export function archiveDossier(id: string, author: string): Promise<UndoInfo> {
  return runWrite(author, async (ctx) => {
    const row = await requireRow(ctx, id);
    await archiveWithin(ctx, row);
    return undoable(ctx, 'archive', row.company);
  });
}

/** Brings an archived dossier back, filed under `next`. */
export function reactivateDossier(id: string, next: NextPlan, author: string): Promise<UndoInfo> {
  return runWrite(author, async (ctx) => {
    const row = await requireRow(ctx, id);
    setStatus(ctx, row, 'active');
    await putRecord(ctx, 'steps', stepFromPlan(next, id, author, ctx.now), null);
    return undoable(ctx, 'reactivate', row.company);
  });
}

export function addStep(dossierId: string, plan: NextPlan, author: string): Promise<Step> {
  return runWrite(author, async (ctx) => {
    await requireRow(ctx, dossierId);
    const step = stepFromPlan(plan, dossierId, author, ctx.now);
    await putRecord(ctx, 'steps', step, null);
    return step;
  });
}

/** Edits a step; marking the last open step of an active dossier done is refused (use refile). */
export function updateStep(ref: StepRef, patch: StepPatch, author: string): Promise<Step> {
  return runWrite(author, async (ctx) => {
    const step = await requireStep(ctx, ref);
    const next: Step = touch({ ...step, ...patch }, author, ctx.now);
    if (patch.date) Object.assign(next, folderFields({ date: patch.date }));
    else if (patch.month) Object.assign(next, folderFields({ month: patch.month }), { time: '' });
    if (patch.done !== undefined && patch.done !== step.done) next.doneAt = patch.done ? ctx.now : '';
    await putRecord(ctx, 'steps', next, step);
    return next;
  });
}

export function deleteStep(ref: StepRef, author: string): Promise<void> {
  return runWrite(author, async (ctx) => {
    const step = await requireStep(ctx, ref);
    const row = await requireRow(ctx, step.dossierId);
    const otherOpen = (await stepsIn(ctx, row.id)).some((s) => !s.done && s.id !== step.id);
    if (row.status === 'active' && !step.done && !otherOpen) {
      throw new DataError(
        `This is the last planned step of "${row.company}": plan the next one first, or archive the dossier`,
        'last-open-step',
      );
    }
    await deleteRecord(ctx, 'steps', step);
  });
}
