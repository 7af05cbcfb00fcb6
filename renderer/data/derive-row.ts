/**
 * The one derivation of a stored DossierRow from its records. Every write path (single
 * edits, refiling, undo, bulk import, repair) goes through deriveRow, so the binder, the
 * search index and the counters can never disagree with the steps and contacts.
 * Pure: no Dexie here, so it is shared by the repositories and the bulk loader alike.
 */
import { earliestOpenStep, stepKey } from '../../shared/model/filing';
import { formatPhone } from '../../shared/model/phone';
import type { Contact, Dossier, HistoryEntry, Step } from '../../shared/model/records';
import { searchWords } from '../../shared/model/search-words';
import type { DossierRow } from './db';
import { calendarDatesOf } from './calendar-days';

/** Fields of DossierRow that are derived and must never be taken from an older row. */
const DERIVED_KEYS = [
  'fileKey',
  'nextKind',
  'nextTime',
  'nextTitle',
  'lastContactAt',
  'lastSummary',
  'primaryName',
  'primaryPhone',
  'words',
  'calendarDates',
] as const satisfies readonly (keyof DossierRow)[];

const DERIVED = new Set<string>(DERIVED_KEYS);

/**
 * The dossier record itself (what a workbook carries), without the derived fields. Built
 * by copying the other fields rather than deleting from a copy: V8 turns an object that
 * loses a property into a slow dictionary, and the portfolio screen reads 100,000 of these
 * (a field read on them cost several times a plain one: most of the ABC analysis' time).
 */
export function baseDossier(row: Dossier | DossierRow): Dossier {
  const copy: Record<string, unknown> = {};
  const from = row as unknown as Record<string, unknown>;
  for (const k of Object.keys(from)) if (!DERIVED.has(k)) copy[k] = from[k];
  return copy as unknown as Dossier;
}

/**
 * The contact shown on the folder line: the decision maker if there is one, else the
 * first contact entered (a dossier's first contact is usually who the manager talks to).
 */
export function primaryContact(contacts: Contact[]): Contact | undefined {
  let best: Contact | undefined;
  for (const c of contacts) {
    if (best === undefined) best = c;
    else if (c.decisionMaker !== best.decisionMaker) best = c.decisionMaker ? c : best;
    else if (c.createdAt < best.createdAt) best = c;
  }
  return best;
}

export type LastContact = Pick<HistoryEntry, 'at' | 'summary'> | undefined;

export function deriveRow(dossier: Dossier, steps: Step[], contacts: Contact[], last: LastContact): DossierRow {
  const row: DossierRow = { ...baseDossier(dossier), words: searchWords(dossier, contacts) };
  // Archived dossiers have no folder: they leave the fileKey index and the counters.
  const next = dossier.status === 'active' ? earliestOpenStep(steps) : undefined;
  if (next) {
    row.fileKey = stepKey(next);
    row.nextKind = next.kind;
    row.nextTime = next.time;
    row.nextTitle = next.title;
    const dates = calendarDatesOf(steps);
    if (dates.length > 0) row.calendarDates = dates;
  }
  // '' (not undefined) when never contacted, so the row stays in the lastContactAt index
  // and a list sorted by last contact shows every dossier.
  row.lastContactAt = last?.at ?? '';
  if (last) row.lastSummary = last.summary;
  const primary = primaryContact(contacts);
  if (primary) {
    row.primaryName = primary.name;
    const phone = primary.phones[0];
    if (phone) row.primaryPhone = formatPhone(phone);
  }
  return row;
}
