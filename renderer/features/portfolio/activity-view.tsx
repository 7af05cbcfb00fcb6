import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as XLSX from 'xlsx';
import { addDays } from '../../../shared/dates/calendar-day';
import type { Portfolio } from '../../../shared/model/records';
import { activityByWeek, DEFAULT_KPI_TARGETS, trendLine } from '../../../shared/portfolio/kpi';
import { getBridge } from '../../bridge';
import { ChartPanel, type ChartSeries } from '../../ui/chart-panel';
import { formatDay } from '../../ui/format';

const WEEKS = 12;

export function ActivityView({ portfolio, today }: { portfolio: Portfolio; today: string }) {
  const { t, i18n } = useTranslation('portfolio');
  const lang = i18n.language;
  const [saved, setSaved] = useState('');
  const weeks = useMemo(() => activityByWeek(portfolio.history, portfolio.dossiers, addDays(today, -7 * (WEEKS - 1)), today), [portfolio, today]);
  const labels = useMemo(() => weeks.map((w) => formatDay(w.day, lang, { day: 'numeric', month: 'short' })), [weeks, lang]);
  const activity: ChartSeries[] = useMemo(() => [
    { label: t('activity.calls'), type: 'bar', values: weeks.map((w) => w.calls) },
    { label: t('activity.meetings'), type: 'bar', values: weeks.map((w) => w.meetings) },
    { label: t('activity.requests'), type: 'bar', values: weeks.map((w) => w.requests) },
    { label: t('activity.trend'), type: 'line', values: trendLine(weeks.map((w) => w.calls)) },
    { label: t('activity.callDays'), type: 'line', values: weeks.map((w) => w.callDays) },
    { label: t('activity.meetingDays'), type: 'line', values: weeks.map((w) => w.meetingDays) },
  ], [weeks, t]);
  const prospects: ChartSeries[] = useMemo(() => [
    { label: t('activity.newProspects'), type: 'bar', values: weeks.map((w) => w.newProspects) },
    { label: t('activity.closed'), type: 'bar', values: weeks.map((w) => w.closed) },
  ], [weeks, t]);

  // The export carries exactly the charts' numbers, one row a week, headers in the interface language.
  const exportWorkbook = async () => {
    const header = [t('activity.week'), ...activity.map((s) => s.label), ...prospects.map((s) => s.label)];
    const rows = weeks.map((w, i) => [w.day, ...activity.map((s) => s.values[i] ?? 0), ...prospects.map((s) => s.values[i] ?? 0)]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([header, ...rows]), t('tab.activity').slice(0, 31));
    const data = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const name = `activity-${today}.xlsx`;
    const r = await getBridge().saveFile({ suggestedName: name, data, filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
    if (r.saved) setSaved(name);
  };

  return (
    <div className="pf-activity">
      <div className="pf-toolbar">
        <span className="pf-note">{t('activity.weeks', { n: WEEKS })} · {t('activity.targets', { calls: DEFAULT_KPI_TARGETS.callsPerDay, meetings: DEFAULT_KPI_TARGETS.meetingsPerDay })}</span>
        <button type="button" onClick={() => void exportWorkbook()}>{t('activity.export')}</button>
        {saved && <span className="pf-note" role="status">{t('activity.exported', { name: saved })}</span>}
      </div>
      <ChartPanel title={t('activity.byWeek')} labels={labels} series={activity} labelHeader={t('activity.week')} testId="activity-chart" />
      <ChartPanel title={t('activity.prospects')} labels={labels} series={prospects} labelHeader={t('activity.week')} testId="prospects-chart" height={200} />
    </div>
  );
}
