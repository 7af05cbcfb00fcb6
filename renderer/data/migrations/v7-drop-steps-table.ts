/** Schema version 7: the steps table goes (version 6 filed the steps into the papers). */
import type { Migration } from './migration';

export const v7: Migration = { version: 7, stores: { steps: null } };
