/**
 * The calendar: planned open steps by month, week, day and agenda. Meetings and calls at
 * an agreed hour sit in their slots; untimed steps are all-day items. Dragging an item
 * refiles its dossier exactly as the binder does (moveStep), with Undo in the toast.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Calendar, type DateHeaderProps, type EventProps, type SlotInfo, type ToolbarProps, type View } from 'react-big-calendar';
import * as dragAndDrop from 'react-big-calendar/lib/addons/dragAndDrop';
import type { EventInteractionArgs } from 'react-big-calendar/lib/addons/dragAndDrop';
import 'react-big-calendar/lib/css/react-big-calendar.css';
import 'react-big-calendar/lib/addons/dragAndDrop/styles.css';
import './calendar.css';
import { isWorkingDay, workCalendarFrom } from '../../../shared/dates/working-days';
import { STEP_KINDS, type StepKind } from '../../../shared/model/records';
import { getMonthDigest, getStepsInRange, loadByDay, type CalendarItem, type MonthDigest } from '../../data/calendar-repo';
import { moveStep, undoLast } from '../../data/refile';
import type { ScreenProps } from '../../routes';
import { now } from '../../ui/clock';
import { formatDay } from '../../ui/format';
import { isTyping } from '../../ui/is-typing';
import { navigate } from '../../ui/router';
import { useAuthor, useSettings } from '../../ui/settings-context';
import { useToast } from '../../ui/toast';
import { NewDossierDialog } from '../dossier/new-dossier-dialog';
import {
  changeForDrop,
  dateOfKey,
  dayKeyOf,
  monthEvents,
  timeOf,
  toEvent,
  visibleRange,
  VIEWS,
  AGENDA_DAYS,
  agendaEvents,
  MONTH_CELL_ITEMS,
  type CalendarEvent,
  type CalendarView,
} from './events';
import { cultureOf, formats, localizer } from './localizer';
import { memoizeText } from './memoize-text';
import { unwrapDefault } from './cjs-default';
import { MonthView } from './month-view';

const DnDCalendar = unwrapDefault<typeof dragAndDrop.default>(dragAndDrop)<CalendarEvent>(Calendar);

/** The library's views, the month one laid out in a single pass (see month-view.ts). */
const CALENDAR_VIEWS = { month: MonthView, week: true, day: true, agenda: true };

interface Loaded {
  items: CalendarItem[];
  totals?: MonthDigest['totals'];
}

const VIEW_KEYS: Record<string, CalendarView> = { KeyM: 'month', KeyW: 'week', KeyD: 'day', KeyA: 'agenda' };

/** Day loads and capacity reach the month cells' headers through context-free closures. */
interface DayInfo {
  load: Map<string, number>;
  capacity: number;
  isOff(day: string): boolean;
  /** A cell's title: its load against capacity, and why it is marked. */
  hint(count: number, off: boolean): string;
}

/** Keys typed into a field, or pressed while a dialog is open, are not the calendar's. */
function notForCalendar(target: EventTarget | null): boolean {
  return isTyping(target) || (target instanceof HTMLElement && !!target.closest('dialog[open]'));
}

