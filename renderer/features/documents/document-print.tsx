/**
 * '#/print/document/<kind>/<dossierId>[/<invoiceId>]': a payment reminder or a claim letter
 * for one invoice, or the reconciliation statement of the dossier for a period chosen on
 * the toolbar ('…/reconciliation/<dossierId>/<from>/<to>' opens with that period). Printed
 * or saved as PDF like the dossier, or saved as a one-sheet workbook.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidDay } from '../../../shared/dates/calendar-day';
import type { Contact } from '../../../shared/model/records';
import {
  claimLetter, documentWorkbook, DOCUMENT_KINDS, reconciliationStatement, reminderLetter,
  type DocClient, type DocSender, type DocumentKind, type DocumentModel,
} from '../../../shared/receivables/documents';
import { getBridge } from '../../bridge';
import { getDossierView } from '../../data/dossier-repo';
import { useToday } from '../../ui/clock';
import { DateField } from '../../ui/date-field';
import { navigate } from '../../ui/router';
import { useSettings } from '../../ui/settings-context';
import { useToast } from '../../ui/toast';
import { Toolbar, usePrint } from '../print/print-kit';
import { useDocLocale } from './doc-locale';
import { DocumentView } from './document-view';

/** The person a letter is addressed to: the decision maker, else the first contact. */
function addressee(contacts: readonly Contact[]): Contact | undefined {
  return contacts.find((c) => c.decisionMaker) ?? contacts[0];
}

export function DocumentPrint({ params }: { params: string[] }) {
  const [kindParam, dossierId = '', third, fourth] = params;
  const kind = (DOCUMENT_KINDS as readonly string[]).includes(kindParam ?? '') ? (kindParam as DocumentKind) : 'reminder';
  const { t } = useTranslation('documents');
  const { settings } = useSettings();
  const loc = useDocLocale();
  const toast = useToast();
  const today = useToday();
  const view = useLiveQuery(() => getDossierView(dossierId), [dossierId], null);
  const [from, setFrom] = useState<string | null>(kind === 'reconciliation' && third && isValidDay(third) ? third : `${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState<string | null>(kind === 'reconciliation' && fourth && isValidDay(fourth) ? fourth : today);

  const doc = useMemo((): DocumentModel | undefined => {
    if (!view) return undefined;
    const who = addressee(view.contacts);
    const client: DocClient = { company: view.row.company, taxId: view.row.taxId, contactName: who?.name ?? '', contactPosition: who?.position ?? '' };
    const sender: DocSender = { managerName: settings.managerName, requisites: settings.requisites };
    if (kind === 'reconciliation') {
      if (!from || !to || from > to) return undefined;
      return reconciliationStatement({ sender, client, invoices: view.invoices, payments: view.payments, from, to, today }, loc);
    }
    const invoice = view.invoices.find((i) => i.id === third);
    if (!invoice) return undefined;
    const input = { sender, client, invoice, payments: view.payments, today };
    return kind === 'claim' ? claimLetter(input, loc) : reminderLetter(input, loc);
  }, [view, kind, third, from, to, today, settings.managerName, settings.requisites, loc]);

  const print = usePrint(doc ? `${doc.fileName}.pdf` : null, false);
  if (view === null) return null;

  const saveWorkbook = async () => {
    if (!doc) return;
    try {
      const res = await getBridge().saveFile({ suggestedName: `${doc.fileName}.xlsx`, data: documentWorkbook(doc, t('sheet')), filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
      if (res.saved) toast({ message: t('savedTo', { path: res.path ?? '' }) });
    } catch (e) {
      toast({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <>
      <Toolbar print={print} back={() => (dossierId ? navigate('dossier', dossierId) : window.history.back())}>
        <button type="button" className="btn" onClick={() => void saveWorkbook()} disabled={!doc} data-testid="document-workbook">
          {t('workbook')}
        </button>
        {kind === 'reconciliation' && (
          <>
            <DateField label={t('periodFrom')} value={from} onChange={setFrom} allowPast testId="document-from" />
            <DateField label={t('periodTo')} value={to} onChange={setTo} allowPast testId="document-to" />
          </>
        )}
      </Toolbar>
      {!settings.requisites.company.trim() && <p className="print-toolbar print-hint" role="note">{t('noRequisites')}</p>}
      {view && doc ? <DocumentView doc={doc} /> : <div className="empty-state">{t('notFound')}</div>}
    </>
  );
}
