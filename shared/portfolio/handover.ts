/**
 * Handovers and reassignment over time: the cover of a leave and its end, and the rule that
 * a client is rotated to another manager at most once a year.
 */
import { addMonths, compareDays } from '../dates/calendar-day';
import type { Dossier } from '../model/records';

type Cover = Pick<Dossier, 'coveredFor' | 'coveredUntil' | 'coveredFrom'>;

/** The fields a handover writes: who is on leave (in the colleague's copy), who covers, the leave. */
export type CoverFields = Pick<Dossier, 'coveredFor' | 'coveredUntil' | 'coveredFrom' | 'coveredBy'>;

/** A dossier's cover fields once no cover is left (absent optional fields keep the content hash). */
export const NO_COVER: CoverFields = { coveredFor: '', coveredUntil: '', coveredFrom: undefined, coveredBy: undefined };

export function coverOf(d: CoverFields): CoverFields {
  return { coveredFor: d.coveredFor, coveredUntil: d.coveredUntil, coveredFrom: d.coveredFrom, coveredBy: d.coveredBy };
}

export function hasCover(d: CoverFields): boolean {
  return !!(d.coveredFor || d.coveredUntil || d.coveredFrom || d.coveredBy);
}

/**
 * In the owner's own binder: the colleague who holds the dossier during a leave, and until
 * when (the last day of the leave), until the return is imported.
 */
export function handedOverTo(d: CoverFields): { to: string; until: string } | undefined {
  return d.coveredBy && !d.coveredFor ? { to: d.coveredBy, until: d.coveredUntil } : undefined;
}

/** The cover a handover for `owner`'s leave [from, until] writes into the colleague's copy and the owner's binder. */
export function handoverCover(owner: string, colleague: string, from: string, until: string): { copy: CoverFields; home: CoverFields } {
  return {
    copy: { coveredFor: owner, coveredBy: colleague, coveredFrom: from, coveredUntil: until },
    home: { coveredFor: '', coveredBy: colleague, coveredFrom: from, coveredUntil: until },
  };
}

/**
 * Whether an incoming dossier is a covered one coming home: it arrives marked "covered for …"
 * into a binder where it is not (the owner's). A binder that itself covers the dossier (the
 * colleague's, getting a second handover) is no home for it.
 */
export function isReturn(here: CoverFields, incoming: CoverFields): boolean {
  return incoming.coveredFor !== '' && here.coveredFor === '';
}

/**
 * The colleague's hand-backs due today, one per manager on leave: the dossiers covered for
 * them whose cover has ended, and the last day of that cover.
 */
export function handBacksDue<T extends CoverFields & { id: string; status?: string }>(dossiers: Iterable<T>, today: string): { owner: string; ended: string; ids: string[] }[] {
  const due = new Map<string, { owner: string; ended: string; ids: string[] }>();
  for (const d of dossiers) {
    if (d.status === 'archived' || !isHandBackDue(d, today)) continue;
    const g = due.get(d.coveredFor) ?? { owner: d.coveredFor, ended: d.coveredUntil, ids: [] };
    g.ids.push(d.id);
    if (d.coveredUntil > g.ended) g.ended = d.coveredUntil;
    due.set(d.coveredFor, g);
  }
  return [...due.values()].sort((a, b) => a.owner.localeCompare(b.owner));
}

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
export function reassign<T extends Pick<Dossier, 'owner' | 'ownerHistory'>>(d: T, to: string, today: string): Pick<Dossier, 'owner' | 'ownerHistory'> & CoverFields {
  const history = d.owner && d.owner !== to ? [...(d.ownerHistory ?? []), ownerHistoryEntry(today, d.owner)] : d.ownerHistory;
  return { owner: to, ownerHistory: history?.length ? history : undefined, ...NO_COVER };
}