export default function CalendarScreen({ params }: ScreenProps) {
  const { t, i18n } = useTranslation('calendar');
  const { settings } = useSettings();
  const author = useAuthor();
  const toast = useToast();
  const [view, setView] = useState<CalendarView>(() => (VIEWS.includes(params[1] as CalendarView) ? (params[1] as CalendarView) : 'month'));
  const [date, setDate] = useState<Date>(() => (params[0] && /^\d{4}-\d{2}-\d{2}$/.test(params[0]) ? dateOfKey(params[0]) : now()));
  const [newAt, setNewAt] = useState<{ date: string; time?: string } | null>(null);

  const { from, to } = visibleRange(view, date);
  const monthly = view === 'month';
  // The month grid reads a digest (a few items per day joined, the rest counted); the
  // other views read every item in their range.
  const live = useLiveQuery(
    async (): Promise<Loaded> => {
      if (!monthly) return { items: await getStepsInRange(from, to) };
      const digest = await getMonthDigest(from, to, MONTH_CELL_ITEMS);
      return { items: digest.items, totals: digest.totals };
    },
    [from, to, monthly],
  );
  // Keep showing the previous range while the next one loads: no flash of an empty grid.
  const last = useRef<Loaded>({ items: [] });
  const loadedOnce = useRef(false);
  if (live) {
    last.current = live;
    loadedOnce.current = true;
  }
  const { items, totals } = live ?? last.current;

  const agenda = view === 'agenda';
  const events = useMemo(() => {
    if (monthly && totals) return monthEvents(items, MONTH_CELL_ITEMS, totals);
    const all = items.map(toEvent);
    return agenda ? agendaEvents(all) : all;
  }, [items, totals, monthly, agenda]);
  const cal = useMemo(() => workCalendarFrom(settings), [settings]);
  const dayInfo = useMemo<DayInfo>(
    () => ({
      load: totals ? new Map([...totals].map(([day, t]) => [day, t.dossiers])) : loadByDay(items),
      capacity: settings.capacity,
      isOff: (day) => !isWorkingDay(day, cal),
      // Forty-odd cells share a handful of counts: each distinct title is translated once.
      hint: memoizeText((count: number, off: boolean) =>
        [t('load', { count, capacity: settings.capacity }), count > settings.capacity ? t('overCapacity') : '', off ? t('nonWorking') : ''].filter(Boolean).join(', '),
      ),
    }),
    [items, totals, settings.capacity, cal, t],
  );
  const dayInfoRef = useRef(dayInfo);
  dayInfoRef.current = dayInfo;

  const messages = useMemo(
    () => ({
      ...(t('rbc', { returnObjects: true }) as Record<string, string>),
      showMore: (count: number) => t('rbc.showMore', { count }),
    }),
    [t],
  );

  const openEvent = useCallback((ev: CalendarEvent) => {
    if (ev.kind === 'more' && ev.day) {
      setDate(dateOfKey(ev.day));
      setView('day');
    } else if (ev.item) navigate('dossier', ev.item.dossierId);
  }, []);

  const move = useCallback(
    async (ev: CalendarEvent, change: { date: string; time?: string; durationMin?: number }) => {
      if (!ev.item) return;
      const company = ev.item.company;
      try {
        await moveStep(ev.item, change, author);
        const time = change.time ?? ev.item.time;
        const when = formatDay(change.date, i18n.language, { weekday: 'short', day: 'numeric', month: 'long' }) + (time ? ` ${time}` : '');
        toast({
          kind: 'success',
          message: t('moved', { company, when }),
          onUndo: async () => {
            await undoLast();
            toast({ message: t('movedUndone') });
          },
        });
      } catch (err) {
        toast({ kind: 'error', message: t('moveFailed', { message: err instanceof Error ? err.message : String(err) }) });
      }
    },
    [author, i18n.language, t, toast],
  );

  const onEventDrop = useCallback(
    ({ event, start, isAllDay }: EventInteractionArgs<CalendarEvent>) => {
      const change = changeForDrop(event, new Date(start), isAllDay, view);
      if (event.item && change.date === event.item.date && change.time === undefined) return;
      void move(event, change);
    },
    [move, view],
  );

  const onEventResize = useCallback(
    ({ event, start, end }: EventInteractionArgs<CalendarEvent>) => {
      const s = new Date(start);
      const durationMin = Math.max(15, Math.round((new Date(end).getTime() - s.getTime()) / 60_000));
      void move(event, { date: dayKeyOf(s), time: timeOf(s), durationMin });
    },
    [move],
  );

  const onSelectSlot = useCallback(
    (slot: SlotInfo) => {
      const timed = view === 'week' || view === 'day';
      const allDaySlot = slot.slots.length <= 1 && slot.start.getTime() === slot.end.getTime();
      setNewAt({ date: dayKeyOf(slot.start), time: timed && !allDaySlot ? timeOf(slot.start) : undefined });
    },
    [view],
  );

  const step = useCallback(
    (dir: -1 | 1) =>
      setDate((d) => {
        if (view === 'month') return new Date(d.getFullYear(), d.getMonth() + dir, 1);
        const days = view === 'week' ? 7 : view === 'agenda' ? AGENDA_DAYS : 1;
        return new Date(d.getFullYear(), d.getMonth(), d.getDate() + dir * days);
      }),
    [view],
  );

  // Screen-wide keys, so the calendar works without the mouse from anywhere on the screen.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || notForCalendar(e.target) || newAt) return;
      if (e.key === 'PageUp' || e.key === 'ArrowLeft') step(-1);
      else if (e.key === 'PageDown' || e.key === 'ArrowRight') step(1);
      else if (e.code === 'KeyT') setDate(now());
      else if (VIEW_KEYS[e.code]) setView(VIEW_KEYS[e.code]!);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step, newAt]);

  // The month grid holds a hundred or more events and forty-odd day headers: they get the
  // screen's `t` and kind labels handed down rather than each subscribing to i18next.
  const moreHint = useMemo(() => memoizeText((count: number) => t('moreHint', { count })), [t]);
  const kindLabel = useMemo(() => Object.fromEntries(STEP_KINDS.map((k) => [k, t(`common:kind.${k}`)])) as Record<StepKind, string>, [t]);
  const components = useMemo(
    () => ({
      toolbar: (p: ToolbarProps<CalendarEvent>) => <Toolbar {...p} onStep={step} />,
      event: (p: EventProps<CalendarEvent>) => <EventContent {...p} t={t} />,
      agenda: { event: (p: EventProps<CalendarEvent>) => <AgendaEvent {...p} kindLabel={kindLabel} /> },
      month: { dateHeader: (p: DateHeaderProps) => <MonthDateHeader {...p} info={dayInfoRef.current} /> },
    }),
    [step, t, kindLabel],
  );

  const dayPropGetter = useCallback((d: Date) => {
    const key = dayKeyOf(d);
    const info = dayInfoRef.current;
    const classes = [];
    if (info.isOff(key)) classes.push('cal-day-off');
    if ((info.load.get(key) ?? 0) > info.capacity) classes.push('cal-day-over');
    return { className: classes.join(' ') };
  }, []);

  // The grid is laid out once, with its items: an empty first layout (the query takes a few
  // milliseconds) would double the work of opening the calendar for nothing on screen.
  if (!loadedOnce.current) return <div className="calendar-screen" data-testid="calendar" aria-busy="true" />;

  return (
    <div className="calendar-screen" data-testid="calendar">
      <DnDCalendar
        localizer={localizer}
        culture={cultureOf(i18n.language)}
        messages={messages}
        formats={formats}
        events={events}
        view={view as View}
        views={CALENDAR_VIEWS}
        onView={(v) => setView(v as CalendarView)}
        date={date}
        onNavigate={(d) => setDate(d)}
        length={AGENDA_DAYS}
        startAccessor="start"
        endAccessor="end"
        allDayAccessor="allDay"
        titleAccessor="title"
        draggableAccessor={(e) => e.kind !== 'more'}
        resizableAccessor={(e) => e.kind !== 'more' && !e.allDay}
        eventPropGetter={(e) => ({ className: `cal-kind-${e.kind}` })}
        dayPropGetter={dayPropGetter}
        onSelectEvent={openEvent}
        onKeyPressEvent={(ev, e) => {
          const key = (e as unknown as ReactKeyboardEvent).key;
          if (key === 'Enter' || key === ' ') openEvent(ev);
        }}
        onEventDrop={onEventDrop}
        onEventResize={onEventResize}
        resizable
        selectable
        onSelectSlot={onSelectSlot}
        popup
        // Overlapping meetings side by side, each readable, instead of cards stacked over each other.
        dayLayoutAlgorithm="no-overlap"
        allDayMaxRows={3}
        scrollToTime={dateOfKey('2000-01-01', '08:00')}
        step={15}
        timeslots={4}
        components={components}
        tooltipAccessor={(e) => (e.kind === 'more' ? moreHint(e.hidden!) : `${kindLabel[e.kind]}: ${e.title}`)}
      />
      {/* Mounted only while open, as the app shell does: a closed dialog is a form's worth of work on every opening of the calendar. */}
      {newAt && <NewDossierDialog open onClose={() => setNewAt(null)} defaultDate={newAt.date} defaultTime={newAt.time} />}
    </div>
  );
}

