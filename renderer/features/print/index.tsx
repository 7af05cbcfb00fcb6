/**
 * Print views: '#/print/dossier/<id>' (the dossier to take to a meeting) and
 * '#/print/today' (today's call sheet with a blank outcome column to fill in by hand).
 * The 'print' command (Ctrl+P, the menu) and the buttons print through the Bridge, which
 * saves a PDF in Electron and opens the print dialog in the browser.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getTodayFolder } from '../../data/binder-repo';
import { getDossierView } from '../../data/dossier-repo';
import type { ScreenProps } from '../../routes';
import { useToday } from '../../ui/clock';
import { formatDay, formatInstant, formatMoney } from '../../ui/format';
import { navigate } from '../../ui/router';
import { useAuthor } from '../../ui/settings-context';
import { currencyOf, daysOverdue, openAmount } from '../../../shared/receivables';
import type { Invoice, Payment } from '../../../shared/model/records';
import { DocumentPrint } from '../documents/document-print';
import { fileSafe, Toolbar, usePrint } from './print-kit';
import './print.css';

/** The last contacts a printed dossier carries: enough for a meeting, one page or two. */
export const PRINT_HISTORY = 20;

export default function PrintScreen({ params }: ScreenProps) {
  const [what, id] = params;
  if (what === 'dossier' && id) return <DossierPrint id={id} auto={params[2] === 'auto'} />;
  if (what === 'document') return <DocumentPrint params={params.slice(1)} />;
  return <CallSheet auto={params[1] === 'auto'} />;
}

