/**
 * Schema version 1: a table per kind of record, the dossier rows with their derived
 * fields and a multiEntry index over their search words.
 */
import type { Migration } from './migration';

export const v1: Migration = {
  version: 1,
  stores: {
    // fileKey: the binder (today's folder is one range); *words: prefix search;
    // owner/company/updatedAt/lastContactAt/status: list filters and sorting.
    dossiers: 'id, fileKey, *words, owner, company, updatedAt, lastContactAt, status',
    contacts: 'id, dossierId',
    // No separate dossierId index: Dexie serves where('dossierId') from the compound
    // index's first part (a virtual index), and 1M history rows make every index costly.
    history: 'id, [dossierId+at], at',
    steps: 'id, dossierId, date, month',
    invoices: 'id, dossierId, dueOn',
    folderCounts: 'key',
    kv: 'key',
    snapshots: 'id, createdAt',
  },
};
