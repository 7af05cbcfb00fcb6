/**
 * The "Documents" action of a debt: the payment reminder, the reconciliation statement of
 * the client and the claim letter, each opened as a print view (print, PDF or workbook).
 * Used by the dossier's invoice rows and the receivables screen's rows.
 */
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS } from '../../../shared/receivables/documents';
import { navigate } from '../../ui/router';

export function DocumentsMenu({ dossierId, invoiceId }: { dossierId: string; invoiceId: string }) {
  const { t } = useTranslation('documents');
  return (
    <select
      className="btn btn-small rcv-docs"
      aria-label={t('menu')}
      value=""
      data-testid="documents-menu"
      onChange={(e) => {
        const kind = e.target.value;
        if (!kind) return;
        navigate('print', 'document', kind, dossierId, ...(kind === 'reconciliation' ? [] : [invoiceId]));
      }}
    >
      <option value="">{t('menu')} ▾</option>
      {DOCUMENT_KINDS.map((k) => (
        <option key={k} value={k}>{t(`open.${k}`)}</option>
      ))}
    </select>
  );
}
