import { useTranslation } from 'react-i18next';
import type { DossierView } from '../../data/types';
import { InvoicesSection } from '../receivables/invoices-section';
import { CardSection } from './card-section';
import { ContactsSection } from './contacts-section';
import { DossierMeta } from './dossier-meta';
import { HistorySection } from './history-section';
import { StepsSection } from './steps-section';
import './dossier.css';

const nothing = () => {};

/**
 * A dossier from someone else's workbook (the team lead's view): the card's own sections,
 * read-only, under a line saying whose file it is and why nothing here can be changed.
 */
export function ReadOnlyDossier({ view, today, note }: { view: DossierView; today: string; note: string }) {
  const { t } = useTranslation('dossier');
  const row = view.row;
  return (
    <div className="ds-screen ds-read-only" data-testid="read-only-dossier">
      <header className="ds-head">
        <div className="ds-title">
          <h1>
            <span className={`ds-star${row.vip ? ' is-on' : ''}`} title={t('screen.vip')} aria-label={row.vip ? t('screen.vip') : undefined}>{row.vip ? '★' : '☆'}</span>
            <span>{row.company}</span>
          </h1>
          <DossierMeta row={row} today={today} />
        </div>
      </header>
      <p className="ds-read-only-note" role="note" data-testid="read-only-note">{note}</p>
      <div className="ds-body">
        <div className="ds-col">
          <CardSection row={row} editing={false} onEditingChange={nothing} readOnly />
          <ContactsSection dossierId={row.id} contacts={view.contacts} adding={false} onAddingChange={nothing} readOnly />
        </div>
        <div className="ds-col">
          <StepsSection steps={view.steps} onOpenDialog={nothing} readOnly />
          <InvoicesSection dossierId={row.id} invoices={view.invoices} payments={view.payments} readOnly />
          <HistorySection dossierId={row.id} history={view.history} total={view.historyTotal} />
        </div>
      </div>
    </div>
  );
}
