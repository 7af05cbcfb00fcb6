/**
 * Schema version 4: each dossier's contacts, invoices and history log become one stored
 * value, its papers (IndexedDB charges per record, so a dossier read or written whole is
 * one record instead of dozens). Version 5 drops the old tables.
 */
import { fileIntoPapers, recordsOfKind, type PaperSource } from './file-into-papers';
import type { Migration } from './migration';

interface HistoryLogV3 {
  dossierId: string;
  entries: { id: string; dossierId: string }[];
}

const LOGS: PaperSource = { table: 'historyLogs', index: ':id', file: (p, logs: HistoryLogV3[]) => ({ ...p, history: logs[0]!.entries }) };

/** What version 4 files into the papers, exported for the range-walk test. */
export const PAPERS_V4: readonly PaperSource[] = [LOGS, recordsOfKind('contacts', 'contacts'), recordsOfKind('invoices', 'invoices')];

export const v4: Migration = {
  version: 4,
  stores: { papers: 'dossierId' },
  upgrade: (tx) => fileIntoPapers(tx, PAPERS_V4),
};
