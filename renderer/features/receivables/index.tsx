import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { AGING_BUCKETS } from '../../../shared/dates/receivables';
import { NEGOTIATION_REASONS, SOLUTION_KINDS, type LadderLevel, type NegotiationReason, type SolutionKind } from '../../../shared/model/records';
import { checkMove, nextLevel } from '../../../shared/receivables/ladder';
import { getReceivablesOverview, listReceivables, moveOnLadder, setHold, type ReceivableItem, type ReceivablesView } from '../../data/receivables-repo';
import type { ScreenProps } from '../../routes';
import { useWorkCalendar } from '../../ui/binder-hooks';
import { useToday } from '../../ui/clock';
import { formatDay, formatMoney } from '../../ui/format';
import { navigate } from '../../ui/router';
import { useAuthor } from '../../ui/settings-context';
import { useToast } from '../../ui/toast';
import { useUndo } from '../../ui/undo';
import { DocumentsMenu } from '../documents/documents-menu';
import './receivables.css';

const VIEWS: ReceivablesView[] = ['due-soon', '1-30', '31-60', '61-90', '90+', 'overdue'];

type Pending = { item: ReceivableItem; to: LadderLevel; kind: 'reason' | 'solution' } | { item: ReceivableItem; kind: 'hold' };

/** The receivables desk: ageing totals, due soon and overdue by bucket, the ladder's moves and holds. */
export default function ReceivablesScreen(_props: ScreenProps) {
  const { t, i18n } = useTranslation('receivables');
  const lang = i18n.language;
  const today = useToday();
  const cal = useWorkCalendar();
  const author = useAuthor();
  const toast = useToast();
  const undo = useUndo();
  const [view, setView] = useState<ReceivablesView>('overdue');
  const [owner, setOwner] = useState('');
  const [vip, setVip] = useState(false);
  const [sort, setSort] = useState<'dueOn' | 'amount'>('dueOn');
  const [pending, setPending] = useState<Pending | null>(null);
  const [choice, setChoice] = useState('');
  const overview = useLiveQuery(() => getReceivablesOverview(today, cal), [today, cal]);
  const items = useLiveQuery(
    () => listReceivables({ view, today, sort, filter: { owner: owner.trim() || undefined, vip: vip || undefined }, limit: 100 }),
    [view, today, sort, owner, vip],
  );
  const level = (l: string) => t(`level.${l || 'none'}`);

  const run = async (p: Promise<unknown>, message: string) => {
    try {
      await p;
      toast({ message, onUndo: undo });
    } catch (e) {
      toast({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };

  const move = (item: ReceivableItem, to: LadderLevel, detail: { reason?: NegotiationReason; solution?: SolutionKind }) => {
    // The index row carries what the ladder's rule reads: due date, level, hold.
    const asInvoice = { dueOn: item.dueOn, ladderLevel: (item.ladderLevel || undefined) as LadderLevel | undefined, holdReason: item.held ? 'held' : undefined };
    const refusal = checkMove(asInvoice as Parameters<typeof checkMove>[0], to, detail, today);
    if (refusal === 'needs-reason') return setPending({ item, to, kind: 'reason' });
    if (refusal === 'needs-solution') return setPending({ item, to, kind: 'solution' });
    if (refusal) return toast({ kind: 'error', message: t('refused', { why: t(`refusal.${refusal}`) }) });
    const parts = [t('history.moved', { number: item.number, level: level(to) })];
    if (detail.reason) parts.push(t('history.reason', { reason: t(`reason.${detail.reason}`) }));
    if (detail.solution) parts.push(t('history.solution', { solution: t(`solution.${detail.solution}`) }));
    setPending(null);
    void run(
      moveOnLadder({ dossierId: item.dossierId, invoiceId: item.id, to, detail, summary: parts.join('; '), stepTitle: t('stepTitle', { number: item.number, level: level(to) }) }, today, cal, author),
      t('moved', { company: item.company, level: level(to) }),
    );
  };

  const hold = (item: ReceivableItem, reason: string) => {
    setPending(null);
    const summary = reason ? t('history.hold', { number: item.number, reason }) : t('history.resumed', { number: item.number });
    void run(setHold(item.dossierId, item.id, reason, summary, cal, author), summary);
  };

  const confirm = () => {
    if (!pending) return;
    if (pending.kind === 'hold') return choice.trim() && hold(pending.item, choice.trim());
    if (!choice) return;
    move(pending.item, pending.to, pending.kind === 'reason' ? { reason: choice as NegotiationReason } : { solution: choice as SolutionKind });
  };

  return (
    <div className="rcv-screen">
      <h1>{t('title')}</h1>
      <table className="rcv-totals" aria-label={t('totals')}>
        <thead>
          <tr>
            <th>{t('currency')}</th>
            {AGING_BUCKETS.map((b) => <th key={b}>{t(`bucket.${b}`)}</th>)}
            <th>{t('total')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(overview?.buckets ?? {}).map(([currency, row]) => (
            <tr key={currency}>
              <td>{currency}</td>
              {AGING_BUCKETS.map((b) => <td key={b}>{formatMoney(row[b], currency, lang)}</td>)}
              <td><strong>{formatMoney(Object.values(row).reduce((a, v) => a + v, 0), currency, lang)}</strong></td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="rcv-tabs" role="group">
        {VIEWS.map((v) => (
          <button key={v} type="button" className="btn btn-small" aria-pressed={view === v} onClick={() => setView(v)}>{t(`bucket.${v}`)}</button>
        ))}
      </div>
      <div className="rcv-filters">
        <label>{t('filterOwner')} <input value={owner} onChange={(e) => setOwner(e.target.value)} /></label>
        <label><input type="checkbox" checked={vip} onChange={(e) => setVip(e.target.checked)} /> {t('filterVip')}</label>
        <select aria-label={t('sortDue')} value={sort} onChange={(e) => setSort(e.target.value as 'dueOn' | 'amount')}>
          <option value="dueOn">{t('sortDue')}</option>
          <option value="amount">{t('sortAmount')}</option>
        </select>
      </div>
      {pending && (
        <div className="rcv-dialog" role="dialog" aria-label={pending.kind === 'hold' ? t('holdReason') : pending.kind === 'reason' ? t('chooseReason') : t('chooseSolution')}>
          <strong>{pending.item.company} № {pending.item.number}:</strong>
          {pending.kind === 'hold' ? (
            <label>{t('holdReason')} <input autoFocus value={choice} onChange={(e) => setChoice(e.target.value)} /></label>
          ) : (
            <label>
              {pending.kind === 'reason' ? t('chooseReason') : t('chooseSolution')}{' '}
              <select autoFocus value={choice} onChange={(e) => setChoice(e.target.value)}>
                <option value="" />
                {(pending.kind === 'reason' ? NEGOTIATION_REASONS : SOLUTION_KINDS).map((k) => (
                  <option key={k} value={k}>{t(pending.kind === 'reason' ? `reason.${k}` : `solution.${k}`)}</option>
                ))}
              </select>
            </label>
          )}
          <button type="button" className="btn btn-primary btn-small" onClick={confirm}>{t('confirm')}</button>
          <button type="button" className="btn btn-small" onClick={() => setPending(null)}>{t('invoices.cancel')}</button>
        </div>
      )}
      {items && items.length === 0 ? (
        <p className="ds-muted">{t('empty')}</p>
      ) : (
        <table className="rcv-list">
          <thead>
            <tr>
              <th>{t('col.company')}</th>
              <th>{t('col.number')}</th>
              <th className="num">{t('col.open')}</th>
              <th>{t('col.due')}</th>
              <th className="num">{t('col.days')}</th>
              <th>{t('col.level')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(items ?? []).map((r) => {
              const up = nextLevel((r.ladderLevel || undefined) as LadderLevel | undefined);
              return (
                <tr key={r.id} data-testid="receivable-row">
                  <td><a href={`#/dossier/${r.dossierId}`} onClick={(e) => { e.preventDefault(); navigate('dossier', r.dossierId); }}>{r.company}</a>{r.vip ? ' ★' : ''}</td>
                  <td>{r.number}</td>
                  <td className="num">{formatMoney(r.open, r.currency, lang)}</td>
                  <td>{formatDay(r.dueOn, lang)}</td>
                  <td className="num">{r.daysOverdue || ''}</td>
                  <td>{level(r.ladderLevel)}{r.held ? ` · ${t('held')}` : ''}</td>
                  <td className="rcv-actions">
                    {up && r.daysOverdue > 0 && !r.held && (
                      <button type="button" className="btn btn-small" onClick={() => { setChoice(''); move(r, up, {}); }}>{t('up', { level: level(up) })}</button>
                    )}
                    <button type="button" className="btn btn-small" onClick={() => { if (r.held) hold(r, ''); else { setChoice(''); setPending({ item: r, kind: 'hold' }); } }}>
                      {r.held ? t('unhold') : t('hold')}
                    </button>
                    <DocumentsMenu dossierId={r.dossierId} invoiceId={r.id} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
