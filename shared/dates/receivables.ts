/**
 * Receivables timing. A payment reminder goes out 3 working days before the due date (the
 * method in the source articles). Aging: not yet due is 'current', or 'due-soon' from the
 * reminder day through the due date; after it, the days overdue bucket as 1-30, 31-60,
 * 61-90, 90+.
 */
import { diffDays } from './calendar-day';
import { addWorkingDays, DEFAULT_WORK_CALENDAR, type WorkCalendar } from './working-days';

export const REMINDER_WORKING_DAYS = 3;

export type AgingBucket = 'current' | 'due-soon' | '1-30' | '31-60' | '61-90' | '90+';

export const AGING_BUCKETS: readonly AgingBucket[] = ['current', 'due-soon', '1-30', '31-60', '61-90', '90+'];

export function paymentReminderDay(dueOn: string, cal: WorkCalendar): string {
  return addWorkingDays(dueOn, -REMINDER_WORKING_DAYS, cal);
}

export function agingBucket(dueOn: string, today: string, cal: WorkCalendar = DEFAULT_WORK_CALENDAR): AgingBucket {
  const overdueDays = diffDays(today, dueOn);
  if (overdueDays <= 0) return today >= paymentReminderDay(dueOn, cal) ? 'due-soon' : 'current';
  if (overdueDays <= 30) return '1-30';
  if (overdueDays <= 60) return '31-60';
  if (overdueDays <= 90) return '61-90';
  return '90+';
}
