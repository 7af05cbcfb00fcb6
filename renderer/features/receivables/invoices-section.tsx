import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invoice, Payment } from '../../../shared/model/records';
import { paymentReminderDay } from '../../../shared/dates/receivables';
import { openAmount } from '../../../shared/receivables/open-amount';
import { parseAmount } from '../../../shared/receivables/parse-amount';
import { deleteInvoice, recordPayment, saveInvoice, type InvoiceInput } from '../../data/receivables-repo';
import { useWorkCalendar } from '../../ui/binder-hooks';
import { todayKey } from '../../ui/clock';
import { formatDay, formatMoney } from '../../ui/format';
import { useToast } from '../../ui/toast';
import { useUndo } from '../../ui/undo';
import { useAuthor } from '../../ui/settings-context';
import { DocumentsMenu } from '../documents/documents-menu';
import './receivables.css';

type Draft = Record<'number' | 'basis' | 'amount' | 'currency' | 'issuedOn' | 'dueOn' | 'terms' | 'paymentWay' | 'loyaltyNote', string> & { id?: string };

const EMPTY: Draft = { number: '', basis: '', amount: '', currency: 'RUB', issuedOn: '', dueOn: '', terms: '', paymentWay: '', loyaltyNote: '' };

function draftOf(inv: Invoice): Draft {
  return {
    id: inv.id, number: inv.number, basis: inv.basis, amount: String(inv.amount), currency: inv.currency, issuedOn: inv.issuedOn, dueOn: inv.dueOn,
    terms: inv.terms ?? '', paymentWay: inv.paymentWay ?? '', loyaltyNote: inv.loyaltyNote ?? '',
  };
}

