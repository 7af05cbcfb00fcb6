import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { earliestOpenStep } from '../../../shared/model/filing';
import { ABC_CLASSES, revenueWindow, type SplitRow } from '../../../shared/portfolio/abc';
import { abcClientAt, abcOnColumns, aClientPositions, paretoOnColumns, segmentCodes, splitOnColumns } from '../../../shared/portfolio/abc-columns';
import { okvedClassName, okvedClassOf } from '../../../shared/portfolio/okved';
import type { PortfolioColumns } from '../../../shared/portfolio/portfolio-columns';
import type { SegmentThresholds } from '../../../shared/portfolio/profile';
import { openStepsByDossier } from '../../../shared/portfolio/workload';
import { readPortfolio } from '../../data/portfolio-repo';
import { ChartPanel, formatterFor, type ChartSeries } from '../../ui/chart-panel';
import { formatDay, formatMonth, formatNumber } from '../../ui/format';
import { localeTag } from '../../ui/i18n';
import { navigate } from '../../ui/router';

/** A clients listed on screen; the rest are counted (the table under the chart has them all). */
const A_LIST = 50;

export function AbcView({ columns, today, currency, thresholds }: { columns: PortfolioColumns; today: string; currency: string; thresholds: SegmentThresholds }) {
  const { t, i18n } = useTranslation('portfolio');
  const lang = i18n.language;
  const abc = useMemo(() => abcOnColumns(columns, today, currency), [columns, today, currency]);
  const win = revenueWindow(today);

  const pareto = useMemo(() => {
    const pts = paretoOnColumns(abc, columns.dossiers);
    const series: ChartSeries[] = [
      { label: t('abc.revenue'), type: 'bar', values: pts.map((p) => p.revenue), format: { kind: 'money', currency } },
      { label: t('abc.cumulative'), type: 'line', values: pts.map((p) => p.share), format: { kind: 'percent' }, rightAxis: true },
    ];
    return { labels: pts.map((p) => p.label), series };
  }, [abc, columns, currency, t]);

  // Split by the raw key, then name the few keys: a translation per client would cost more than the split.
  const splits = useMemo(() => {
    const unknown = t('abc.unknown');
    const named = (rows: SplitRow<string>[], name: (k: string) => string) => rows.map((r) => ({ ...r, key: r.key ? name(r.key) : unknown }));
    const d = columns.dossiers;
    const industryName = (k: string) => {
      const cls = okvedClassOf(k);
      return cls && cls.code === k ? `${cls.code} ${okvedClassName(cls, lang)}` : k;
    };
    return [
      { title: t('abc.splitSegment'), rows: named(splitOnColumns(abc, segmentCodes(d, thresholds)), (s) => t(`abc.segment.${s}`)) },
      { title: t('abc.splitIndustry'), rows: named(splitOnColumns(abc, d.industry).slice(0, 12), industryName) },
      { title: t('abc.splitTerritory'), rows: named(splitOnColumns(abc, d.territory).slice(0, 12), (k) => k) },
    ];
  }, [abc, columns, lang, t, thresholds]);

  // The columns hold no steps: the listed A clients' papers are read for their next step.
  const aList = useMemo(() => {
    const { total, first } = aClientPositions(abc, A_LIST);
    return { total, clients: first.map((k) => abcClientAt(abc, columns.dossiers, k)) };
  }, [abc, columns]);
  const wanted = aList.clients.map((c) => c.dossierId).join(' ');
  const open = useLiveQuery(async () => openStepsByDossier((await readPortfolio({ kind: 'ids', ids: wanted ? wanted.split(' ') : [] })).steps), [wanted]);
  const aClients = { total: aList.total, shown: aList.clients.map((c) => ({ ...c, next: earliestOpenStep(open?.get(c.dossierId) ?? []) })) };

  // Whole units: a portfolio is read in roubles, not kopecks.
  const money = formatterFor({ kind: 'money', currency }, lang);
  return (
    <div className="pf-abc">
      <p className="pf-note">{t('abc.window', { from: formatDay(win.from, lang), to: formatDay(win.to, lang), currency })}</p>
      <table className="pf-table pf-classes" data-testid="abc-classes">
        <thead><tr><th>{t('abc.cls')}</th><th>{t('abc.clients')}</th><th>{t('abc.revenue')}</th><th>{t('abc.share')}</th></tr></thead>
        <tbody>
          {ABC_CLASSES.map((c) => (
            <tr key={c} data-class={c}>
              <th scope="row"><span className={`pf-cls pf-cls-${c}`}>{c}</span></th>
              <td>{formatNumber(abc.classes[c].clients, lang)}</td>
              <td>{money(abc.classes[c].revenue)}</td>
              <td>{abc.total > 0 ? new Intl.NumberFormat(localeTag(lang), { style: 'percent', maximumFractionDigits: 1 }).format(abc.classes[c].revenue / abc.total) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {abc.total === 0 ? <p className="pf-note">{t('abc.none')}</p> : (
        <ChartPanel title={t('abc.pareto')} labels={pareto.labels} series={pareto.series} labelHeader={t('abc.clientsAxis')} testId="pareto" height={300} />
      )}
      <div className="pf-splits">
        {splits.map((s) => (
          <section key={s.title} className="pf-split">
            <h3>{s.title}</h3>
            <table className="pf-table">
              <thead><tr><th /><th>{t('abc.clients')}</th><th>{t('abc.aCount')}</th><th>{t('abc.revenue')}</th></tr></thead>
              <tbody>
                {s.rows.map((r) => (
                  <tr key={r.key}><th scope="row" title={r.key}>{r.key}</th><td>{formatNumber(r.clients, lang)}</td><td>{formatNumber(r.a, lang)}</td><td>{money(r.revenue)}</td></tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
      <section className="pf-a-list">
        <h3>{t('abc.aClients')}</h3>
        <table className="pf-table" data-testid="a-clients">
          <thead><tr><th>{t('abc.company')}</th><th>{t('abc.revenue')}</th><th>{t('abc.next')}</th></tr></thead>
          <tbody>
            {aClients.shown.map((c) => (
              <tr key={c.dossierId}>
                <th scope="row"><a href={`#/dossier/${c.dossierId}`} onClick={(e) => { e.preventDefault(); navigate('dossier', c.dossierId); }}>{c.company}</a></th>
                <td>{money(c.revenue)}</td>
                <td>{c.next ? `${c.next.date ? formatDay(c.next.date, lang) : formatMonth(c.next.month, lang)} · ${t(`common:kind.${c.next.kind}`)}${c.next.title ? ` · ${c.next.title}` : ''}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {aClients.total > A_LIST && <p className="pf-note">{t('abc.more', { n: formatNumber(aClients.total - A_LIST, lang) })}</p>}
      </section>
    </div>
  );
}
