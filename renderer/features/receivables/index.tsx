import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { AGING_BUCKETS } from '../../../shared/dates/receivables';
import { NEGOTIATION_REASONS, SEGMENTS, SOLUTION_KINDS, type Instalment, type LadderLevel, type NegotiationReason, type Segment, type SolutionKind } from '../../../shared/model/records';
import { checkMove, nextLevel } from '../../../shared/receivables/ladder';
import {
  getReceivablesOverview, listReceivables, moveOnLadder, setHold, type ReceivableItem, type ReceivablesFilter, type ReceivablesSort, type ReceivablesView,
} from '../../data/receivables-repo';
import { listOwners } from '../../data/search-repo';
import type { ScreenProps } from '../../routes';
import { useWorkCalendar } from '../../ui/binder-hooks';
import { useToday } from '../../ui/clock';
import { formatDay, formatMoney } from '../../ui/format';
import { isTyping } from '../../ui/is-typing';
import { navigate } from '../../ui/router';
import { useAuthor } from '../../ui/settings-context';
import { useToast } from '../../ui/toast';
import { useUndo } from '../../ui/undo';
import { DocumentsMenu } from '../documents/documents-menu';
import { AgeingCharts } from './ageing-charts';
import { ClientTotals } from './client-totals';
import { useLadder } from './ladder-settings';
import { PasteInvoicesDialog } from './paste-invoices';
import { ScheduleForm } from './schedule-form';
import { SignalDialog } from './signal-dialog';
import './receivables.css';

const VIEWS: ReceivablesView[] = ['due-soon', '1-30', '31-60', '61-90', '90+', 'overdue'];
const TABS = ['list', 'clients', 'chart'] as const;
type Tab = (typeof TABS)[number];
const PAGE = 100;

/** The columns a click sorts by (the first click sorts the natural way, the second reverses). */
const COLUMNS: { key: ReceivablesSort; label: string; num?: boolean }[] = [
  { key: 'company', label: 'col.company' },
  { key: 'number', label: 'col.number' },
  { key: 'amount', label: 'col.open', num: true },
  { key: 'dueOn', label: 'col.due' },
  { key: 'level', label: 'col.level' },
];

type Pending =
  | { item: ReceivableItem; to: LadderLevel; kind: 'reason' | 'solution' }
  | { item: ReceivableItem; to: LadderLevel; kind: 'schedule' }
  | { item: ReceivableItem; kind: 'hold' };