/** The dossier's invoices: add, edit, delete (undo), record payments, the loyalty discount. */
export function InvoicesSection({ dossierId, invoices, payments, readOnly = false }: { dossierId: string; invoices: Invoice[]; payments: Payment[]; readOnly?: boolean }) {
  const { t, i18n } = useTranslation('receivables');
  const lang = i18n.language;
  const cal = useWorkCalendar();
  const author = useAuthor();
  const toast = useToast();
  const undo = useUndo();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [paying, setPaying] = useState<{ id: string; amount: string; paidOn: string } | null>(null);
  const today = todayKey();
  const fail = (e: unknown) => toast({ kind: 'error', message: e instanceof Error ? e.message : String(e) });

  const save = async () => {
    if (!draft) return;
    const amount = parseAmount(draft.amount);
    if (!draft.number.trim() || !Number.isFinite(amount) || !/^\d{4}-\d{2}-\d{2}$/.test(draft.dueOn)) {
      toast({ kind: 'error', message: t('invoices.invalid') });
      return;
    }
    const input: InvoiceInput = { ...draft, dossierId, number: draft.number.trim(), amount, currency: draft.currency.trim().toUpperCase() || 'RUB' };
    try {
      const { invoice } = await saveInvoice(input, cal, author);
      setDraft(null);
      toast({ message: t('invoices.saved', { number: invoice.number, day: formatDay(paymentReminderDay(invoice.dueOn, cal), lang) }), onUndo: undo });
    } catch (e) {
      fail(e);
    }
  };

  const remove = async (inv: Invoice) => {
    try {
      await deleteInvoice(dossierId, inv.id, cal, author);
      toast({ message: t('invoices.deleted', { number: inv.number }), onUndo: undo });
    } catch (e) {
      fail(e);
    }
  };

  const pay = async () => {
    if (!paying) return;
    try {
      await recordPayment({ dossierId, invoiceId: paying.id, amount: parseAmount(paying.amount), paidOn: paying.paidOn }, cal, author);
      setPaying(null);
      toast({ message: t('invoices.paymentSaved'), onUndo: undo });
    } catch (e) {
      fail(e);
    }
  };

  const field = (key: keyof Draft, label: string, type = 'text') => (
    <label className="rcv-field">
      <span>{label}</span>
      <input type={type} value={draft?.[key] ?? ''} onChange={(e) => setDraft((d) => d && { ...d, [key]: e.target.value })} />
    </label>
  );

  return (
    <section className="ds-panel" aria-label={t('invoices.title')}>
      <header className="ds-panel-head">
        <h2>{t('invoices.title')}</h2>
        {!readOnly && <button type="button" className="btn btn-small" onClick={() => setDraft({ ...EMPTY })}>{t('invoices.add')}</button>}
      </header>
      {draft && !readOnly && (
        <form className="rcv-form" aria-label={t('invoices.add')} onSubmit={(e) => { e.preventDefault(); void save(); }}>
          {field('number', t('invoices.number'))}
          {field('amount', t('invoices.amount'))}
          {field('currency', t('invoices.currency'))}
          {field('issuedOn', t('invoices.issued'), 'date')}
          {field('dueOn', t('invoices.due'), 'date')}
          {field('basis', t('invoices.basis'))}
          {field('terms', t('invoices.terms'))}
          {field('paymentWay', t('invoices.way'))}
          {field('loyaltyNote', t('invoices.loyalty'))}
          <div className="rcv-form-actions">
            <button type="submit" className="btn btn-primary">{t('invoices.save')}</button>
            <button type="button" className="btn" onClick={() => setDraft(null)}>{t('invoices.cancel')}</button>
          </div>
        </form>
      )}
      {invoices.length > 0 && (
        <table className="ds-invoices">
          <thead>
            <tr>
              <th>{t('invoices.number')}</th>
              <th className="ds-num">{t('invoices.amount')}</th>
              <th className="ds-num">{t('invoices.open')}</th>
              <th>{t('invoices.due')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {invoices.map((inv) => {
              const mine = payments.filter((p) => p.invoiceId === inv.id);
              const open = openAmount(inv, mine);
              const overdue = open > 0 && inv.dueOn < today;
              return (
                <tr key={inv.id} className={overdue ? 'ds-overdue' : undefined} data-testid="invoice-row">
                  <td title={[inv.basis, inv.terms, inv.paymentWay, inv.loyaltyNote].filter(Boolean).join(' · ')}>
                    {inv.number}
                    {mine.length > 0 && (
                      <div className="ds-muted rcv-small">
                        {t('invoices.payments', { list: mine.map((p) => `${formatMoney(p.amount, inv.currency, lang)} (${formatDay(p.paidOn, lang, { day: 'numeric', month: 'short' })})`).join(', ') })}
                      </div>
                    )}
                  </td>
                  <td className="ds-num">{formatMoney(inv.amount, inv.currency, lang)}</td>
                  <td className="ds-num">{formatMoney(open, inv.currency, lang)}</td>
                  <td>
                    {formatDay(inv.dueOn, lang)}
                    <div className="ds-muted rcv-small">
                      {open === 0 ? t('invoices.closed') : overdue ? <strong>{t('invoices.overdue')}</strong> : t('invoices.reminder', { day: formatDay(paymentReminderDay(inv.dueOn, cal), lang, { day: 'numeric', month: 'short' }) })}
                    </div>
                  </td>
                  <td className="rcv-actions">
                    {readOnly ? null : paying?.id === inv.id ? (
                      <form className="rcv-pay" aria-label={t('invoices.pay')} onSubmit={(e) => { e.preventDefault(); void pay(); }}>
                        <input aria-label={t('invoices.payAmount')} value={paying.amount} onChange={(e) => setPaying({ ...paying, amount: e.target.value })} />
                        <input aria-label={t('invoices.payDate')} type="date" value={paying.paidOn} onChange={(e) => setPaying({ ...paying, paidOn: e.target.value })} />
                        <button type="submit" className="btn btn-small btn-primary">{t('invoices.record')}</button>
                      </form>
                    ) : (
                      <>
                        {open > 0 && <button type="button" className="btn btn-small" onClick={() => setPaying({ id: inv.id, amount: String(open), paidOn: today })}>{t('invoices.pay')}</button>}
                        <button type="button" className="btn btn-small" onClick={() => setDraft(draftOf(inv))}>{t('invoices.edit')}</button>
                        <button type="button" className="btn btn-small" onClick={() => void remove(inv)}>{t('invoices.delete')}</button>
                        <DocumentsMenu dossierId={dossierId} invoiceId={inv.id} />
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
