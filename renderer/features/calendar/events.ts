/**
 * Pure helpers between the data layer's CalendarItems and react-big-calendar: the visible
 * range of a view (what to ask the repository for), events with precomputed Dates (so the
 * calendar's accessors are plain property reads), and the month view's per-day cap that
 * keeps a cell readable and the render cheap when a day holds hundreds of calls.
 */
import type { CalendarItem } from '../../data/calendar-repo';
import type { StepKind } from '../../../shared/model/records';

export type CalendarView = 'month' | 'week' | 'day' | 'agenda';
export const VIEWS: readonly CalendarView[] = ['month', 'week', 'day', 'agenda'];
/** Days the agenda lists from its date: a fortnight is the planning horizon that matters. */
export const AGENDA_DAYS = 14;
/** Items a month cell lists before a "+N more" entry that drills into the day. */
export const MONTH_CELL_ITEMS = 4;
const DEFAULT_MEETING_MIN = 60;
const DEFAULT_CALL_MIN = 30;

export interface CalendarEvent {
  id: string;
  title: string;
  start: Date;
  end: Date;
  allDay: boolean;
  kind: StepKind | 'more';
  /** The step behind the event; absent for the "+N more" entry. */
  item?: CalendarItem;
  /** For "+N more": how many items are hidden and which day they are on. */
  hidden?: number;
  day?: string;
}

export function dayKeyOf(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function timeOf(d: Date): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export function dateOfKey(day: string, time = ''): Date {
  const [y, m, d] = day.split('-').map(Number);
  const [h, mi] = (time || '00:00').split(':').map(Number);
  return new Date(y!, m! - 1, d!, h!, mi!);
}

function addDaysTo(d: Date, n: number): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);
}

/** Monday-first week start (both locales the app ships start weeks on Monday). */
function weekStart(d: Date): Date {
  return addDaysTo(d, -((d.getDay() + 6) % 7));
}

/**
 * The days a view shows around `date`, as inclusive day keys, with a one-day margin so
 * events near midnight and the month grid's leading and trailing weeks are covered.
 */
export function visibleRange(view: CalendarView, date: Date): { from: string; to: string } {
  let from: Date;
  let to: Date;
  if (view === 'month') {
    from = weekStart(new Date(date.getFullYear(), date.getMonth(), 1));
    to = addDaysTo(weekStart(new Date(date.getFullYear(), date.getMonth() + 1, 0)), 6);
  } else if (view === 'week') {
    from = weekStart(date);
    to = addDaysTo(from, 6);
  } else if (view === 'day') {
    from = to = date;
  } else {
    from = date;
    to = addDaysTo(date, AGENDA_DAYS - 1);
  }
  return { from: dayKeyOf(addDaysTo(from, -1)), to: dayKeyOf(addDaysTo(to, 1)) };
}

/** A timed step without a duration still needs a visible block: a call half an hour, a meeting an hour. */
export function displayDuration(item: Pick<CalendarItem, 'durationMin' | 'kind'>): number {
  if (item.durationMin > 0) return item.durationMin;
  return item.kind === 'meeting' ? DEFAULT_MEETING_MIN : DEFAULT_CALL_MIN;
}

export function toEvent(item: CalendarItem): CalendarEvent {
  const start = dateOfKey(item.date, item.time);
  const allDay = !item.time;
  const end = allDay ? start : new Date(start.getTime() + displayDuration(item) * 60_000);
  const title = item.title ? `${item.company} — ${item.title}` : item.company;
  return { id: item.id, title, start, end, allDay, kind: item.kind, item };
}

/**
 * The agenda lists a day's items by their start, and an all-day item starts at midnight:
 * 25 untimed calls would stand before the 14:00 meeting. Here they start at the day's last
 * minute instead, so the timed items come first in time order and the all-day ones after.
 */
export function agendaEvents(events: readonly CalendarEvent[]): CalendarEvent[] {
  const timed = events.filter((e) => !e.allDay);
  // The agenda's sort is stable: all-day items of a day keep this A-Z order among themselves.
  const allDay = events.filter((e) => e.allDay).sort((a, b) => collator.compare(a.title, b.title));
  return [
    ...timed,
    ...allDay.map((e) => {
      const lastMinute = new Date(e.start.getFullYear(), e.start.getMonth(), e.start.getDate(), 23, 59);
      return { ...e, start: lastMinute, end: lastMinute };
    }),
  ];
}

const collator = new Intl.Collator(['ru', 'ro', 'en'], { sensitivity: 'base', numeric: true });

/**
 * Month view: at most `cap` entries per day; a fuller day shows its first items (in date
 * and time order) and one "+N more" entry. `totals` gives each day's full count when
 * `items` holds only the first few of each day (the month digest).
 */
export function monthEvents(items: readonly CalendarItem[], cap = MONTH_CELL_ITEMS, totals?: ReadonlyMap<string, { items: number }>): CalendarEvent[] {
  const out: CalendarEvent[] = [];
  let i = 0;
  while (i < items.length) {
    const day = items[i]!.date;
    let j = i;
    while (j < items.length && items[j]!.date === day) j++;
    const count = Math.max(j - i, totals?.get(day)?.items ?? 0);
    const shown = count > cap ? cap - 1 : count;
    for (let k = i; k < i + shown; k++) out.push(toEvent(items[k]!));
    if (count > shown) {
      // Timed at the day's last minute so the grid sorts it after the items it stands for
      // (the month grid shows no hours, so the time itself never appears).
      const start = dateOfKey(day, '23:58');
      const end = dateOfKey(day, '23:59');
      out.push({ id: `more:${day}`, title: '', start, end, allDay: false, kind: 'more', hidden: count - shown, day });
    }
    i = j;
  }
  return out;
}

/** What a drop means for the step: another day, and an hour unless dropped on the all-day row. */
export function changeForDrop(event: CalendarEvent, start: Date, isAllDay: boolean | undefined, view: CalendarView): { date: string; time?: string } {
  const date = dayKeyOf(start);
  // The month grid has no hours: moving there keeps the step's own time (or lack of one).
  if (view === 'month') return { date };
  if (isAllDay) return { date, time: '' };
  const time = timeOf(start);
  return event.item && event.item.time === time ? { date } : { date, time };
}
