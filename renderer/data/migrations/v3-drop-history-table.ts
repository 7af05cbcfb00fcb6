/** Schema version 3: version 1's per-entry history table goes (version 2 copied it into the logs). */
import type { Migration } from './migration';

export const v3: Migration = { version: 3, stores: { history: null } };