/** The receivables desk: ageing totals, due soon and overdue by bucket, per client, charts, the ladder's moves and holds. */
export default function ReceivablesScreen(_props: ScreenProps) {
  const { t, i18n } = useTranslation('receivables');
  const lang = i18n.language;
  const today = useToday();
  const cal = useWorkCalendar();
  const ladder = useLadder();
  const author = useAuthor();
  const toast = useToast();
  const undo = useUndo();
  const [tab, setTab] = useState<Tab>('list');
  const [view, setView] = useState<ReceivablesView>('overdue');
  const [owner, setOwner] = useState('');
  const [segment, setSegment] = useState<Segment | ''>('');
  const [vip, setVip] = useState(false);
  const [currency, setCurrency] = useState('');
  const [sort, setSort] = useState<{ key: ReceivablesSort; desc: boolean }>({ key: 'dueOn', desc: false });
  const [limit, setLimit] = useState(PAGE);
  const [pending, setPending] = useState<Pending | null>(null);
  const [choice, setChoice] = useState('');
  const [dialog, setDialog] = useState<'paste' | 'signal' | null>(null);
  const rows = useRef(new Map<string, HTMLTableRowElement>());

  const filter: ReceivablesFilter = useMemo(
    () => ({ owner: owner || undefined, segment: segment || undefined, vip: vip || undefined, currency: currency || undefined }),
    [owner, segment, vip, currency],
  );
  const owners = useLiveQuery(() => listOwners(), []);
  const overview = useLiveQuery(() => getReceivablesOverview(today, cal), [today, cal]);
  const items = useLiveQuery(
    () => (tab === 'list' ? listReceivables({ view, today, sort: sort.key, desc: sort.desc, filter, limit, cal }) : Promise.resolve([])),
    [tab, view, today, sort, filter, limit, cal],
  );
  const currencies = Object.keys(overview?.buckets ?? {});
  const level = (l: string) => t(`level.${l || 'none'}`);

  const run = async (p: Promise<unknown>, message: string) => {
    try {
      await p;
      toast({ message, onUndo: undo });
    } catch (e) {
      toast({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };

  const move = (item: ReceivableItem, to: LadderLevel, detail: { reason?: NegotiationReason; solution?: SolutionKind; instalments?: Instalment[] }) => {
    // The index row carries what the ladder's rule reads: due date, level, hold.
    const asInvoice = { dueOn: item.dueOn, ladderLevel: (item.ladderLevel || undefined) as LadderLevel | undefined, holdReason: item.held ? 'held' : undefined };
    const refusal = checkMove(asInvoice as Parameters<typeof checkMove>[0], to, detail, today);
    if (refusal === 'needs-reason') return setPending({ item, to, kind: 'reason' });
    if (refusal === 'needs-solution') return setPending({ item, to, kind: 'solution' });
    if (refusal === 'needs-schedule') return setPending({ item, to, kind: 'schedule' });
    if (refusal) return toast({ kind: 'error', message: t('refused', { why: t(`refusal.${refusal}`) }) });
    const parts = [t('history.moved', { number: item.number, level: level(to) })];
    if (detail.reason) parts.push(t('history.reason', { reason: t(`reason.${detail.reason}`) }));
    if (detail.solution) parts.push(t('history.solution', { solution: t(`solution.${detail.solution}`) }));
    if (detail.instalments) parts.push(detail.instalments.map((i) => `${formatDay(i.dueOn, lang)}: ${formatMoney(i.amount, item.currency, lang)}`).join(', '));
    setPending(null);
    void run(
      moveOnLadder({ dossierId: item.dossierId, invoiceId: item.id, to, detail, summary: parts.join('; '), stepTitle: t('stepTitle', { number: item.number, level: level(to) }) }, today, cal, author, ladder),
      t('moved', { company: item.company, level: level(to) }),
    );
  };

  const hold = (item: ReceivableItem, reason: string) => {
    setPending(null);
    const summary = reason ? t('history.hold', { number: item.number, reason }) : t('history.resumed', { number: item.number });
    void run(setHold(item.dossierId, item.id, reason, summary, cal, author), summary);
  };

  const confirm = () => {
    if (!pending || pending.kind === 'schedule') return;
    if (pending.kind === 'hold') return choice.trim() && hold(pending.item, choice.trim());
    if (!choice) return;
    move(pending.item, pending.to, pending.kind === 'reason' ? { reason: choice as NegotiationReason } : { solution: choice as SolutionKind });
  };

  const sortBy = (key: ReceivablesSort) => {
    setLimit(PAGE);
    setSort((s) => ({ key, desc: s.key === key ? !s.desc : false }));
  };

  // Arrows move between the rows, Enter opens the dossier (the rows are the tab stops' targets).
  const onListKey = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    if (isTyping(e.target) || !items?.length) return;
    const ids = items.map((r) => r.id);
    const at = ids.indexOf((document.activeElement as HTMLElement | null)?.dataset.id ?? '');
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = ids[Math.max(0, Math.min(ids.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))]!;
      rows.current.get(next)?.focus();
    } else if (e.key === 'Enter' && at >= 0 && e.target === document.activeElement && (e.target as HTMLElement).tagName === 'TR') {
      navigate('dossier', items[at]!.dossierId);
    }
  };

  const empty = overview !== undefined && overview.invoices === 0;

  return (
    <div className="rcv-screen">
      <header className="rcv-head">
        <h1>{t('title')}</h1>
        <div className="rcv-head-actions">
          <button type="button" className="btn" onClick={() => setDialog('paste')}>{t('desk.paste.open')}</button>
          <button type="button" className="btn" onClick={() => setDialog('signal')} disabled={empty}>{t('desk.signal.open')}</button>
        </div>
      </header>
      {empty ? (
        <p className="rcv-empty" data-testid="receivables-empty">{t('desk.emptyBinder')}</p>
      ) : (
        <table className="rcv-totals" aria-label={t('totals')}>
          <thead>
            <tr>
              <th>{t('currency')}</th>
              {AGING_BUCKETS.map((b) => <th key={b}>{t(`bucket.${b}`)}</th>)}
              <th>{t('total')}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(overview?.buckets ?? {}).map(([c, row]) => (
              <tr key={c}>
                <td>{c}</td>
                {AGING_BUCKETS.map((b) => <td key={b}>{formatMoney(row[b], c, lang)}</td>)}
                <td><strong>{formatMoney(Object.values(row).reduce((a, v) => a + v, 0), c, lang)}</strong></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="rcv-filters">
        <div className="rcv-tabs" role="tablist">
          {TABS.map((k) => (
            <button key={k} type="button" role="tab" className="btn btn-small" aria-selected={tab === k} onClick={() => setTab(k)}>{t(`desk.tabs.${k}`)}</button>
          ))}
        </div>
        <select aria-label={t('filterOwner')} value={owner} onChange={(e) => { setOwner(e.target.value); setLimit(PAGE); }}>
          <option value="">{t('desk.anyOwner')}</option>
          {(owners ?? []).map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
        <select aria-label={t('desk.segment')} value={segment} onChange={(e) => { setSegment(e.target.value as Segment | ''); setLimit(PAGE); }}>
          <option value="">{t('desk.anySegment')}</option>
          {SEGMENTS.map((s) => <option key={s} value={s}>{t(`desk.segments.${s}`)}</option>)}
        </select>
        <select aria-label={t('currency')} value={currency} onChange={(e) => { setCurrency(e.target.value); setLimit(PAGE); }}>
          <option value="">{t('desk.anyCurrency')}</option>
          {currencies.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
        <label><input type="checkbox" checked={vip} onChange={(e) => { setVip(e.target.checked); setLimit(PAGE); }} /> {t('filterVip')}</label>
      </div>
      {tab === 'clients' && <ClientTotals today={today} filter={filter} />}
      {tab === 'chart' && overview && <AgeingCharts buckets={overview.buckets} today={today} currency={currency || undefined} />}
      {tab === 'list' && (
        <>
          <div className="rcv-tabs" role="group">
            {VIEWS.map((v) => (
              <button key={v} type="button" className="btn btn-small" aria-pressed={view === v} onClick={() => { setView(v); setLimit(PAGE); }}>{t(`bucket.${v}`)}</button>
            ))}
            <small className="ds-muted rcv-keys">{t('desk.keys')}</small>
          </div>
          {pending?.kind === 'schedule' && (
            <ScheduleForm item={pending.item} onCancel={() => setPending(null)} onSave={(instalments) => move(pending.item, pending.to, { solution: 'schedule', instalments })} />
          )}
          {pending && pending.kind !== 'schedule' && (
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
                  {COLUMNS.map((c) => (
                    <th key={c.key} className={c.num ? 'num' : undefined} aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : undefined}>
                      <button type="button" className="rcv-sort" title={t('desk.sortBy', { column: t(c.label) })} onClick={() => sortBy(c.key)}>
                        {t(c.label)}{sort.key === c.key ? (sort.desc ? ' ↓' : ' ↑') : ''}
                      </button>
                    </th>
                  ))}
                  <th className="num">{t('col.days')}</th>
                  <th />
                </tr>
              </thead>
              <tbody onKeyDown={onListKey}>
                {(items ?? []).map((r) => {
                  const up = nextLevel((r.ladderLevel || undefined) as LadderLevel | undefined);
                  return (
                    <tr
                      key={r.id} data-testid="receivable-row" data-id={r.id} tabIndex={0}
                      ref={(el) => { if (el) rows.current.set(r.id, el); else rows.current.delete(r.id); }}
                    >
                      <td><a href={`#/dossier/${r.dossierId}`} tabIndex={-1} onClick={(e) => { e.preventDefault(); navigate('dossier', r.dossierId); }}>{r.company}</a>{r.vip ? ' ★' : ''}</td>
                      <td>{r.number}</td>
                      <td className="num">{formatMoney(r.open, r.currency, lang)}</td>
                      <td className="rcv-date">{formatDay(r.dueOn, lang)}</td>
                      <td>{level(r.ladderLevel)}{r.held ? ` · ${t('held')}` : ''}</td>
                      <td className="num">{r.daysOverdue || ''}</td>
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
          {items && items.length >= limit && (
            <p className="rcv-more">
              <span className="ds-muted">{t('desk.shown', { count: items.length })}</span>{' '}
              <button type="button" className="btn btn-small" onClick={() => setLimit(limit + PAGE)}>{t('desk.more')}</button>
            </p>
          )}
        </>
      )}
      <PasteInvoicesDialog open={dialog === 'paste'} onClose={() => setDialog(null)} />
      <SignalDialog open={dialog === 'signal'} today={today} filter={filter} onClose={() => setDialog(null)} />
    </div>
  );
}
