import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addMonths } from '../../../shared/dates/calendar-day';
import type { Instalment } from '../../../shared/model/records';
import { checkSchedule } from '../../../shared/receivables/ladder';
import { fromCents, toCents } from '../../../shared/receivables/open-amount';
import type { ReceivableItem } from '../../data/receivables-repo';
import { todayKey } from '../../ui/clock';
import { formatMoney } from '../../ui/format';
import { parseAmount } from '../../../shared/receivables/parse-amount';

type Row = { dueOn: string; amount: string };

/** Splits the open amount into `n` monthly instalments, the last taking the cents left over. */
function proposal(openCents: number, n: number): Row[] {
  const part = Math.floor(openCents / n);
  return Array.from({ length: n }, (_, i) => ({
    dueOn: addMonths(todayKey(), i + 1),
    amount: String(fromCents(i === n - 1 ? openCents - part * (n - 1) : part)),
  }));
}

/** The 'schedule' solution: the instalments that replace the open amount, each with its own payment reminder. */
export function ScheduleForm({ item, onSave, onCancel }: { item: ReceivableItem; onSave(instalments: Instalment[]): void; onCancel(): void }) {
  const { t, i18n } = useTranslation('receivables');
  const lang = i18n.language;
  const [rows, setRows] = useState<Row[]>(() => proposal(item.openCents, 3));
  const instalments = rows.map((r) => ({ dueOn: r.dueOn, amount: parseAmount(r.amount) }));
  const issue = checkSchedule(instalments, item.openCents);
  const sum = fromCents(instalments.reduce((a, i) => a + (Number.isFinite(i.amount) ? toCents(i.amount) : 0), 0));
  const set = (i: number, patch: Partial<Row>) => setRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <form className="rcv-schedule" role="dialog" aria-label={t('desk.schedule.title')} onSubmit={(e) => { e.preventDefault(); if (!issue) onSave(instalments); }}>
      <strong>{item.company} № {item.number}: {t('desk.schedule.title')}</strong>
      <small className="ds-muted">{t('desk.schedule.hint')}</small>
      {rows.map((r, i) => (
        <div key={i} className="rcv-schedule-row" data-testid="instalment-row">
          <label>{t('desk.schedule.due')} <input type="date" value={r.dueOn} onChange={(e) => set(i, { dueOn: e.target.value })} /></label>
          <label>{t('desk.schedule.amount')} <input inputMode="decimal" value={r.amount} onChange={(e) => set(i, { amount: e.target.value })} /></label>
          {rows.length > 1 && <button type="button" className="btn btn-small" onClick={() => setRows(rows.filter((_, k) => k !== i))}>{t('desk.schedule.remove')}</button>}
        </div>
      ))}
      <div className="rcv-form-actions">
        <button type="button" className="btn btn-small" onClick={() => setRows([...rows, { dueOn: addMonths(rows.at(-1)?.dueOn || todayKey(), 1), amount: '' }])}>{t('desk.schedule.add')}</button>
        <span className={issue ? 'rcv-warn' : 'ds-muted'}>
          {t('desk.schedule.sum', { sum: formatMoney(sum, item.currency, lang), open: formatMoney(item.open, item.currency, lang) })}
          {issue ? ` — ${t(`desk.schedule.${issue}`)}` : ''}
        </span>
        <button type="submit" className="btn btn-primary btn-small" disabled={issue !== undefined}>{t('confirm')}</button>
        <button type="button" className="btn btn-small" onClick={onCancel}>{t('invoices.cancel')}</button>
      </div>
    </form>
  );
}
