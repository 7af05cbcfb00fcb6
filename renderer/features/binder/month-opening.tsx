import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { monthOf } from '../../../shared/dates/calendar-day';
import { workingDaysInMonth } from '../../../shared/dates/working-days';
import { getFolder } from '../../data/binder-repo';
import { applyMonthOpening, pendingMonthOpenings, proposeMonthOpening } from '../../data/month-opening-repo';
import type { MonthAssignment } from '../../data/types';
import { useFolderCounts, useWorkCalendar } from '../../ui/binder-hooks';
import { Dialog } from '../../ui/dialog';
import { formatDay, formatMonth, formatWeekday } from '../../ui/format';
import { useAuthor, useSettings } from '../../ui/settings-context';
import { useToast } from '../../ui/toast';
import { useUndo } from '../../ui/undo';
import './month-opening.css';

/**
 * "Month inserts are opened into day inserts when that month comes": a banner for each
 * month folder that is due (this month or an earlier one still holding dossiers), and the
 * proposal to spread it, adjustable per row, applied as one undoable action.
 */
export function MonthOpeningBanner({ today }: { today: string }) {
  const { t, i18n } = useTranslation('binder');
  const counts = useFolderCounts();
  const pending = useLiveQuery(() => pendingMonthOpenings(today), [today]);
  const [opening, setOpening] = useState<string | null>(null);
  if (!pending || pending.length === 0) return opening ? <OpeningDialog month={opening} today={today} onClose={() => setOpening(null)} /> : null;
  return (
    <>
      {pending.map((month) => (
        <div key={month} className="month-opening" role="status" data-testid="month-opening">
          <strong>{t('opening.banner', { month: formatMonth(month, i18n.language), count: counts?.get(month) ?? 0 })}</strong>
          <button type="button" className="btn btn-primary btn-small" onClick={() => setOpening(month)}>
            {t('opening.open')}
          </button>
        </div>
      ))}
      {opening && <OpeningDialog month={opening} today={today} onClose={() => setOpening(null)} />}
    </>
  );
}

function OpeningDialog({ month, today, onClose }: { month: string; today: string; onClose(): void }) {
  const { t, i18n } = useTranslation('binder');
  const lang = i18n.language;
  const { settings } = useSettings();
  const author = useAuthor();
  const toast = useToast();
  const undo = useUndo();
  const cal = useWorkCalendar();
  const counts = useFolderCounts();
  const rows = useLiveQuery(() => getFolder(month), [month]);
  const [assignments, setAssignments] = useState<MonthAssignment[] | null>(null);
  const [saving, setSaving] = useState(false);

  // The proposal is computed once per opening: later edits are the manager's, not recomputed.
  useEffect(() => {
    let live = true;
    void proposeMonthOpening(month, settings, today).then((p) => live && setAssignments(p.assignments));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [month, today]);

  // A past month has no days left: its dossiers go to this month's remaining working days.
  const days = useMemo(() => {
    const own = workingDaysInMonth(month, cal).filter((d) => d >= today);
    return own.length > 0 ? own : workingDaysInMonth(monthOf(today), cal).filter((d) => d >= today);
  }, [month, cal, today]);

  const loadAfter = useMemo(() => {
    const load = new Map(counts ?? []);
    for (const a of assignments ?? []) load.set(a.date, (load.get(a.date) ?? 0) + 1);
    return load;
  }, [counts, assignments]);

  const company = new Map((rows ?? []).map((r) => [r.id, r]));
  const monthName = formatMonth(month, lang);

  async function accept() {
    if (!assignments || saving) return;
    setSaving(true);
    try {
      await applyMonthOpening(assignments, author);
      toast({ kind: 'success', message: t('opening.done', { count: assignments.length, month: monthName }), onUndo: undo });
      onClose();
    } catch (err) {
      toast({ kind: 'error', message: t('common:failed', { message: err instanceof Error ? err.message : String(err) }) });
    } finally {
      setSaving(false);
    }
  }

  const dayLabel = (d: string) => `${formatWeekday(d, lang)} ${formatDay(d, lang, { day: 'numeric', month: 'short' })}`;

  return (
    <Dialog
      open
      size="wide"
      onClose={onClose}
      testId="month-opening-dialog"
      title={t('opening.title', { month: monthName })}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common:action.cancel')} <kbd>Esc</kbd>
          </button>
          <button type="button" className="btn btn-primary" autoFocus disabled={!assignments || assignments.length === 0 || saving} onClick={() => void accept()} data-testid="month-opening-accept">
            {t('opening.accept')}
          </button>
        </>
      }
    >
      <p className="mo-lead">{t('opening.lead', { capacity: settings.capacity })}</p>
      {assignments === null ? (
        <div className="loading">{t('common:state.loading')}</div>
      ) : assignments.length === 0 ? (
        <p>{t('opening.none')}</p>
      ) : (
        <table className="mo-table">
          <thead>
            <tr>
              <th>{t('opening.company')}</th>
              <th>{t('opening.day')}</th>
              <th>{t('opening.load')}</th>
            </tr>
          </thead>
          <tbody>
            {assignments.map((a, i) => {
              const row = company.get(a.dossierId);
              const load = loadAfter.get(a.date) ?? 0;
              return (
                <tr key={a.dossierId}>
                  <td>
                    {row?.company ?? '…'} {row?.nextTitle && <span className="muted">· {row.nextTitle}</span>}
                  </td>
                  <td>
                    <select
                      aria-label={`${t('opening.day')}: ${row?.company ?? ''}`}
                      value={a.date}
                      onChange={(e) => setAssignments((xs) => xs!.map((x, j) => (j === i ? { ...x, date: e.target.value } : x)))}
                    >
                      {(days.includes(a.date) ? days : [a.date, ...days]).map((d) => (
                        <option key={d} value={d}>
                          {dayLabel(d)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className={load > settings.capacity ? 'mo-over' : 'muted'}>
                    {load}/{settings.capacity}
                    {load > settings.capacity && ` · ${t('opening.overflow')}`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
