/**
 * Turning a NextPlan (what the refile dialog, the calendar and prospecting ask for) into a
 * Step record, and re-placing a step in another folder. Validation happens here so that a
 * bad date can never reach the binder.
 */
import { isDayKey, isMonthKey } from '../../shared/model/filing';
import { stamp, touch } from '../../shared/model/new-record';
import { TIME_RE, type Step } from '../../shared/model/records';
import { DataError, type FolderTarget, type NextPlan, type StepChange } from './types';

function checkTarget(t: { date?: string; month?: string }): void {
  if (t.date !== undefined && !isDayKey(t.date)) throw new DataError(`Not a date: "${t.date}"`, 'invalid');
  if (t.month !== undefined && !isMonthKey(t.month)) throw new DataError(`Not a month: "${t.month}"`, 'invalid');
}

function checkTime(time: string | undefined): void {
  if (time !== undefined && time !== '' && !TIME_RE.test(time)) throw new DataError(`Not a time: "${time}"`, 'invalid');
}

/** The folder fields of a step filed under `target` (a day clears the month and vice versa). */
export function folderFields(target: FolderTarget): Pick<Step, 'date' | 'month'> {
  checkTarget(target);
  return 'date' in target ? { date: target.date, month: '' } : { date: '', month: target.month };
}

export function stepFromPlan(plan: NextPlan, dossierId: string, author: string, now: string): Step {
  checkTime(plan.time);
  return stamp(
    {
      dossierId,
      kind: plan.kind,
      title: plan.title ?? '',
      ...folderFields(plan),
      // A month step has no hour: "sometime in July" cannot be at 10:00.
      time: 'date' in plan ? (plan.time ?? '') : '',
      durationMin: plan.durationMin ?? 0,
      remindMin: plan.remindMin ?? -1,
      done: false,
      doneAt: '',
    },
    author,
    now,
  );
}

/** The step after a calendar drag or a time edit. */
export function changedStep(step: Step, change: StepChange, author: string, now: string): Step {
  checkTime(change.time);
  const next: Step = touch({ ...step }, author, now);
  if (change.date !== undefined) Object.assign(next, folderFields({ date: change.date }));
  else if (change.month !== undefined) Object.assign(next, folderFields({ month: change.month }), { time: '' });
  if (change.time !== undefined) next.time = change.time;
  if (change.durationMin !== undefined) next.durationMin = change.durationMin;
  return next;
}

export function doneStep(step: Step, author: string, now: string): Step {
  return { ...touch(step, author, now), done: true, doneAt: now };
}