function folderLabel(key: string | undefined, lang: string): string {
  if (!key) return '';
  return key.length === 7 ? formatDay(`${key}-01`, lang, { month: 'long', year: 'numeric' }) : formatDay(key, lang, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' });
}

function DossierPrint({ id, auto }: { id: string; auto: boolean }) {
  const { t, i18n } = useTranslation('print');
  const { t: tc } = useTranslation();
  const lang = i18n.language;
  const author = useAuthor();
  const view = useLiveQuery(() => getDossierView(id), [id], null);
  const today = useToday();
  const print = usePrint(view ? `${fileSafe(view.row.company)}-${today}.pdf` : null, auto);
  if (view === null) return null;
  if (view === undefined) return <div className="empty-state">{t('notFound')}</div>;
  const { row, contacts, history, historyTotal, steps } = view;
  const debts = openDebts(view.invoices, view.payments, today);
  const recent = history.slice(0, PRINT_HISTORY);
  const open = steps.filter((s) => !s.done);
  const card: [string, string][] = [
    [t('dossier.taxId'), row.taxId],
    [t('dossier.industry'), row.industry],
    // Codes never reach paper: 'medium' prints as the UI language names it.
    [t('dossier.segment'), row.segment ? tc(`dossier:segment.${row.segment}`) : ''],
    [t('dossier.territory'), row.territory],
    [t('dossier.owner'), row.owner],
    [t('dossier.tags'), row.tags.join(', ')],
    ...Object.entries(row.customFields),
    [t('dossier.filedUnder'), folderLabel(row.fileKey, lang)],
    [t('dossier.lastContact'), row.lastContactAt ? `${formatInstant(row.lastContactAt, lang)} — ${row.lastSummary ?? ''}` : ''],
    [t('dossier.notes'), row.notes],
  ];
  return (
    <>
      <Toolbar print={print} back={() => navigate('dossier', id)} />
      <article className="print-page" data-testid="print-dossier">
        <h1>
          {row.company}
          {row.vip ? ` · ${t('dossier.vip')}` : ''}
        </h1>
        <p className="print-sub">
          {t('dossier.heading')} · {t('dossier.printedOn', { date: formatDay(today, lang), author })}
        </p>
        <h2>{t('dossier.card')}</h2>
        <dl className="print-card">
          {card
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <div key={k} className="print-pair">
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
        </dl>

        <h2>{t('dossier.debts')}</h2>
        <PrintTable
          items={debts}
          empty={t('dossier.none')}
          columns={[
            { header: t('dossier.invoice'), cell: (d) => d.invoice.number },
            { header: t('dossier.due'), cell: (d) => formatDay(d.invoice.dueOn, lang), numeric: true },
            { header: t('dossier.openAmount'), cell: (d) => formatMoney(d.open, currencyOf(d.invoice), lang), numeric: true },
            { header: t('dossier.daysOverdue'), cell: (d) => (d.days > 0 ? String(d.days) : ''), numeric: true },
            { header: t('dossier.level'), cell: (d) => tc(`receivables:level.${d.invoice.ladderLevel ?? 'none'}`) + (d.invoice.holdReason ? ` · ${tc('receivables:held')}` : '') },
          ]}
        />

        <h2>{t('dossier.contacts')}</h2>
        <PrintTable
          items={contacts}
          empty={t('dossier.none')}
          columns={[
            { header: t('dossier.name'), cell: (c) => c.name + (c.decisionMaker ? ` (${t('dossier.decisionMaker')})` : '') },
            { header: t('dossier.position'), cell: (c) => c.position },
            { header: t('dossier.phones'), cell: (c) => c.phones.join(', '), numeric: true },
            { header: t('dossier.emails'), cell: (c) => c.emails.join(', ') },
          ]}
        />

        <h2>{t('dossier.steps')}</h2>
        <PrintTable
          items={open}
          empty={t('dossier.none')}
          columns={[
            { header: t('dossier.date'), cell: (s) => folderLabel(s.date || s.month, lang), numeric: true },
            { header: t('dossier.time'), cell: (s) => s.time, numeric: true },
            { header: t('dossier.kind'), cell: (s) => tc(`kind.${s.kind}`) },
            { header: t('dossier.title'), cell: (s) => s.title },
          ]}
        />

        <h2>
          {historyTotal > recent.length
            ? t('dossier.historyOf', { count: recent.length, total: historyTotal })
            : t('dossier.history', { count: recent.length })}
        </h2>
        <PrintTable
          items={recent}
          empty={t('dossier.none')}
          columns={[
            { header: t('dossier.when'), cell: (h) => formatInstant(h.at, lang, { dateStyle: 'short', timeStyle: 'short' }), numeric: true },
            { header: t('dossier.kind'), cell: (h) => tc(`kind.${h.kind}`) },
            { header: t('dossier.outcome'), cell: (h) => (h.outcome ? tc(`outcome.${h.outcome}`) : '') },
            { header: t('dossier.summary'), cell: (h) => h.summary },
          ]}
        />
      </article>
    </>
  );
}

/** The dossier's invoices still owed, oldest due first (the view sorts them by due date). */
export function openDebts(invoices: readonly Invoice[], payments: readonly Payment[], today: string) {
  return invoices
    .map((invoice) => ({ id: invoice.id, invoice, open: openAmount(invoice, payments.filter((p) => p.invoiceId === invoice.id)), days: daysOverdue(invoice, today) }))
    .filter((d) => d.open > 0);
}

interface PrintColumn<T> {
  header: string;
  cell(item: T): ReactNode;
  /** Dates, hours and phones: tabular figures. */
  numeric?: boolean;
}

/** One table of the printed dossier, or a "none" line when it has no rows. */
function PrintTable<T extends { id: string }>({ items, columns, empty }: { items: T[]; columns: PrintColumn<T>[]; empty: string }) {
  if (!items.length) return <p className="print-empty">{empty}</p>;
  return (
    <table>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header}>{c.header}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            {columns.map((c) => (
              <td key={c.header} className={c.numeric ? 'print-num' : undefined}>
                {c.cell(item)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CallSheet({ auto }: { auto: boolean }) {
  const { t, i18n } = useTranslation('print');
  const { t: tc } = useTranslation();
  const lang = i18n.language;
  const today = useToday();
  const rows = useLiveQuery(() => getTodayFolder(today), [today]);
  const print = usePrint(rows ? `call-sheet-${today}.pdf` : null, auto);
  if (!rows) return null;
  const overdue = rows.filter((r) => r.fileKey! < today).length;
  return (
    <>
      <Toolbar print={print} back={() => navigate('today')} />
      <article className="print-page print-sheet" data-testid="print-call-sheet">
        <h1>{t('sheet.heading', { date: formatDay(today, lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }) })}</h1>
        <p className="print-sub">{t('sheet.summary', { count: rows.length, overdue })}</p>
        {rows.length ? (
          <table>
            <thead>
              <tr>
                <th className="w-time">{t('sheet.time')}</th>
                <th className="w-company">{t('sheet.company')}</th>
                <th className="w-contact">{t('sheet.contact')}</th>
                <th className="w-phone">{t('sheet.phone')}</th>
                <th className="w-last">{t('sheet.last')}</th>
                <th className="w-next">{t('sheet.next')}</th>
                <th className="print-outcome">{t('sheet.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="print-num">
                    {r.nextTime}
                    {r.fileKey! < today && <div className="print-muted">{t('sheet.overdue', { date: formatDay(r.fileKey!, lang, { day: 'numeric', month: 'short' }) })}</div>}
                  </td>
                  <td>{r.company}</td>
                  <td>{r.primaryName}</td>
                  <td className="print-num">{r.primaryPhone}</td>
                  <td>
                    {r.lastContactAt && <div className="print-num">{formatInstant(r.lastContactAt, lang, { dateStyle: 'short' })}</div>}
                    <div className="print-muted">{r.lastSummary}</div>
                  </td>
                  <td>
                    {r.nextKind ? tc(`kind.${r.nextKind}`) : ''}
                    {r.nextTitle ? `: ${r.nextTitle}` : ''}
                  </td>
                  <td className="print-outcome" />
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="print-empty">{t('sheet.empty')}</p>
        )}
      </article>
    </>
  );
}
