/**
 * Opening a month folder when its month comes: its dossiers are spread over the month's
 * working days by the shared rule (shared/dates/month-spread.ts), against the day loads
 * already in the binder, and the manager applies the proposal in one undoable action.
 */
import { monthOf, todayKey } from '../../shared/dates/calendar-day';
import { spreadOverMonth } from '../../shared/dates/month-spread';
import { workCalendarFrom } from '../../shared/dates/working-days';
import { isMonthKey } from '../../shared/model/filing';
import type { Settings } from '../../shared/model/settings';
import { getDb } from './db';
import { getFolder, getFolderCounts } from './binder-repo';
import { changedStep } from './plans';
import type { MonthAssignment, MonthOpeningProposal, UndoInfo } from './types';
import { paperRecord, putRecord, runWrite, undoable } from './write-context';

/**
 * A day for every dossier filed under `month` (VIP clients first, then by company). As in
 * spreadOverMonth, a dossier that does not fit under capacity still gets the lightest day
 * and is listed in `overflow`, so the manager sees which days would be overloaded.
 */
export async function proposeMonthOpening(
  month: string,
  settings: Pick<Settings, 'capacity' | 'workingWeek' | 'holidays' | 'extraWorkingDays'>,
  today: string = todayKey(),
): Promise<MonthOpeningProposal> {
  const rows = (await getFolder(month)).sort((a, b) => Number(b.vip) - Number(a.vip));
  const papers = await getDb().papers.where('openKeys').equals(month).toArray();
  const stepOf = new Map<string, string>();
  for (const s of papers.flatMap((p) => p.steps)) if (!s.done && s.month === month && !stepOf.has(s.dossierId)) stepOf.set(s.dossierId, s.id);
  const items = rows.filter((r) => stepOf.has(r.id));
  const spread = spreadOverMonth(items, month, workCalendarFrom(settings), settings.capacity, await getFolderCounts(), today);
  return {
    assignments: items.map((r) => ({ dossierId: r.id, stepId: stepOf.get(r.id)!, date: spread.assignments.get(r.id)! })),
    overflow: spread.overflow,
  };
}

/** Moves each assigned month step to its day, in one transaction (undoable as one action). */
export function applyMonthOpening(assignments: MonthAssignment[], author: string): Promise<UndoInfo> {
  return runWrite(author, async (ctx) => {
    for (const a of assignments) {
      const step = await paperRecord(ctx, 'steps', a.dossierId, a.stepId);
      // A step refiled or completed since the proposal was made is left as the manager set it.
      if (!step || step.done || !step.month) continue;
      await putRecord(ctx, 'steps', changedStep(step, { date: a.date }, author, ctx.now), step);
    }
    return undoable(ctx, 'move', String(assignments.length));
  });
}

/** Month folders that are due to be opened: the current month or earlier, still holding dossiers. */
export async function pendingMonthOpenings(today: string): Promise<string[]> {
  const current = monthOf(today);
  const counts = await getFolderCounts();
  return [...counts.keys()].filter((k) => isMonthKey(k) && k <= current).sort();
}
