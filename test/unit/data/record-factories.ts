/** Plain stored records for tests that seed a database directly (sequential UUIDs, fixed stamps). */
import type { DossierRow } from '../../../renderer/data/db';
import type { Contact, HistoryEntry, Invoice, Step } from '../../../shared/model/records';

export const meta = { createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-01T00:00:00Z', author: 'Anna', syncBase: '' };
let n = 0;
export const uuid = (): string => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

export function dossier(company: string, over: Partial<DossierRow> = {}): DossierRow {
  return {
    ...meta, id: uuid(), company, taxId: '', industry: '', segment: '', territory: '', vip: false, owner: 'Anna',
    tags: [], customFields: {}, notes: '', status: 'active', coveredFor: '', coveredUntil: '', words: [], ...over,
  };
}

export function step(dossierId: string, over: Partial<Step>): Step {
  return {
    ...meta, id: uuid(), dossierId, kind: 'call', title: '', date: '', month: '', time: '', durationMin: 0,
    remindMin: -1, done: false, doneAt: '', ...over,
  };
}

export function entry(dossierId: string, at: string, summary: string): HistoryEntry {
  return { ...meta, id: uuid(), dossierId, at, kind: 'call', outcome: 'reached', summary };
}

export function contact(dossierId: string, name: string): Contact {
  return { ...meta, id: uuid(), dossierId, name, position: '', phones: ['+7 916 123-45-67'], emails: [], decisionMaker: false, note: '' };
}

export function invoice(dossierId: string, dueOn: string): Invoice {
  return { ...meta, id: uuid(), dossierId, number: `N-${dueOn}`, basis: '', amount: 1000, currency: 'RUB', issuedOn: '', dueOn, paidOn: '' };
}