function Toolbar({ label, view, onView, onNavigate, onStep }: ToolbarProps<CalendarEvent> & { onStep(dir: -1 | 1): void }) {
  const { t } = useTranslation('calendar');
  return (
    <div className="cal-toolbar">
      <div className="cal-nav" role="group">
        <button type="button" className="btn" onClick={() => onNavigate('TODAY')} title="T">
          {t('rbc.today')}
        </button>
        <button type="button" className="btn" onClick={() => onStep(-1)} aria-label={t('rbc.previous')} title="PageUp">
          ‹
        </button>
        <button type="button" className="btn" onClick={() => onStep(1)} aria-label={t('rbc.next')} title="PageDown">
          ›
        </button>
      </div>
      <h1 className="cal-label" aria-live="polite">
        {label}
      </h1>
      <div className="cal-views" role="group" aria-label={t('title')}>
        {VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            className={`btn${view === v ? ' btn-primary' : ''}`}
            aria-pressed={view === v}
            onClick={() => onView(v as View)}
            title={v[0]!.toUpperCase()}
          >
            {t(`rbc.${v}`)}
          </button>
        ))}
      </div>
      <ul className="cal-legend" aria-label={t('legend')}>
        {STEP_KINDS.map((k) => (
          <li key={k}>
            <span className={`cal-swatch cal-kind-${k}`} aria-hidden />
            {t(`common:kind.${k}`)}
          </li>
        ))}
      </ul>
      <p className="cal-shortcuts">{t('shortcuts')}</p>
    </div>
  );
}

