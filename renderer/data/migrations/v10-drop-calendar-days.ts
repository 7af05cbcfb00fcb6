/** Schema version 10: the calendar's day values go (version 9 moved their items into shards). */
import type { Migration } from './migration';

export const v10: Migration = { version: 10, stores: { calendarDays: null } };
