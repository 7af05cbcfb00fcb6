/**
 * Handovers and reassignment over time: the cover of a leave and its end, and the rule that
 * a client is rotated to another manager at most once a year.
 */
import { addMonths, compareDays } from '../dates/calendar-day';
import type { Dossier } from '../model/records';

type Cover = Pick<Dossier, 'coveredFor' | 'coveredUntil' | 'coveredFrom'>;

export type CoverState = 'none' | 'upcoming' | 'active' | 'hand-back';

/**
 * Where a covered dossier stands today. The cover runs [coveredFrom, coveredUntil], both
 * inclusive. From its last day on the colleague is reminded to hand the dossier back, so the
 * return is ready on the manager's first day back; it stays "hand-back" until the return
 * is imported (which clears the cover).
 */
export function coverState(d: Cover, today: string): CoverState {
  if (!d.coveredFor) return 'none';
  if (d.coveredFrom && compareDays(today, d.coveredFrom) < 0) return 'upcoming';
  if (!d.coveredUntil || compareDays(today, d.coveredUntil) < 0) return 'active';
  return 'hand-back';
}

export function isHandBackDue(d: Cover, today: string): boolean {
  return coverState(d, today) === 'hand-back';
}

/** One owner-history entry: the day the dossier left `owner`. */
export function ownerHistoryEntry(day: string, owner: string): string {
  return `${day} ${owner}`;
}

export function parseOwnerHistoryEntry(entry: string): { day: string; owner: string } | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}) (.*)$/.exec(entry);
  return m ? { day: m[1]!, owner: m[2]! } : undefined;
}

/** The last day the dossier changed owner permanently, or undefined when it never did. */
export function lastRotation(ownerHistory: readonly string[] | undefined): string | undefined {
  let last: string | undefined;
  for (const e of ownerHistory ?? []) {
    const p = parseOwnerHistoryEntry(e);
    if (p && (last === undefined || p.day > last)) last = p.day;
  }
  return last;
}

/**
 * Rotation at most once a year: reassigning a client whose last rotation was less than 12
 * months before today warns (on the same day number a year later it no longer does).
 */
export function rotationWarning(d: Pick<Dossier, 'ownerHistory'>, today: string): { lastRotation: string } | undefined {
  const last = lastRotation(d.ownerHistory);
  if (last === undefined) return undefined;
  return compareDays(addMonths(last, 12), today) > 0 ? { lastRotation: last } : undefined;
}

/** The dossier's fields after a permanent reassignment: new owner, old one in the history, any cover ended. */
export function reassign<T extends Pick<Dossier, 'owner' | 'ownerHistory'>>(d: T, to: string, today: string): Pick<Dossier, 'owner' | 'ownerHistory' | 'coveredFor' | 'coveredUntil' | 'coveredFrom'> {
  const history = d.owner && d.owner !== to ? [...(d.ownerHistory ?? []), ownerHistoryEntry(today, d.owner)] : d.ownerHistory;
  return { owner: to, ownerHistory: history?.length ? history : undefined, coveredFor: '', coveredUntil: '', coveredFrom: undefined };
}