type CalendarT = ReturnType<typeof useTranslation<'calendar'>>['t'];

function EventContent({ event, title, t }: EventProps<CalendarEvent> & { t: CalendarT }) {
  if (event.kind === 'more') return <span className="cal-more" tabIndex={0} role="button">{t('more', { count: event.hidden })}</span>;
  return (
    <span className="cal-event" tabIndex={0} role="link" data-step-id={event.id}>
      {title}
    </span>
  );
}

/** The agenda is a plain list: the kind is spelled out next to its colour. */
function AgendaEvent({ event, title, kindLabel }: EventProps<CalendarEvent> & { kindLabel: Record<StepKind, string> }) {
  return (
    <span className="cal-event cal-agenda-event" tabIndex={0} role="link" data-step-id={event.id}>
      <span className={`cal-swatch cal-kind-${event.kind}`} aria-hidden />
      <span className="cal-agenda-kind">{event.kind === 'more' ? '' : kindLabel[event.kind]}</span>
      {title}
    </span>
  );
}

function MonthDateHeader({ label, date, onDrillDown, info }: DateHeaderProps & { info: DayInfo }) {
  const key = dayKeyOf(date);
  const count = info.load.get(key) ?? 0;
  const over = count > info.capacity;
  const hint = info.hint(count, info.isOff(key));
  return (
    <button type="button" className="cal-date" onClick={onDrillDown} title={hint} aria-label={`${label}: ${hint}`} data-day={key}>
      <span className="cal-date-num">{label}</span>
      {count > 0 && <span className={`cal-load${over ? ' cal-load-over' : ''}`}>{count}</span>}
    </button>
  );
}
