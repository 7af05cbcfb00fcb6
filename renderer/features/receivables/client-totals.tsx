import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { getClientTotals, type ReceivablesFilter } from '../../data/receivables-repo';
import { formatMoney } from '../../ui/format';
import { navigate } from '../../ui/router';

/** The overdue per client, largest first: who to call about money today. */
export function ClientTotals({ today, filter }: { today: string; filter: ReceivablesFilter }) {
  const { t, i18n } = useTranslation('receivables');
  const lang = i18n.language;
  const rows = useLiveQuery(() => getClientTotals(today, filter, 200), [today, filter]);
  if (rows && rows.length === 0) return <p className="ds-muted">{t('empty')}</p>;
  return (
    <table className="rcv-list" data-testid="client-totals">
      <thead>
        <tr>
          <th>{t('col.company')}</th>
          <th>{t('filterOwner')}</th>
          <th className="num">{t('desk.clients.invoices')}</th>
          <th className="num">{t('desk.clients.overdue')}</th>
        </tr>
      </thead>
      <tbody>
        {(rows ?? []).map((r) => (
          <tr key={r.dossierId} data-testid="client-total-row">
            <td><a href={`#/dossier/${r.dossierId}`} onClick={(e) => { e.preventDefault(); navigate('dossier', r.dossierId); }}>{r.company}</a></td>
            <td>{r.owner}</td>
            <td className="num">{r.invoices}</td>
            <td className="num">{Object.entries(r.overdue).map(([c, v]) => formatMoney(v, c, lang)).join(' · ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
