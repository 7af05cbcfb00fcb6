import { useTranslation } from 'react-i18next';
import { isMonthKey } from '../../../shared/model/filing';
import { parseOwnerHistoryEntry } from '../../../shared/portfolio/handover';
import type { DossierSummary } from '../../data/types';
import { formatDay } from '../../ui/format';
import { HandedOverBadge } from '../../ui/handed-over-badge';
import { folderLabel } from './folder-label';

/**
 * The line under the company's name: where the dossier is filed (and whether overdue), its
 * segment, owner, cover and earlier owners. Shared by the card and its read-only view.
 */
export function DossierMeta({ row, today }: { row: DossierSummary; today: string }) {
  const { t, i18n } = useTranslation('dossier');
  const lang = i18n.language;
  const fileKey = row.fileKey;
  const overdue = fileKey !== undefined && !isMonthKey(fileKey) && fileKey < today;
  const where = fileKey ? (isMonthKey(fileKey) ? folderLabel(fileKey, lang, t) : t('screen.filedUnder', { folder: folderLabel(fileKey, lang, t) })) : '';
  return (
    <div className="ds-meta">
      {row.status === 'archived' ? (
        <span className="badge ds-archived">{t('screen.archived')}</span>
      ) : (
        <span className={`ds-where${overdue ? ' ds-overdue' : ''}`} data-testid="filed-under">
          {where}
          {overdue && ` · ${t('screen.overdue')}`}
        </span>
      )}
      {row.segment && <span className="badge">{t(`segment.${row.segment}`)}</span>}
      {row.owner && <span className="ds-muted">{t('screen.owner', { owner: row.owner })}</span>}
      {row.coveredFor && (
        <span className="badge ds-covered">
          {row.coveredUntil
            ? t('screen.coveredUntil', { name: row.coveredFor, date: formatDay(row.coveredUntil, lang, { day: 'numeric', month: 'short' }) })
            : t('screen.coveredFor', { name: row.coveredFor })}
        </span>
      )}
      <HandedOverBadge dossier={row} className="ds-covered" />
      {row.ownerHistory?.length ? (
        <span className="ds-muted" data-testid="owner-history" title={t('screen.ownerHistoryTitle')}>
          {t('screen.ownerHistory', { list: ownerHistoryText(row.ownerHistory, lang) })}
        </span>
      ) : null}
    </div>
  );
}

/** Earlier owners, oldest first, each with the day the client left them: "Oleg (10 Jan 2025), Anna (1 Dec 2026)". */
function ownerHistoryText(history: readonly string[], lang: string): string {
  return history
    .map((e) => parseOwnerHistoryEntry(e))
    .filter((e) => e !== undefined)
    .map((e) => `${e.owner} (${formatDay(e.day, lang)})`)
    .join(', ');
}
