import { withVipCriteria } from '../../../shared/portfolio/profile';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge';
import { archiveDossier, getDossierView, updateDossier } from '../../data/dossier-repo';
import type { ScreenProps } from '../../routes';
import { todayKey } from '../../ui/clock';
import { navigate } from '../../ui/router';
import { useAuthor } from '../../ui/settings-context';
import { useToast } from '../../ui/toast';
import { useUndo } from '../../ui/undo';
import { RefileDialog } from '../refile/refile-dialog';
import { CardSection, type CardField } from './card-section';
import { ContactsSection } from './contacts-section';
import { DossierMeta } from './dossier-meta';
import { HistorySection } from './history-section';
import { InvoicesSection } from '../receivables/invoices-section';
import { StepDialog, StepsSection, type StepDialogMode } from './steps-section';
import './dossier.css';
import { isTyping } from '../../ui/is-typing';


function goBack() {
  // Came from a list in this window: return to it (keeps its scroll and search); else the list.
  if (window.history.length > 1) window.history.back();
  else navigate('dossiers');
}

/**
 * One client's dossier on one laptop screen: the header says where it is filed and offers
 * the day's main action (Log & refile, L); the card and contacts on the left, what is
 * planned and what was said on the right. Keys: L log, E edit, C add contact, Esc back.
 */
export default function DossierScreen({ params }: ScreenProps) {
  const id = params[0] ?? '';
  const { t } = useTranslation('dossier');
  const author = useAuthor();
  const toast = useToast();
  const undo = useUndo();
  const view = useLiveQuery(async () => (await getDossierView(id)) ?? null, [id]);
  const [editing, setEditing] = useState<{ on: boolean; field?: CardField }>({ on: false });
  const [addingContact, setAddingContact] = useState(false);
  const [refileOpen, setRefileOpen] = useState(false);
  const [stepDialog, setStepDialog] = useState<StepDialogMode | null>(null);

  // Another dossier opened in place (a link, a notification): start it closed.
  useEffect(() => {
    setEditing({ on: false });
    setAddingContact(false);
  }, [id]);

  const row = view?.row;
  const company = row?.company ?? '';

  // The print view (features/print) lays the dossier out for A4 and prints it.
  const print = () => navigate('print', 'dossier', id, 'auto');

  const archive = async () => {
    if (!row) return;
    try {
      await archiveDossier(row.id, author);
      toast({ message: t('screen.archivedToast', { company }), onUndo: undo });
    } catch (err) {
      toast({ kind: 'error', message: t('screen.failed', { message: err instanceof Error ? err.message : String(err) }) });
    }
  };

  // Taking the star off clears the criteria too (Ctrl+Z brings them back); putting it on is the bare flag.
  const toggleVip = () => row && void updateDossier(row.id, row.vip ? withVipCriteria([]) : { vip: true }, author);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!row || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (document.querySelector('dialog[open]') || isTyping(e.target)) return;
      // Physical keys, so the shortcuts work on a Russian layout too.
      if (e.code === 'KeyL' && row.status === 'active') setRefileOpen(true);
      else if (e.code === 'KeyE') setEditing({ on: true });
      else if (e.code === 'KeyC') setAddingContact(true);
      else if (e.key === 'Escape' && !editing.on && !addingContact) goBack();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    const off = getBridge().onCommand((c) => {
      if (c === 'print') print();
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      off();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [row, editing.on, addingContact]);

  if (view === undefined) return <div className="loading">{t('common:state.loading')}</div>;
  if (view === null || !row) {
    return (
      <div className="empty-state">
        <p>{t('screen.notFound')}</p>
        <button className="btn" onClick={() => navigate('dossiers')}>{t('screen.toList')}</button>
      </div>
    );
  }

  return (
    <div className="ds-screen" data-testid="dossier-screen">
      <header className="ds-head">
        <button className="btn btn-icon ds-back" onClick={goBack} title={`${t('screen.back')} (Esc)`} aria-label={t('screen.back')}>←</button>
        <div className="ds-title">
          <h1>
            <button className={`ds-star${row.vip ? ' is-on' : ''}`} onClick={toggleVip} title={row.vip ? t('screen.vipOff') : t('screen.vipOn')} aria-pressed={row.vip} aria-label={t('screen.vip')}>
              {row.vip ? '★' : '☆'}
            </button>
            <span>{row.company}</span>
          </h1>
          <DossierMeta row={row} today={todayKey()} />
        </div>
        <div className="ds-actions">
          {row.status === 'active' ? (
            <>
              <button className="btn btn-primary" onClick={() => setRefileOpen(true)}>
                {t('screen.logRefile')} <kbd>L</kbd>
              </button>
              <button className="btn" onClick={() => setEditing({ on: true })}>
                {t('screen.edit')} <kbd>E</kbd>
              </button>
              <button className="btn" onClick={print}>{t('screen.print')}</button>
              <button className="btn" onClick={() => void archive()}>{t('screen.archive')}</button>
            </>
          ) : (
            <>
              <button className="btn btn-primary" onClick={() => setStepDialog({ kind: 'reactivate' })}>{t('screen.reactivate')}</button>
              <button className="btn" onClick={() => setEditing({ on: true })}>
                {t('screen.edit')} <kbd>E</kbd>
              </button>
              <button className="btn" onClick={print}>{t('screen.print')}</button>
            </>
          )}
        </div>
      </header>
      <div className="ds-body">
        <div className="ds-col">
          <CardSection row={row} editing={editing.on} focusField={editing.field} onEditingChange={(on, field) => setEditing({ on, field })} />
          <ContactsSection dossierId={row.id} contacts={view.contacts} adding={addingContact} onAddingChange={setAddingContact} />
        </div>
        <div className="ds-col">
          <StepsSection steps={view.steps} onOpenDialog={setStepDialog} />
          <InvoicesSection dossierId={view.row.id} invoices={view.invoices} payments={view.payments} />
          <HistorySection dossierId={row.id} history={view.history} total={view.historyTotal} />
        </div>
      </div>
      <RefileDialog dossierId={row.id} open={refileOpen} onClose={() => setRefileOpen(false)} />
      <StepDialog mode={stepDialog} dossierId={row.id} company={company} onClose={() => setStepDialog(null)} />
    </div>
  );
}
