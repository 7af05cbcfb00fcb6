/**
 * Print views: '#/print/dossier/<id>' (the dossier to take to a meeting) and
 * '#/print/today' (today's call sheet with a blank outcome column to fill in by hand).
 * The 'print' command (Ctrl+P, the menu) and the buttons print through the Bridge, which
 * saves a PDF in Electron and opens the print dialog in the browser.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge';
import { getTodayFolder } from '../../data/binder-repo';
import { getDossierView } from '../../data/dossier-repo';
import type { ScreenProps } from '../../routes';
import { useToday } from '../../ui/clock';
import { formatDay, formatInstant } from '../../ui/format';
import { navigate } from '../../ui/router';
import { useAuthor } from '../../ui/settings-context';
import './print.css';

/** The last contacts a printed dossier carries: enough for a meeting, one page or two. */
export const PRINT_HISTORY = 20;

/** Safe in a file name on every platform. */
function fileSafe(s: string): string {
  return s.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'tickler';
}

export default function PrintScreen({ params }: ScreenProps) {
  const [what, id] = params;
  if (what === 'dossier' && id) return <DossierPrint id={id} auto={params[2] === 'auto'} />;
  return <CallSheet auto={params[1] === 'auto'} />;
}

/** Prints on the 'print' command, on the buttons, and once when opened with 'auto' and ready. */
function usePrint(suggestedName: string | null, auto: boolean) {
  const name = useRef(suggestedName);
  name.current = suggestedName;
  const print = useCallback((mode: 'print' | 'pdf') => {
    if (name.current) void getBridge().printPage({ mode, suggestedName: name.current });
  }, []);
  useEffect(() => getBridge().onCommand((c) => c === 'print' && print('pdf')), [print]);
  const printed = useRef(false);
  useEffect(() => {
    if (auto && suggestedName && !printed.current) {
      printed.current = true;
      // After the browser has laid the page out, so the PDF holds the content. The 'auto'
      // leaves the address, so a reload or Back shows the view without printing again.
      requestAnimationFrame(() => {
        print('pdf');
        window.history.replaceState(null, '', window.location.hash.replace(/\/auto$/, ''));
      });
    }
  }, [auto, suggestedName, print]);
  return print;
}

function Toolbar({ print, back }: { print(mode: 'print' | 'pdf'): void; back(): void }) {
  const { t } = useTranslation('print');
  return (
    <div className="print-toolbar">
      <button type="button" className="btn" onClick={back}>
        ← {t('back')}
      </button>
      <button type="button" className="btn btn-primary" onClick={() => print('print')}>
        {t('print')}
      </button>
      <button type="button" className="btn" onClick={() => print('pdf')}>
        {t('pdf')}
      </button>
      <span className="print-hint">{t('hint')}</span>
    </div>
  );
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
  const recent = history.slice(0, PRINT_HISTORY);
  const open = steps.filter((s) => !s.done);
  const card: [string, string][] = [
    [t('dossier.taxId'), row.taxId],
    [t('dossier.industry'), row.industry],
    [t('dossier.segment'), row.segment],
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

        <h2>{t('dossier.contacts')}</h2>
        {contacts.length ? (
          <table>
            <thead>
              <tr>
                <th>{t('dossier.name')}</th>
                <th>{t('dossier.position')}</th>
                <th>{t('dossier.phones')}</th>
                <th>{t('dossier.emails')}</th>
              </tr>
            </thead>
            <tbody>
              {contacts.map((c) => (
                <tr key={c.id}>
                  <td>
                    {c.name}
                    {c.decisionMaker ? ` (${t('dossier.decisionMaker')})` : ''}
                  </td>
                  <td>{c.position}</td>
                  <td className="print-num">{c.phones.join(', ')}</td>
                  <td>{c.emails.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="print-empty">{t('dossier.none')}</p>
        )}

        <h2>{t('dossier.steps')}</h2>
        {open.length ? (
          <table>
            <thead>
              <tr>
                <th>{t('dossier.date')}</th>
                <th>{t('dossier.time')}</th>
                <th>{t('dossier.kind')}</th>
                <th>{t('dossier.title')}</th>
              </tr>
            </thead>
            <tbody>
              {open.map((s) => (
                <tr key={s.id}>
                  <td className="print-num">{folderLabel(s.date || s.month, lang)}</td>
                  <td className="print-num">{s.time}</td>
                  <td>{tc(`kind.${s.kind}`)}</td>
                  <td>{s.title}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="print-empty">{t('dossier.none')}</p>
        )}

        <h2>
          {historyTotal > recent.length
            ? t('dossier.historyOf', { count: recent.length, total: historyTotal })
            : t('dossier.history', { count: recent.length })}
        </h2>
        {recent.length ? (
          <table>
            <thead>
              <tr>
                <th>{t('dossier.when')}</th>
                <th>{t('dossier.kind')}</th>
                <th>{t('dossier.outcome')}</th>
                <th>{t('dossier.summary')}</th>
              </tr>
            </thead>
            <tbody>
              {recent.map((h) => (
                <tr key={h.id}>
                  <td className="print-num">{formatInstant(h.at, lang, { dateStyle: 'short', timeStyle: 'short' })}</td>
                  <td>{tc(`kind.${h.kind}`)}</td>
                  <td>{h.outcome ? tc(`outcome.${h.outcome}`) : ''}</td>
                  <td>{h.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="print-empty">{t('dossier.none')}</p>
        )}
      </article>
    </>
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
