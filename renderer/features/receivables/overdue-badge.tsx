import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { getOverdueTotal } from '../../data/receivables-repo';
import { useToday } from '../../ui/clock';
import { formatMoney } from '../../ui/format';

/** The sidebar's overdue total (per currency), read from the per-day sums: a few hundred values, live after every write. */
export function OverdueBadge() {
  const { t, i18n } = useTranslation('receivables');
  const today = useToday();
  const totals = useLiveQuery(() => getOverdueTotal(today), [today]);
  const entries = Object.entries(totals ?? {});
  if (entries.length === 0) return null;
  // The sidebar is narrow: "44,9 млн ₽" there, the exact sum in the tooltip.
  const exact = entries.map(([c, v]) => formatMoney(v, c, i18n.language)).join(' + ');
  const compact = entries.map(([c, v]) => formatMoney(v, c, i18n.language, 'compact')).join(' + ');
  return (
    <span className="nav-count nav-overdue" data-testid="nav-overdue" title={t('sidebarOverdue', { amount: exact })}>
      {compact}
    </span>
  );
}
