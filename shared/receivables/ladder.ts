/**
 * The overdue ladder of the source articles as a configurable procedure, like dunning
 * levels in accounting systems: each level has the days overdue from which it applies.
 * Moving a debt (up, down, onto hold) is a decision of the manager; this module says which
 * level the days suggest, whether a move is allowed, and what the move files next.
 */
import { addDays, diffDays } from '../dates/calendar-day';
import { nextWorkingDay, type WorkCalendar } from '../dates/working-days';
import { derivedId } from './payment-steps';
import { LADDER_LEVELS, type Instalment, type Invoice, type LadderLevel, type NegotiationReason, type SolutionKind, type StepKind } from '../model/records';
import { toCents } from './open-amount';

export interface LadderRung {
  level: LadderLevel;
  /** Days overdue from which this level is due. */
  fromDays: number;
  /** The kind of the step a debt at this level files. */
  stepKind: StepKind;
}

export type Ladder = readonly LadderRung[];

/** Defaults from the articles' practice: remind at once, talk within a week, settle within a month, then claim, then court. */
export const DEFAULT_LADDER: Ladder = [
  { level: 'reminder', fromDays: 1, stepKind: 'call' },
  { level: 'negotiation', fromDays: 8, stepKind: 'meeting' },
  { level: 'solution', fromDays: 15, stepKind: 'task' },
  { level: 'claim', fromDays: 31, stepKind: 'letter' },
  { level: 'court', fromDays: 61, stepKind: 'task' },
];

/** A ladder with thresholds that rise with the levels (a settings form may send them in any order or with gaps). */
export function normalizeLadder(rungs: readonly Partial<LadderRung>[]): Ladder {
  let floor = 1;
  return LADDER_LEVELS.map((level, i) => {
    const given = rungs.find((r) => r.level === level);
    const fromDays = Math.max(floor, Math.round(given?.fromDays ?? DEFAULT_LADDER[i]!.fromDays));
    floor = fromDays + 1;
    return { level, fromDays, stepKind: given?.stepKind ?? DEFAULT_LADDER[i]!.stepKind };
  });
}

export function levelIndex(level: LadderLevel | undefined): number {
  return level === undefined ? -1 : LADDER_LEVELS.indexOf(level);
}

export function daysOverdue(invoice: Pick<Invoice, 'dueOn'>, today: string): number {
  return Math.max(0, diffDays(today, invoice.dueOn));
}

/** The highest level whose threshold the days overdue reached; undefined before the first. */
export function suggestedLevel(days: number, ladder: Ladder = DEFAULT_LADDER): LadderLevel | undefined {
  let found: LadderLevel | undefined;
  for (const r of ladder) if (days >= r.fromDays) found = r.level;
  return found;
}

/** The level after the invoice's current one (undefined at court). */
export function nextLevel(level: LadderLevel | undefined): LadderLevel | undefined {
  return LADDER_LEVELS[levelIndex(level) + 1];
}

export function previousLevel(level: LadderLevel | undefined): LadderLevel | undefined {
  const i = levelIndex(level);
  return i <= 0 ? undefined : LADDER_LEVELS[i - 1];
}

/** What a move records: the negotiation's reason and the solution's kind are asked for, not guessed. */
export interface LadderDetail {
  reason?: NegotiationReason;
  solution?: SolutionKind;
  /** The new payment schedule's instalments (the 'schedule' solution): each files its own payment step. */
  instalments?: Instalment[];
}

export type MoveRefusal = 'on-hold' | 'not-overdue' | 'same-level' | 'needs-reason' | 'needs-solution' | 'needs-schedule' | 'skips-level';

export type ScheduleIssue = 'invalid' | 'mismatch';

/** Whether a schedule can replace the open amount: every instalment dated and above 0, together exactly what is open. */
export function checkSchedule(instalments: readonly Instalment[], openCents: number): ScheduleIssue | undefined {
  if (instalments.length === 0 || instalments.some((i) => !/^\d{4}-\d{2}-\d{2}$/.test(i.dueOn) || !(i.amount > 0))) return 'invalid';
  return instalments.reduce((a, i) => a + toCents(i.amount), 0) === openCents ? undefined : 'mismatch';
}

/**
 * Whether the debt may move to `to`: not while on hold, not before it is overdue, one level
 * up at a time (the articles' order: a claim letter comes after a solution was sought),
 * down any number; the negotiation needs its reason and the solution its kind.
 */
export function checkMove(invoice: Invoice, to: LadderLevel, detail: LadderDetail, today: string): MoveRefusal | undefined {
  if (invoice.holdReason) return 'on-hold';
  if (daysOverdue(invoice, today) < 1) return 'not-overdue';
  const from = levelIndex(invoice.ladderLevel);
  const target = levelIndex(to);
  if (target === from) return 'same-level';
  if (target > from + 1) return 'skips-level';
  if (to === 'negotiation' && target > from && !detail.reason && !invoice.negotiationReason) return 'needs-reason';
  if (to === 'solution' && target > from && !detail.solution) return 'needs-solution';
  if (detail.solution === 'schedule' && !detail.instalments?.length) return 'needs-schedule';
  return undefined;
}

/** The invoice at its new level, with the reason and solution recorded. */
export function movedInvoice(invoice: Invoice, to: LadderLevel, detail: LadderDetail): Invoice {
  const out: Invoice = { ...invoice, ladderLevel: to };
  if (detail.reason) out.negotiationReason = detail.reason;
  if (detail.solution) out.solutionKind = detail.solution;
  // Instalments fall due in date order: payments cover them first to last (plannedPayments).
  if (detail.instalments?.length) out.instalments = [...detail.instalments].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return out;
}

/**
 * When the step a level files is due: the next working day from tomorrow, or, for the step
 * that prepares the following level, the day that level's threshold is reached if later.
 */
export function nextStepDay(invoice: Pick<Invoice, 'dueOn'>, level: LadderLevel, today: string, cal: WorkCalendar, ladder: Ladder = DEFAULT_LADDER): string {
  const soonest = nextWorkingDay(addDays(today, 1), cal);
  const following = ladder[levelIndex(level) + 1];
  if (!following) return soonest;
  const reached = nextWorkingDay(addDays(invoice.dueOn, following.fromDays), cal);
  return level === 'solution' || level === 'negotiation' ? (reached > soonest ? reached : soonest) : soonest;
}

/**
 * The id of the step a debt's ladder level files: one per invoice, so a move replaces the
 * step the level before filed instead of leaving it open beside the new one.
 */
export function ladderStepId(invoiceId: string): string {
  return derivedId(invoiceId, 'ladder');
}

export function stepKindOf(level: LadderLevel, ladder: Ladder = DEFAULT_LADDER): StepKind {
  return ladder.find((r) => r.level === level)?.stepKind ?? 'task';
}

/** The ladder of the settings' thresholds (`ladderDays`, one per level in order; missing ones take the defaults). */
export function ladderFromDays(days: readonly number[]): Ladder {
  return normalizeLadder(LADDER_LEVELS.map((level, i) => ({ level, fromDays: days[i] })));
}
