import { SelectionActions } from '../../ui/selection-actions';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { addDays } from '../../../shared/dates/calendar-day';
import { nextWorkingDayAfter } from '../../../shared/dates/working-days';
import { getTodayFolder } from '../../data/binder-repo';
import type { DossierSummary } from '../../data/types';
import type { ScreenProps } from '../../routes';
import { useLightDays, useWorkCalendar } from '../../ui/binder-hooks';
import { useToday } from '../../ui/clock';
import { DayChip } from '../../ui/day-chip';
import { FolderList, useFolderWork, type RowGroup } from '../../ui/folder-list';
import { formatDay, formatWeekday } from '../../ui/format';
import { HintBar } from '../../ui/hint-bar';
import { LoadMeter } from '../../ui/load-meter';
import { navigate } from '../../ui/router';
import { useSettings } from '../../ui/settings-context';
import { useShell } from '../../ui/shell-context';
import { useMoveDossiers } from '../../ui/use-move';
import { MonthOpeningBanner } from '../binder/month-opening';
import { HandBackBanner } from './hand-back-banner';
import './today.css';

/**
 * The paper method's four stacks of a morning: meetings at their hours, repeat calls
 * (clients already talked to), new calls prepared in advance, then everything else.
 * Within a stack the folder order holds: carried-over work first, then by hour, then A-Z.
 */
function groupRows(rows: DossierSummary[], t: (k: string) => string): RowGroup[] {
  const meetings: DossierSummary[] = [];
  const repeat: DossierSummary[] = [];
  const fresh: DossierSummary[] = [];
  const other: DossierSummary[] = [];
  for (const r of rows) {
    if (r.nextKind === 'meeting') meetings.push(r);
    else if (r.nextKind === 'call' || r.nextKind === undefined) (r.lastContactAt ? repeat : fresh).push(r);
    else other.push(r);
  }
  meetings.sort((a, b) => (a.nextTime ?? '~').localeCompare(b.nextTime ?? '~'));
  return [
    { id: 'meetings', label: t('group.meetings'), rows: meetings },
    { id: 'repeat', label: t('group.repeat'), rows: repeat },
    { id: 'new', label: t('group.new'), rows: fresh },
    { id: 'other', label: t('group.other'), rows: other },
  ];
}

export default function TodayScreen(_props: ScreenProps) {
  const { t, i18n } = useTranslation('today');
  const lang = i18n.language;
  const today = useToday();
  const { settings } = useSettings();
  const cal = useWorkCalendar();
  const shell = useShell();
  const rows = useLiveQuery(() => getTodayFolder(today), [today]);
  const groups = useMemo(() => groupRows(rows ?? [], t), [rows, t]);
  const ordered = useMemo(() => groups.flatMap((g) => g.rows), [groups]);
  const work = useFolderWork(ordered);
  const { list } = work;
  const move = useMoveDossiers();
  const light = useLightDays(5);
  const capacity = settings.capacity;
  const count = ordered.length;
  const overdue = ordered.filter((r) => (r.fileKey ?? '') < today).length;
  const over = count - capacity;
  const tomorrow = nextWorkingDayAfter(today, cal);

  // Keyboard first: the morning starts on the first dossier, so J/K/L work at once.
  const focused = useRef(false);
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focused.current || !rows || rows.length === 0) return;
    focused.current = true;
    if (document.activeElement === document.body) listRef.current?.querySelector<HTMLElement>('[role="option"][tabindex="0"]')?.focus();
  }, [rows]);

  const moveSelectionTo = (day: string, ids = list.targets()) => {
    if (ids.length > 0) void move(ids, { date: day }).then((ok) => ok && list.clearSelection());
  };

  if (rows === undefined) return <div className="loading">{t('common:state.loading')}</div>;

  return (
    <div className="today">
      <header className="screen-head">
        <h1 className="screen-title">
          {t('title')} <span className="screen-sub">{`${formatWeekday(today, lang, 'long')}, ${formatDay(today, lang, { day: 'numeric', month: 'long' })}`}</span>
        </h1>
        <div className="today-load" data-testid="today-load" data-count={count}>
          <LoadMeter count={count} capacity={capacity} />
          {overdue > 0 && <span className="today-overdue">{t('overdueNote', { count: overdue })}</span>}
        </div>
        <button type="button" className="btn" onClick={() => shell.openNewDossier({ defaultDate: tomorrow })}>
          {t('newDossier')} <kbd>Ctrl+N</kbd>
        </button>
      </header>

      <MonthOpeningBanner today={today} />
      <HandBackBanner today={today} />

      {over > 0 && (
        <section className="overflow" aria-label={t('common:load.over', { count: over })} data-testid="overflow">
          <p className="overflow-text">
            <strong>{t('over', { count: over, capacity })}</strong> <span className="muted">{t('overHow')}</span>
          </p>
          <div className="chip-row">
            {light.map((d) => (
              <DayChip key={d.date} day={d.date} count={d.count} onClick={() => moveSelectionTo(d.date)} onDropIds={(ids) => moveSelectionTo(d.date, ids)} />
            ))}
          </div>
        </section>
      )}

      {list.selected.size > 0 && (
        <div className="selection-bar" role="status">
          <SelectionActions ns="today" count={list.selected.size} onMove={() => work.openMove(list.targets())} onClear={list.clearSelection} />
        </div>
      )}

      {count === 0 ? (
        <div className="empty-state" data-testid="today-empty">
          <p className="empty-title">{t('empty')}</p>
          <p>{t('emptyHint')}</p>
          <div className="empty-actions">
            <button type="button" className="btn btn-primary" autoFocus onClick={() => shell.openNewDossier({ defaultDate: tomorrow })}>
              {t('prepareTomorrow')} <kbd className="kbd-on-primary">Ctrl+N</kbd>
            </button>
            <button type="button" className="btn" onClick={() => navigate('binder', addDays(today, 1))}>
              {t('openBinder')} <kbd>Alt+2</kbd>
            </button>
          </div>
        </div>
      ) : (
        <div ref={listRef} className="today-list">
          <FolderList groups={groups} work={work} today={today} label={t('title')} />
        </div>
      )}
      {work.dialogs}
      <HintBar />
    </div>
  );
}
