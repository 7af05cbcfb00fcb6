import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readPortfolio } from '../../data/portfolio-repo';
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
  const portfolio = useLiveQuery(() => (tab === 'team' ? undefined : readPortfolio({ kind: 'all' })), [tab]);
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
          : !portfolio ? <p className="pf-note">{t('common:state.loading')}</p>
          : tab === 'abc' ? <AbcView portfolio={portfolio} today={today} currency={settings.currency} thresholds={settings.segmentThresholds} />
          : <ActivityView portfolio={portfolio} today={today} settings={settings} />}
      </div>
    </div>
  );
}
