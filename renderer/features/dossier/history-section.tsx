import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../shared/model/records';
import { readPortfolio } from '../../data/portfolio-repo';
import { formatInstant } from '../../ui/format';
import { KIND_ICON } from './steps-section';

/**
 * What was said, newest first: the part of the dossier read right before a call. The view
 * carries the latest 50; "show all" reads the dossier's whole history once, on demand.
 */
export function HistorySection({ dossierId, history, total }: { dossierId: string; history: HistoryEntry[]; total: number }) {
  const { t, i18n } = useTranslation('dossier');
  const lang = i18n.language;
  const [all, setAll] = useState<HistoryEntry[] | null>(null);
  // A refile adds an entry: the full list read earlier is then stale, so fall back to the live one.
  const entries = all && all.length >= total ? all : history;

  const showAll = async () => {
    const p = await readPortfolio({ kind: 'ids', ids: [dossierId] });
    setAll(p.history.filter((h) => h.dossierId === dossierId).sort((a, b) => b.at.localeCompare(a.at)));
  };

  return (
    <section className="ds-panel ds-history" aria-label={t('history.title')}>
      <header className="ds-panel-head">
        <h2>{t('history.title')}</h2>
        {total > entries.length && <span className="ds-muted ds-small">{t('history.shown', { shown: entries.length, total })}</span>}
      </header>
      {entries.length === 0 ? (
        <p className="ds-empty">{t('history.empty')}</p>
      ) : (
        <ol className="ds-timeline">
          {entries.map((h) => (
            <li key={h.id} className="ds-entry" data-testid="history-entry">
              <span className="ds-kind" aria-hidden>{KIND_ICON[h.kind]}</span>
              <div className="ds-entry-body">
                <div className="ds-entry-head">
                  <strong>{t(`common:kind.${h.kind}`)}</strong>
                  {h.outcome && <span className={`badge ds-outcome ds-outcome-${h.outcome}`}>{t(`common:outcome.${h.outcome}`)}</span>}
                  <span className="ds-muted ds-small ds-entry-meta">
                    {formatInstant(h.at, lang, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })}
                    {h.author && ` · ${t('history.by', { author: h.author })}`}
                  </span>
                </div>
                {h.summary && <p className="ds-summary">{h.summary}</p>}
              </div>
            </li>
          ))}
        </ol>
      )}
      {total > entries.length && (
        <button className="btn btn-link" onClick={() => void showAll()}>{t('history.more', { total })}</button>
      )}
    </section>
  );
}
