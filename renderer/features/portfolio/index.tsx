import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readPortfolioColumns } from '../../data/portfolio-repo';
import type { ScreenProps } from '../../routes';
import { useToday } from '../../ui/clock';
import { useSettings } from '../../ui/settings-context';
import { AbcView } from './abc-view';
import { ActivityView } from './activity-view';
import { TeamView } from './team-view';
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
  // The binder is held as columns (portfolio-columns.ts), built once per read.
  const columns = useLiveQuery(() => (tab === 'team' ? undefined : readPortfolioColumns()), [tab]);
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
        {tab === 'team' ? <TeamView today={today} currency={settings.currency} capacity={settings.capacity} />
          : !columns ? <p className="pf-note">{t('common:state.loading')}</p>
          : tab === 'abc' ? <AbcView columns={columns} today={today} currency={settings.currency} thresholds={settings.segmentThresholds} />
          : <ActivityView columns={columns} today={today} settings={settings} />}
      </div>
    </div>
  );
}
