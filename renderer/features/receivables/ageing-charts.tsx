import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { AGING_BUCKETS } from '../../../shared/dates/receivables';
import type { AgeingByCurrency } from '../../../shared/receivables/ageing';
import { getOverdueTrend } from '../../data/receivables-repo';
import { ChartPanel, type ChartSeries } from '../../ui/chart-panel';
import { formatDay } from '../../ui/format';

/**
 * The ageing as bars per bucket and the overdue's trend by week, one pair per currency
 * (amounts in different currencies never share an axis). The trend reads every dossier's
 * papers, so it is read only while this tab is open.
 */
export function AgeingCharts({ buckets, today, currency }: { buckets: AgeingByCurrency; today: string; currency?: string }) {
  const { t, i18n } = useTranslation('receivables');
  const lang = i18n.language;
  const trend = useLiveQuery(() => getOverdueTrend(today), [today]);
  const currencies = useMemo(() => Object.keys(buckets).filter((c) => !currency || c === currency), [buckets, currency]);
  const weekLabels = useMemo(() => (trend?.days ?? []).map((d) => formatDay(d, lang, { day: 'numeric', month: 'short' })), [trend, lang]);
  const bucketLabels = useMemo(() => AGING_BUCKETS.map((b) => t(`bucket.${b}`)), [t]);
  const series = useMemo(() => {
    const out = new Map<string, { ageing: ChartSeries[]; trend: ChartSeries[] }>();
    for (const c of currencies) {
      const format = { kind: 'money' as const, currency: c };
      out.set(c, {
        ageing: [{ label: t('desk.chart.open'), type: 'bar', values: AGING_BUCKETS.map((b) => buckets[c]![b]), format }],
        trend: [{ label: t('desk.chart.overdue'), type: 'line', values: trend?.byCurrency[c] ?? (trend?.days ?? []).map(() => 0), format }],
      });
    }
    return out;
  }, [currencies, buckets, trend, t]);

  if (currencies.length === 0) return <p className="ds-muted">{t('desk.emptyBinder')}</p>;
  return (
    <div className="rcv-charts">
      {currencies.map((c) => (
        <div key={c} className="rcv-chart-pair">
          <ChartPanel title={t('desk.chart.ageing', { currency: c })} labels={bucketLabels} series={series.get(c)!.ageing} labelHeader={t('desk.chart.bucket')} testId={`ageing-${c}`} height={220} />
          {trend ? (
            <ChartPanel title={t('desk.chart.trend', { currency: c })} labels={weekLabels} series={series.get(c)!.trend} labelHeader={t('desk.chart.week')} testId={`trend-${c}`} height={220} />
          ) : (
            <p className="ds-muted">{t('desk.chart.loading')}</p>
          )}
        </div>
      ))}
    </div>
  );
}
