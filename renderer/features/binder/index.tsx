import { SelectionActions } from '../../ui/selection-actions';
import { Fragment, useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { addDays, eachDay, monthOf } from '../../../shared/dates/calendar-day';
import { aggregateFolderCounts, folderOfKey, windowMonthsOf, type DayFolder } from '../../../shared/dates/binder-folders';
import { dayStatus } from '../../../shared/dates/working-days';
import { isDayKey, isMonthKey } from '../../../shared/model/filing';
import { getFolder, getMonthFolder, getOverdue } from '../../data/binder-repo';
import type { DossierSummary } from '../../data/types';
import { pendingMonthOpenings } from '../../data/month-opening-repo';
import type { ScreenProps } from '../../routes';
import { useFolderCounts, useWorkCalendar } from '../../ui/binder-hooks';
import { useToday } from '../../ui/clock';
import { DRAG_IDS } from '../../ui/folder-line';
import { FolderList, useFolderWork } from '../../ui/folder-list';
import { formatDay, formatMonth, formatWeekday } from '../../ui/format';
import { HintBar } from '../../ui/hint-bar';
import { LoadMeter } from '../../ui/load-meter';
import { navigate } from '../../ui/router';
import { useSettings } from '../../ui/settings-context';
import { useShell } from '../../ui/shell-context';
import { useMoveDossiers } from '../../ui/use-move';
import { CalendarCheckBanner } from './calendar-check';
import { MonthOpeningBanner } from './month-opening';
import './binder.css';

const OVERDUE = 'overdue';
const PAGE = 300;

/**
 * The dossiers of one folder as the binder shows it. In the working-days variant a day
 * folder also holds what was filed on the non-working days just before it (there is no
 * insert for a Sunday); a month folder holds its "sometime in" dossiers and its days past
 * the day window; Overdue holds whatever was not worked on its day.
 */
async function readFolder(key: string, today: string, dayFolders: DayFolder[], windowMonths: number): Promise<DossierSummary[]> {
  if (key === OVERDUE) {
    // Past month folders never opened are overdue too (their banner offers to spread them).
    const pastMonths = (await pendingMonthOpenings(today)).filter((m) => m < monthOf(today));
    const [days, ...months] = await Promise.all([getOverdue(today), ...pastMonths.map((m) => getFolder(m))]);
    return [...months.flat(), ...days!];
  }
  if (isMonthKey(key)) {
    const rows = await getMonthFolder(key, true);
    return rows.filter((r) => {
      const place = folderOfKey(r.fileKey ?? '', today, dayFolders, windowMonths);
      return place.kind === 'month' && place.key === key;
    });
  }
  const i = dayFolders.findIndex((f) => f.key === key);
  const from = i > 0 ? addDays(dayFolders[i - 1]!.key, 1) : key;
  const parts = await Promise.all(eachDay(from < today ? today : from, key).map((d) => getFolder(d)));
  return parts.flat();
}

function dropIds(e: DragEvent): string[] | null {
  if (!e.dataTransfer.types.includes(DRAG_IDS)) return null;
  return JSON.parse(e.dataTransfer.getData(DRAG_IDS)) as string[];
}

export default function BinderScreen({ params }: ScreenProps) {
  const { t, i18n } = useTranslation('binder');
  const lang = i18n.language;
  const today = useToday();
  const cal = useWorkCalendar();
  const { settings } = useSettings();
  const shell = useShell();
  const counts = useFolderCounts();
  const move = useMoveDossiers();
  const capacity = settings.capacity;

  const { binderVariant, binderMonthsAhead } = settings;
  const windowMonths = windowMonthsOf(binderVariant, binderMonthsAhead);
  const agg = useMemo(
    () => aggregateFolderCounts(counts ?? new Map(), today, binderVariant, cal, 12, binderMonthsAhead),
    [counts, today, binderVariant, cal, binderMonthsAhead],
  );
  const requested = params[0] ?? today;
  // A day key that has no insert in this variant (a Sunday) opens the insert it is filed under.
  const place = requested === OVERDUE ? null : folderOfKey(requested, today, agg.days, windowMonths);
  const current = requested === OVERDUE || !place ? OVERDUE : place.kind === 'overdue' ? OVERDUE : place.key;

  // Ctrl+N files into the day folder on screen.
  useEffect(() => {
    shell.setScreenDefaults(isDayKey(current) && current >= today ? { defaultDate: current } : null);
    return () => shell.setScreenDefaults(null);
  }, [shell, current, today]);

  const rows = useLiveQuery(() => readFolder(current, today, agg.days, windowMonths), [current, today, agg.days, windowMonths]);
  // A month folder of a big portfolio can hold thousands: render a page, offer the rest.
  const [limit, setLimit] = useState(PAGE);
  useEffect(() => setLimit(PAGE), [current]);
  const shown = useMemo(() => (rows ?? []).slice(0, limit), [rows, limit]);
  const work = useFolderWork(shown);
  const { list } = work;

  const strip = useMemo(() => [OVERDUE, ...agg.days.map((d) => d.key), ...agg.months.map((m) => m.key)], [agg]);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  const folderRef = useRef<HTMLDivElement>(null);

  const onStripKey = (e: KeyboardEvent) => {
    const at = strip.indexOf(focusKey ?? current);
    let next = -1;
    if (e.key === 'ArrowRight') next = Math.min(strip.length - 1, at + 1);
    else if (e.key === 'ArrowLeft') next = Math.max(0, at - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = strip.length - 1;
    else if (e.key === 'ArrowDown') {
      // Down from the inserts into the open folder's dossiers.
      const row = folderRef.current?.querySelector<HTMLElement>('[role="option"][tabindex="0"]');
      if (row) {
        e.preventDefault();
        row.focus();
      }
      return;
    }
    if (next < 0) return;
    e.preventDefault();
    const key = strip[next]!;
    setFocusKey(key);
    tabRefs.current.get(key)?.focus();
  };

  const tabProps = (key: string, accepts: boolean) => ({
    ref: (el: HTMLButtonElement | null) => {
      if (el) tabRefs.current.set(key, el);
      else tabRefs.current.delete(key);
    },
    role: 'tab' as const,
    'aria-selected': key === current,
    tabIndex: key === (focusKey ?? current) ? 0 : -1,
    'data-folder': key,
    onFocus: () => setFocusKey(key),
    onClick: () => navigate('binder', key),
    onDragOver: accepts
      ? (e: DragEvent<HTMLButtonElement>) => {
          if (!e.dataTransfer.types.includes(DRAG_IDS)) return;
          e.preventDefault();
          e.currentTarget.classList.add('is-drop');
        }
      : undefined,
    onDragLeave: accepts ? (e: DragEvent<HTMLButtonElement>) => e.currentTarget.classList.remove('is-drop') : undefined,
    onDrop: accepts
      ? (e: DragEvent<HTMLButtonElement>) => {
          e.currentTarget.classList.remove('is-drop');
          const ids = dropIds(e);
          if (!ids) return;
          e.preventDefault();
          void move(ids, isMonthKey(key) ? { month: key } : { date: key }).then((ok) => ok && list.clearSelection());
        }
      : undefined,
  });

  const folderCount = current === OVERDUE ? agg.overdue : isMonthKey(current) ? (agg.months.find((m) => m.key === current)?.count ?? 0) : (agg.days.find((d) => d.key === current)?.count ?? 0);
  const title =
    current === OVERDUE
      ? t('overdueTitle')
      : isMonthKey(current)
        ? t('common:folder.month', { month: formatMonth(current, lang) })
        : `${formatWeekday(current, lang, 'long')}, ${formatDay(current, lang, { day: 'numeric', month: 'long' })}`;

  return (
    <div className="binder">
      <header className="screen-head">
        <h1 className="screen-title">{t('title')}</h1>
        <span className="badge">{settings.binderVariant === 'working-days' ? t('variantWorking') : t('variantAll')}</span>
        <span className="binder-strip-hint muted">{t('stripHint')}</span>
      </header>

      <CalendarCheckBanner today={today} />
      <MonthOpeningBanner today={today} />

      <div className="binder-strip" role="tablist" aria-label={t('days')} onKeyDown={onStripKey} data-testid="binder-strip" data-loaded={counts !== undefined}>
        <button {...tabProps(OVERDUE, false)} className={`insert insert-overdue${agg.overdue > 0 ? ' has-overdue' : ''}`} aria-label={`${t('overdue')}: ${agg.overdue}`}>
          <span className="insert-num">!</span>
          <span className="insert-wd">{t('overdue')}</span>
          <span className="insert-count">{agg.overdue}</span>
        </button>
        {/* Two or three months of working dates do not fit a laptop's width: the strip scrolls. */}
        <div className="insert-days" style={{ gridTemplateColumns: `repeat(${agg.days.length}, minmax(${windowMonths > 1 ? 30 : 0}px, 1fr))` }}>
          {agg.days.map((d, i) => {
            const newMonth = i === 0 || monthOf(d.key) !== monthOf(agg.days[i - 1]!.key);
            const ratio = d.count / capacity;
            const moved = dayStatus(d.key, cal) === 'moved-working';
            return (
              <button
                key={d.key}
                {...tabProps(d.key, true)}
                data-moved={moved || undefined}
                className={`insert${d.isToday ? ' is-today' : ''}${d.isWorking ? '' : ' is-off'}${moved ? ' is-moved' : ''}${newMonth ? ' is-month-start' : ''}${d.count > capacity ? ' is-over' : ''}`}
                aria-label={t('insertLabel', { date: `${formatWeekday(d.key, lang, 'long')} ${formatDay(d.key, lang, { day: 'numeric', month: 'long' })}`, count: d.count, capacity })}
                title={`${t('insertLabel', { date: formatDay(d.key, lang, { weekday: 'short', day: 'numeric', month: 'short' }), count: d.count, capacity })}${moved ? ` · ${t('movedWorkingDay')}` : ''}`}
              >
                {newMonth && <span className="insert-month">{formatMonth(monthOf(d.key), lang, { month: 'short' })}</span>}
                <span className="insert-num">{d.dayNumber}</span>
                <span className="insert-wd">{formatWeekday(d.key, lang)}</span>
                <span className="insert-count" data-testid="insert-count">{d.count || ''}</span>
                <span className={`insert-bar load-${ratio > 1 ? 'over' : ratio >= 0.85 ? 'full' : 'ok'}`} aria-hidden>
                  <span style={{ width: `${Math.min(100, ratio * 100)}%` }} />
                </span>
              </button>
            );
          })}
        </div>
      </div>
      <div className="binder-months" role="presentation" onKeyDown={onStripKey}>
        <span className="section-h">{t('months')}</span>
        {agg.months.map((m, i) => (
          <Fragment key={m.key}>
          {m.key.slice(0, 4) !== (i === 0 ? today : agg.months[i - 1]!.key).slice(0, 4) && <span className="month-year">{m.key.slice(0, 4)}</span>}
          <button {...tabProps(m.key, true)} className={`month-tab${m.count ? '' : ' is-empty'}`} aria-label={t('monthLabel', { month: formatMonth(m.key, lang), count: m.count })}>
            <span className="month-name">{formatMonth(m.key, lang, { month: 'short' })}</span>
            <span className="month-count" data-testid="month-count">{m.count}</span>
          </button>
          </Fragment>
        ))}
      </div>

      <section className="binder-folder" role="tabpanel" aria-label={title} data-testid="binder-folder" data-folder={current}>
        <div className="folder-head">
          <h2 className="folder-title">{title}</h2>
          <span className="muted">{t('folderCount', { count: folderCount })}</span>
          {isDayKey(current) && <LoadMeter count={folderCount} capacity={capacity} />}
          {list.selected.size > 0 && (
            <span className="folder-selection">
              <SelectionActions ns="binder" count={list.selected.size} onMove={() => work.openMove(list.targets())} onClear={list.clearSelection} />
            </span>
          )}
          {current !== OVERDUE && (
            <button type="button" className="btn folder-new" onClick={() => shell.openNewDossier(isDayKey(current) ? { defaultDate: current } : {})}>
              {t('newHere')} <kbd>Ctrl+N</kbd>
            </button>
          )}
        </div>
        <div className="folder-list" ref={folderRef}>
          {rows === undefined ? (
            <div className="loading">{t('common:state.loading')}</div>
          ) : rows.length === 0 ? (
            <div className="empty-state">
              <p className="empty-title">{current === OVERDUE ? t('emptyOverdue') : t('emptyFolder')}</p>
              {current !== OVERDUE && <p>{t('emptyFolderHint')}</p>}
            </div>
          ) : (
            <>
              <FolderList groups={[{ id: current, label: title, rows: shown }]} work={work} today={today} label={title} showDate={current === OVERDUE || isMonthKey(current)} />
              {rows.length > shown.length && (
                <button type="button" className="btn folder-more" onClick={() => setLimit((n) => n + PAGE * 10)}>
                  {t('showMore', { count: rows.length - shown.length })}
                </button>
              )}
            </>
          )}
        </div>
      </section>
      {work.dialogs}
      <HintBar />
    </div>
  );
}
