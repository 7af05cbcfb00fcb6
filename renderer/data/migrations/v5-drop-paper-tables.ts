/** Schema version 5: the tables version 4 filed into the papers go. */
import type { Migration } from './migration';

export const v5: Migration = { version: 5, stores: { contacts: null, invoices: null, historyLogs: null } };
