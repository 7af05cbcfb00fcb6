import { useTranslation } from 'react-i18next';
import { handedOverTo, type CoverFields } from '../../shared/portfolio/handover';
import { formatDay } from './format';

/**
 * In the owner's own binder: "with Boris until 12 Dec" on a dossier handed over for a leave,
 * until the colleague's hand-back is imported. Nothing for any other dossier.
 */
export function HandedOverBadge({ dossier, className = '' }: { dossier: CoverFields; className?: string }) {
  const { t, i18n } = useTranslation();
  const h = handedOverTo(dossier);
  if (!h) return null;
  const date = h.until ? formatDay(h.until, i18n.language, { day: 'numeric', month: 'short' }) : '';
  return (
    <span className={`badge badge-cover ${className}`.trim()} data-testid="handed-over" title={t('row.handedOverTitle', { name: h.to, date: date || '—' })}>
      {date ? t('row.handedOver', { name: h.to, date }) : t('row.handedOverOpen', { name: h.to })}
    </span>
  );
}
