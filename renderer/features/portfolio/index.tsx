import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreenProps } from '../../routes';
import { useToday } from '../../ui/clock';
import { formatNumber } from '../../ui/format';
import { useSettings } from '../../ui/settings-context';
import { AbcView } from './abc-view';
import { ActivityView } from './activity-view';
import { TeamView } from './team-view';
import { usePortfolioColumns, type ColumnsState } from './use-portfolio-columns';
import './portfolio.css';

const TABS = ['abc', 'activity', 'team'] as const;
type Tab = (typeof TABS)[number];

/** The portfolio as a whole: ABC and the Pareto chart, activity KPIs, the team lead's view. */
export default function PortfolioScreen({ params }: ScreenProps) {
  const { t } = useTranslation('portfolio');
  const { settings } = useSettings();
  const today = useToday();
  const [tab, setTab] = useState<Tab>(TABS.includes(params[0] as Tab) ? (params[0] as Tab) : 'abc');
  // The team tab reads other managers' files only; the lead's own binder is not read for it.
  // The binder is held as columns (portfolio-columns.ts), read and built on a worker.
  const read = usePortfolioColumns(tab !== 'team');
  const { columns } = read;
  return (
    <div className="screen pf-screen">
      <header className="screen-head">
        <h1 className="screen-title">{t('title')}</h1>
        <div className="pf-tabs" role="tablist">
          {TABS.map((k) => (
            <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'pf-tab pf-tab-on' : 'pf-tab'} onClick={() => setTab(k)}>{t(`tab.${k}`)}</button>
          ))}
        </div>
      </header>
      <div className="pf-body">
        {tab !== 'team' && columns && (read.reading || read.error) && <ReadState read={read} />}
        {tab === 'team' ? <TeamView today={today} currency={settings.currency} capacity={settings.capacity} />
          : !columns ? <ReadState read={read} />
          : tab === 'abc' ? <AbcView columns={columns} today={today} currency={settings.currency} thresholds={settings.segmentThresholds} />
          : <ActivityView columns={columns} today={today} settings={settings} />}
      </div>
    </div>
  );
}

/**
 * The read's state: a bar with the dossiers read before the first figures, a quiet line
 * above figures that are being updated, and a failure in the interface's language.
 */
function ReadState({ read }: { read: ColumnsState }) {
  const { t, i18n } = useTranslation('portfolio');
  const lang = i18n.language;
  if (read.error) {
    return (
      // The technical reason is for whoever is asked to help, not the sentence the manager reads.
      <p className="pf-note pf-problem" role="alert" data-testid="pf-read-error" title={read.error}>
        {t('load.failed')} <button type="button" onClick={read.retry}>{t('load.retry')}</button>
      </p>
    );
  }
  const p = read.progress;
  const counts = p && p.total > 0 ? { done: formatNumber(p.done, lang), total: formatNumber(p.total, lang) } : undefined;
  if (read.columns) {
    return <p className="pf-note pf-updating" role="status" data-testid="pf-updating">{counts ? t('load.updating', counts) : t('load.waiting')}</p>;
  }
  return (
    <div className="pf-loading" role="status" data-testid="pf-loading">
      <progress className="pf-loading-bar" aria-label={t('load.bar')} value={p?.done ?? 0} max={p && p.total > 0 ? p.total : 1} />
      <p className="pf-note">{counts ? t('load.progress', counts) : t('load.starting')}</p>
    </div>
  );
}
