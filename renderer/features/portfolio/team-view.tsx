import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, eachDay } from '../../../shared/dates/calendar-day';
import { buildTeamLines, TEAM_DAYS as DAYS, type LoadedWorkbook as Loaded } from '../../../shared/portfolio/team';
import { getBridge } from '../../bridge';
import { formatterFor } from '../../ui/chart-panel';
import { formatDay, formatNumber, formatWeekday } from '../../ui/format';
import { startJob } from '../../workers/workbook-client';

export function TeamView({ today, currency, capacity }: { today: string; currency: string; capacity: number }) {
  const { t, i18n } = useTranslation('portfolio');
  const lang = i18n.language;
  const [loaded, setLoaded] = useState<Loaded[]>([]);
  const [problem, setProblem] = useState('');
  const lines = useMemo(() => buildTeamLines(loaded, today, currency), [loaded, today, currency]);
  const days = useMemo(() => eachDay(today, addDays(today, DAYS - 1)), [today]);

  const add = async () => {
    setProblem('');
    const f = await getBridge().openFile({ filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
    if (!f) return;
    const r = await startJob({ kind: 'read', data: f.data }).result;
    if (r.kind !== 'portfolio') {
      setProblem(t('team.unreadable', { file: f.name }));
      return;
    }
    setLoaded((prev) => [...prev.filter((l) => l.file !== f.name), { file: f.name, portfolio: r.portfolio }]);
  };

  return (
    <div className="pf-team">
      <p className="pf-note">{t('team.intro')}</p>
      <div className="pf-toolbar">
        <button type="button" onClick={() => void add()}>{t('team.add')}</button>
        {loaded.length > 0 && <button type="button" onClick={() => setLoaded([])}>{t('team.clear')}</button>}
        <span className="pf-note">{t('team.capacity', { n: capacity })}</span>
        {loaded.map((l) => <span key={l.file} className="badge">{l.file}</span>)}
      </div>
      {problem && <p className="pf-problem" role="alert">{problem}</p>}
      {lines.length === 0 ? <p className="pf-note">{t('team.empty')}</p> : (
        <div className="pf-team-wrap">
          <table className="pf-table pf-team-table" data-testid="team-table">
            <thead>
              <tr>
                <th>{t('team.manager')}</th>
                <th>{t('team.overdue')}</th>
                {days.map((d) => <th key={d} className="pf-day"><span>{formatWeekday(d, lang)}</span><span>{formatDay(d, lang, { day: 'numeric', month: 'numeric' })}</span></th>)}
                <th>{t('team.receivables')}</th>
                <th>{t('team.cover')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.owner} data-owner={l.owner}>
                  <th scope="row">{l.owner || '—'}</th>
                  <td className={l.overdue ? 'pf-over' : ''} data-col="overdue">{formatNumber(l.overdue, lang)}</td>
                  {l.days.map((n, i) => (
                    <td key={days[i]} data-day={days[i]} className={n > capacity ? 'pf-over' : n >= capacity * 0.85 ? 'pf-full' : ''}>{n ? formatNumber(n, lang) : ''}</td>
                  ))}
                  <td>{formatterFor({ kind: 'money', currency }, lang)(l.receivables)}</td>
                  <td className="pf-cover">
                    {l.coveredBy.map((c) => <div key={`b${c.who}`}>{t('team.onLeave', { who: c.who, until: c.until ? formatDay(c.until, lang) : '—' })}</div>)}
                    {l.covers.map((c) => <div key={`c${c.who}`}>{t('team.covers', { who: c.who, until: c.until ? formatDay(c.until, lang) : '—' })}</div>)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
