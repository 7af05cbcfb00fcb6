import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, startOfIsoWeek } from '../../../shared/dates/calendar-day';
import type { Settings } from '../../../shared/model/settings';
import { trendLine } from '../../../shared/portfolio/kpi';
import { activityByDayOnColumns, activityByWeekOnColumns, incomeByOwnerOnColumns } from '../../../shared/portfolio/kpi-columns';
import type { PortfolioColumns } from '../../../shared/portfolio/portfolio-columns';
import { getBridge } from '../../bridge';
import { ChartPanel, formatterFor, type ChartSeries } from '../../ui/chart-panel';
import { formatDay, formatNumber, formatWeekday } from '../../ui/format';
import { localeTag } from '../../ui/i18n';
import { num, sheetOf, text, writeReport } from '../sync/reports';
import { chartSheet } from './chart-sheet';

const WEEKS = 12;

/**
 * Activity KPIs: the weeks' calls, meetings and requests with the trend and the weekly
 * request target, call and meeting days (alternating days show as both counts), new
 * prospects and how many closed, this week day by day against the daily targets, and the
 * income of each manager's assigned clients. Every chart's numbers are in its table and
 * in the export, one sheet each.
 */
export function ActivityView({ columns, today, settings }: { columns: PortfolioColumns; today: string; settings: Settings }) {
  const { t, i18n } = useTranslation('portfolio');
  const lang = i18n.language;
  const targets = settings.kpiTargets;
  const currency = settings.currency;
  const [saved, setSaved] = useState('');
  const weeks = useMemo(() => activityByWeekOnColumns(columns, addDays(today, -7 * (WEEKS - 1)), today), [columns, today]);
  const days = useMemo(() => activityByDayOnColumns(columns, startOfIsoWeek(today), today), [columns, today]);
  const income = useMemo(() => incomeByOwnerOnColumns(columns, today, currency), [columns, today, currency]);
  const labels = useMemo(() => weeks.map((w) => formatDay(w.day, lang, { day: 'numeric', month: 'short' })), [weeks, lang]);
  const activity: ChartSeries[] = useMemo(() => [
    { label: t('activity.calls'), type: 'bar', values: weeks.map((w) => w.calls) },
    { label: t('activity.meetings'), type: 'bar', values: weeks.map((w) => w.meetings) },
    { label: t('activity.requests'), type: 'bar', values: weeks.map((w) => w.requests) },
    { label: t('activity.trend'), type: 'line', values: trendLine(weeks.map((w) => w.calls)) },
    { label: t('activity.requestsTarget'), type: 'line', values: weeks.map(() => targets.requestsPerWeek) },
  ], [weeks, t, targets.requestsPerWeek]);
  const alternation: ChartSeries[] = useMemo(() => [
    { label: t('activity.callDays'), type: 'bar', values: weeks.map((w) => w.callDays) },
    { label: t('activity.meetingDays'), type: 'bar', values: weeks.map((w) => w.meetingDays) },
  ], [weeks, t]);
  const prospects: ChartSeries[] = useMemo(() => [
    { label: t('activity.newProspects'), type: 'bar', values: weeks.map((w) => w.newProspects) },
    { label: t('activity.closed'), type: 'bar', values: weeks.map((w) => w.closed) },
    { label: t('activity.closedTrend'), type: 'line', values: trendLine(weeks.map((w) => w.closed)) },
  ], [weeks, t]);
  const totals = useMemo(() => weeks.reduce((s, w) => ({ prospects: s.prospects + w.newProspects, closed: s.closed + w.closed }), { prospects: 0, closed: 0 }), [weeks]);
  const money = formatterFor({ kind: 'money', currency }, lang);
  const pct = new Intl.NumberFormat(localeTag(lang), { style: 'percent', maximumFractionDigits: 0 });

  // The export: one sheet per chart (its exact numbers), this week's days and the income by owner.
  const exportWorkbook = async () => {
    const weekDays = weeks.map((w) => w.day);
    const data = writeReport([
      chartSheet(t('activity.sheetActivity'), t('activity.week'), weekDays, activity),
      chartSheet(t('activity.sheetDays'), t('activity.week'), weekDays, alternation),
      chartSheet(t('activity.sheetProspects'), t('activity.week'), weekDays, prospects),
      chartSheet(t('activity.sheetThisWeek'), t('activity.day'), days.map((d) => d.day), [
        { label: t('activity.calls'), type: 'bar', values: days.map((d) => d.calls) },
        { label: t('activity.meetings'), type: 'bar', values: days.map((d) => d.meetings) },
        { label: t('activity.requests'), type: 'bar', values: days.map((d) => d.requests) },
      ]),
      sheetOf(t('activity.sheetIncome'), [
        { header: t('activity.owner'), width: 28, cell: (r) => text(r.owner || t('activity.noOwner')) },
        { header: t('activity.clients'), width: 10, cell: (r) => num(r.clients) },
        { header: t('activity.income', { currency }), width: 18, cell: (r) => num(r.revenue) },
      ], income),
    ]);
    const name = `activity-${today}.xlsx`;
    const r = await getBridge().saveFile({ suggestedName: name, data, filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
    if (r.saved) setSaved(name);
  };

  return (
    <div className="pf-activity">
      <div className="pf-toolbar">
        <span className="pf-note">{t('activity.weeks', { n: WEEKS })} · {t('activity.targets', { calls: targets.callsPerDay, meetings: targets.meetingsPerDay, requests: targets.requestsPerWeek })}</span>
        <button type="button" onClick={() => void exportWorkbook()} data-testid="activity-export">{t('activity.export')}</button>
        {saved && <span className="pf-note" role="status">{t('activity.exported', { name: saved })}</span>}
      </div>
      <section className="pf-split">
        <h3>{t('activity.thisWeek')}</h3>
        <table className="pf-table" data-testid="activity-days">
          <thead><tr><th>{t('activity.day')}</th><th>{t('activity.calls')}</th><th>{t('activity.meetings')}</th><th>{t('activity.requests')}</th></tr></thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{formatWeekday(d.day, lang)} {formatDay(d.day, lang, { day: 'numeric', month: 'short' })}</th>
                <td className={d.calls >= targets.callsPerDay ? 'pf-on-target' : undefined}>{formatNumber(d.calls, lang)} / {targets.callsPerDay}</td>
                <td className={d.meetings >= targets.meetingsPerDay ? 'pf-on-target' : undefined}>{formatNumber(d.meetings, lang)} / {targets.meetingsPerDay}</td>
                <td>{formatNumber(d.requests, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <ChartPanel title={t('activity.byWeek')} labels={labels} series={activity} labelHeader={t('activity.week')} testId="activity-chart" />
      <ChartPanel title={t('activity.alternation')} labels={labels} series={alternation} labelHeader={t('activity.week')} testId="alternation-chart" height={180} />
      <ChartPanel title={t('activity.prospects')} labels={labels} series={prospects} labelHeader={t('activity.week')} testId="prospects-chart" height={200} />
      <p className="pf-note" data-testid="close-rate">
        {t('activity.closeRate', { closed: formatNumber(totals.closed, lang), prospects: formatNumber(totals.prospects, lang), rate: totals.prospects ? pct.format(totals.closed / totals.prospects) : '—' })}
      </p>
      <section className="pf-split">
        <h3>{t('activity.incomeTitle')}</h3>
        <table className="pf-table" data-testid="income-by-owner">
          <thead><tr><th>{t('activity.owner')}</th><th>{t('activity.clients')}</th><th>{t('activity.income', { currency })}</th></tr></thead>
          <tbody>
            {income.map((r) => (
              <tr key={r.owner}><th scope="row">{r.owner || t('activity.noOwner')}</th><td>{formatNumber(r.clients, lang)}</td><td>{money(r.revenue)}</td></tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
